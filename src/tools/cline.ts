import type { ToolAdapter } from './adapter.js';
import { TYPED_AFTER_COMMAND } from './adapter.js';

export const cline: ToolAdapter = {
  id: 'cline',
  name: 'Cline',
  detect: ['.clinerules'],
  invoke: (cmd) => `/${cmd}.md`,
  commandPath: (cmd) => `.clinerules/workflows/${cmd}.md`,
  commandTemplate: 'cline.md.hbs',
  argumentsToken: TYPED_AFTER_COMMAND,
  format: 'workflow Markdown',
  rules: { path: '.clinerules/ai-flow.md', template: 'cline.md.hbs', owner: 'file' },
};
