import type { ToolAdapter } from './adapter.js';

export const codex: ToolAdapter = {
  id: 'codex',
  name: 'OpenAI Codex',
  detect: ['.codex', '.agents/skills'],
  invoke: (cmd) => `$${cmd}`,
  commandPath: (cmd) => `.agents/skills/${cmd}/SKILL.md`,
  commandTemplate: 'codex.SKILL.md.hbs',
  argumentsToken: 'the request the user made when invoking this skill',
  format: 'skill folder, SKILL.md front matter (name, description)',
  rules: null,
};
