import { PACK_TYPES } from '../types.js';
import { TOOLS } from '../tools/registry.js';
import { skillPath } from '../tools/types.js';

/**
 * The paths a pack may ever install: the only paths a manifest or a journal found in the
 * repository may name (SPEC §10). Anything else there is tampered state, never acted on.
 * `.git/` is never part of it.
 */
const COMMAND_NAME = '[a-z0-9][a-z0-9-]{0,63}';
const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9._-]*';
const HOMES = ['shared', ...PACK_TYPES].join('|');

let pattern: RegExp | null = null;

/** One expression for every installable path: a run tests hundreds of paths, once each. */
function installable(): RegExp {
  if (pattern) return pattern;
  const withCommand = (p: string) => escape(p).replace('<cmd>', COMMAND_NAME);
  const alternatives = [
    escape('AGENTS.md'),
    escape('.ai-flow/.gitignore'),
    `\\.ai-flow/(?:prompts|templates)/(?:${HOMES})/(?:${SEGMENT}/)*${SEGMENT}`,
    // Every file any tool row may install, and where earlier versions put them (old manifests stay valid).
    ...TOOLS.flatMap((t) => [t.rules?.path, t.commands?.path, t.skills && skillPath(t.skills.folder), t.skills?.fallback && skillPath(t.skills.fallback), ...t.legacy.map((l) => l.from)])
      .filter((p): p is string => Boolean(p))
      .map(withCommand),
  ];
  pattern = new RegExp(`^(?:${[...new Set(alternatives)].join('|')})$`);
  return pattern;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A segment that is empty, `.`, `..` or `.git` (in any case). */
const BAD_SEGMENT = /(?:^|\/)(?:\.{1,2}|\.git)?(?:\/|$)/i;

/** Answers already given in this run: a run asks about the same paths several times. */
const answered = new Map<string, boolean>();

/** True for a normalised relative path that some pack, for some tool, could install. */
export function isInstallablePath(p: string): boolean {
  let ok = answered.get(p);
  if (ok === undefined) {
    ok = p.length > 0 && p.length <= 300 && !p.includes('\\') && !p.includes('\0') && !p.startsWith('/') && !BAD_SEGMENT.test(p) && installable().test(p);
    answered.set(p, ok);
  }
  return ok;
}
