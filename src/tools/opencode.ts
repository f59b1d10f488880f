import type { ToolAdapter } from './adapter.js';

export const opencode: ToolAdapter = {
  id: 'opencode',
  name: 'OpenCode',
  detect: ['.opencode', 'opencode.json', 'opencode.jsonc'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.opencode/commands/${cmd}.md`,
  commandTemplate: 'opencode.md.hbs',
  argumentsToken: '$ARGUMENTS',
  format: 'Markdown, front matter (description), $ARGUMENTS',
  rules: null,
};
