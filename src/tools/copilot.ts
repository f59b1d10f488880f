import type { ToolAdapter } from './adapter.js';

export const copilot: ToolAdapter = {
  id: 'copilot',
  name: 'GitHub Copilot',
  detect: ['.github/copilot-instructions.md', '.github/prompts', '.github/instructions'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.github/prompts/${cmd}.prompt.md`,
  commandTemplate: 'copilot.prompt.md.hbs',
  argumentsToken: '${input:args}',
  format: '.prompt.md, front matter (description, agent: agent), ${input:args}',
  rules: { path: '.github/copilot-instructions.md', template: 'copilot.md.hbs', owner: 'block' },
};
