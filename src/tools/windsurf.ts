import type { ToolAdapter } from './adapter.js';
import { TYPED_AFTER_COMMAND } from './adapter.js';

export const windsurf: ToolAdapter = {
  id: 'windsurf',
  name: 'Windsurf',
  detect: ['.windsurf', '.windsurfrules'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.windsurf/workflows/${cmd}.md`,
  commandTemplate: 'windsurf.md.hbs',
  argumentsToken: TYPED_AFTER_COMMAND,
  format: 'workflow Markdown, front matter (description)',
  rules: { path: '.windsurf/rules/ai-flow.md', template: 'windsurf.md.hbs', owner: 'file' },
};
