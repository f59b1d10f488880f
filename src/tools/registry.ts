import type { ToolAdapter } from './adapter.js';
import { antigravity } from './antigravity.js';
import { claude } from './claude.js';
import { cline } from './cline.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import { opencode } from './opencode.js';
import { windsurf } from './windsurf.js';

/** Every supported AI tool, in the order of SPEC §4.1. Adding a tool: one module, one row. */
export const TOOLS: readonly ToolAdapter[] = [claude, cursor, copilot, gemini, windsurf, codex, antigravity, cline, opencode];

export const TOOL_IDS: readonly string[] = TOOLS.map((t) => t.id);

export const DEFAULT_TOOLS: readonly string[] = ['copilot'];

export function toolById(id: string): ToolAdapter | undefined {
  return TOOLS.find((t) => t.id === id);
}

/** Sorts tool ids into registry order and drops duplicates, so saved answers are stable. */
export function normalizeToolIds(ids: readonly string[]): string[] {
  return TOOL_IDS.filter((id) => ids.includes(id));
}
