import type { ToolAdapter } from './adapter.js';
import { TYPED_AFTER_COMMAND } from './adapter.js';

export const cursor: ToolAdapter = {
  id: 'cursor',
  name: 'Cursor',
  detect: ['.cursor', '.cursorrules'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.cursor/commands/${cmd}.md`,
  commandTemplate: 'cursor.md.hbs',
  argumentsToken: TYPED_AFTER_COMMAND,
  format: 'plain Markdown',
  rules: { path: '.cursor/rules/ai-flow.mdc', template: 'cursor.mdc.hbs', owner: 'file' },
};
