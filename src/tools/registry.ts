import type { ToolRow } from './types.js';
import { TOOL_TABLE } from './table.js';

/** Every supported AI tool, in table order. */
export const TOOLS: readonly ToolRow[] = TOOL_TABLE;

export const TOOL_IDS: readonly string[] = TOOLS.map((t) => t.id);

export { DEFAULT_TOOLS } from './defaults.js';

const BY_NAME: ReadonlyMap<string, string> = new Map(TOOLS.flatMap((t) => [[t.id, t.id] as const, ...t.aliases.map((a) => [a, t.id] as const)]));

export function toolById(id: string): ToolRow | undefined {
  return TOOLS.find((t) => t.id === id);
}

/** The id a tool id or alias names, case-insensitive (`Windsurf` → `devin`); undefined when unknown. */
export function resolveToolId(name: string): string | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Sorts tool ids into table order and drops duplicates, so saved answers are stable. */
export function normalizeToolIds(ids: readonly string[]): string[] {
  return TOOL_IDS.filter((id) => ids.includes(id));
}
