import { PACK_TYPES } from '../types.js';
import { isInstallablePath } from '../core/path-set.js';

/**
 * Where a file may stand in a pack that does not ship with the CLI (PACK.md layout). Whatever
 * it holds, an overlay can only reach the paths a pack may install: every copied file lands
 * under `.ai-flow/prompts|templates/<shared|type>/`, and rendered templates only replace the
 * ones ai-flow already renders.
 */

const HOMES = new Set(['shared', ...PACK_TYPES]);
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Folders of a pack that are read at all; anything else in a pack folder (README, package.json) is ignored. */
export const PACK_DIRS = ['prompts', 'templates'] as const;

/** Why `file` (under prompts/ or templates/) cannot be part of a pack, or null when it fits the layout. */
export function layoutProblem(file: string, builtinPartials: ReadonlySet<string>): string | null {
  const parts = file.split('/');
  if (parts.some((s) => !SEGMENT.test(s))) return 'has a name ai-flow does not install (letters, digits, . _ - only; no leading dot)';
  const [top, home] = parts;
  if (top === 'prompts' || (top === 'templates' && HOMES.has(home))) {
    if (!HOMES.has(home) || parts.length < 3) return `is outside the layout: copied files go under ${top}/shared/ or ${top}/<type>/ (${PACK_TYPES.join(', ')})`;
    if (!isInstallablePath(`.ai-flow/${file}`)) return 'would install a path ai-flow never installs (too long, or not a plain file name)';
    return null;
  }
  if (file === 'templates/AGENTS.md.hbs') return null;
  if (parts.length === 3 && (home === 'rules' || home === 'commands' || home === 'partials')) {
    if (!parts[2].endsWith('.hbs')) return `is not a template: templates/${home}/ holds .hbs files only`;
    if (home === 'partials' && !builtinPartials.has(parts[2])) {
      return `adds a partial; a pack may replace the built-in partials (${[...builtinPartials].join(', ')}) but not add any`;
    }
    return null;
  }
  return 'is outside the pack layout (PACK.md): prompts/<shared|type>/…, templates/<shared|type>/…, templates/AGENTS.md.hbs, templates/rules|commands|partials/*.hbs';
}
