// The tool probes, by ai-flow tool id, and why the other tools are not probed.
import * as gemini from './gemini.mjs';
import * as opencode from './opencode.mjs';
import * as codex from './codex.mjs';
import * as claude from './claude.mjs';
import * as cline from './cline.mjs';
import * as copilot from './copilot.mjs';
import * as droid from './droid.mjs';
import * as qwen from './qwen.mjs';
import * as kilo from './kilo.mjs';

export const PROBES = {
  gemini,
  opencode,
  codex,
  claude,
  cline,
  copilot,
  droid,
  qwen,
  kilo,
};

export const NOT_PROBED = {
  cursor: 'no official Cursor package on npm (the npm name cursor-agent is an unrelated package)',
  windsurf: 'Windsurf / Devin Desktop is an editor with no official package on npm',
  antigravity: 'Google Antigravity is an editor with no official package on npm',
  // Tried on 2026-11-29 (findings in the conformance notes of docs/tools.md).
  crush: '@charmland/crush downloads its binary from GitHub in a postinstall script: not installable offline',
  amp: '@ampcode/cli downloads its native binary in a postinstall script: not installable offline',
  auggie: '@augmentcode/auggie needs an Augment login and has no base-URL setting for a local model',
};
