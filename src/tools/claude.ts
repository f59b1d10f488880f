import type { ToolAdapter } from './adapter.js';

export const claude: ToolAdapter = {
  id: 'claude',
  name: 'Claude Code',
  detect: ['.claude', 'CLAUDE.md'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.claude/commands/${cmd}.md`,
  commandTemplate: 'claude.md.hbs',
  argumentsToken: '$ARGUMENTS',
  format: 'Markdown, YAML front matter (description, argument-hint), $ARGUMENTS',
  rules: { path: 'CLAUDE.md', template: 'claude.md.hbs', owner: 'block' },
};
