import { TOOLS } from './registry.js';

/** A path pattern as a regular expression; `<cmd>` captures a command name. */
function patternRe(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('<cmd>', '([a-z0-9][a-z0-9-]{0,63})')}$`);
}

/**
 * Where an earlier ai-flow put each planned file of the selected tools (old path → new path):
 * `update` reports the old file as moved when it deletes it, or as kept when it was edited.
 */
export function legacyMoves(ids: readonly string[], planned: readonly string[]): Map<string, string> {
  const moves = new Map<string, string>();
  for (const tool of TOOLS.filter((t) => ids.includes(t.id))) {
    for (const { from, to } of tool.legacy) {
      const re = patternRe(to);
      for (const p of planned) {
        const m = re.exec(p);
        if (m) moves.set(from.replace('<cmd>', () => m[1] ?? ''), p);
      }
    }
  }
  return moves;
}
