// The tool probes, by ai-flow tool id, and why the other tools are not probed.
import * as gemini from './gemini.mjs';
import * as opencode from './opencode.mjs';
import * as codex from './codex.mjs';
import * as claude from './claude.mjs';
import * as cline from './cline.mjs';

export const PROBES = {
  gemini,
  opencode,
  codex,
  claude,
  cline,
};

export const NOT_PROBED = {
  cursor: 'Cursor (editor and cursor-agent) is not published on npm',
  windsurf: 'Windsurf / Devin Desktop is an editor, not published on npm',
  antigravity: 'Google Antigravity is an editor, not published on npm',
  copilot: '.github/prompts/*.prompt.md are read by VS Code Copilot Chat (not on npm); the Copilot CLI (@github/copilot) does not read prompt files',
};
