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
  cursor: 'no official Cursor package on npm (the npm name cursor-agent is an unrelated package)',
  windsurf: 'Windsurf / Devin Desktop is an editor with no official package on npm',
  antigravity: 'Google Antigravity is an editor with no official package on npm',
  // Checked with @github/copilot 1.0.102: `copilot skill list` and `copilot -p "/name"` (BYOK
  // offline mode) do not see .github/prompts; see the findings in the conformance notes.
  copilot: 'ai-flow writes .github/prompts for VS Code Copilot Chat (not on npm); the Copilot CLI does not read .github/prompts',
};
