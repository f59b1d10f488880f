import type { ToolAdapter } from './adapter.js';

export const gemini: ToolAdapter = {
  id: 'gemini',
  name: 'Gemini CLI',
  detect: ['.gemini', 'GEMINI.md'],
  invoke: (cmd) => `/${cmd}`,
  commandPath: (cmd) => `.gemini/commands/${cmd}.toml`,
  commandTemplate: 'gemini.toml.hbs',
  argumentsToken: '{{args}}',
  format: 'TOML (description, prompt), {{args}}',
  rules: { path: 'GEMINI.md', template: 'gemini.md.hbs', owner: 'block' },
};
