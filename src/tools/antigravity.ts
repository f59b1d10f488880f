import type { ToolAdapter } from './adapter.js';
import { TYPED_AFTER_COMMAND } from './adapter.js';

export const antigravity: ToolAdapter = {
  id: 'antigravity',
  name: 'Google Antigravity',
  detect: ['.agent'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.agent/workflows/${cmd}.md`,
  commandTemplate: 'antigravity.md.hbs',
  argumentsToken: TYPED_AFTER_COMMAND,
  format: 'workflow Markdown, front matter (description)',
  rules: { path: '.agent/rules/ai-flow.md', template: 'antigravity.md.hbs', owner: 'file' },
};
