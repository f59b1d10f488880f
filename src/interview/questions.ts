import type { PackType } from '../types.js';
import { PACK_TYPES, SCOPE_LABELS, SCOPES, TYPE_ALIASES, TYPE_LABELS } from '../types.js';
import { normalizeToolIds, resolveToolId, TOOL_IDS, TOOLS } from '../tools/registry.js';
import type { ToolRow } from '../tools/types.js';
import { DELIVERY_PREFERENCES } from '../tools/types.js';
import { checkDir, checkLine, LIMITS, normalizeDir, shown } from '../values.js';

/**
 * The interview as data: one table drives the prompts, the flag validation and the
 * answers-file validation, so all three accept exactly the same values.
 * `check` returns an error message, or null when the value is acceptable.
 */
export interface Choice {
  value: string;
  name: string;
  description?: string;
}

export const TYPE_CHOICES: Choice[] = PACK_TYPES.map((t) => ({ value: t, name: TYPE_LABELS[t] }));

/** What --type accepts: the types, and aliases such as fullstack (= backend,frontend). */
export const TYPE_WORDS = [...PACK_TYPES, ...Object.keys(TYPE_ALIASES)];

export const SCOPE_CHOICES: Choice[] = [
  { value: 'mvp', name: SCOPE_LABELS.mvp, description: 'fewest questions, sensible defaults, ship fast' },
  { value: 'production', name: SCOPE_LABELS.production, description: 'the full interview for a product with real users' },
  { value: 'enterprise', name: SCOPE_LABELS.enterprise, description: 'adds compliance, scale and governance questions' },
];

/** An entry of a multi-select: a choice, or the heading of the group that follows. */
export type CheckboxItem = (Choice & { checked: boolean }) | { separator: string };

const TOOL_GROUPS: readonly { title: string; hosts: ToolRow['hosts'] }[] = [
  { title: 'Editors and IDE extensions', hosts: 'ide' },
  { title: 'Editor and terminal', hosts: 'ide+cli' },
  { title: 'Terminal agents', hosts: 'cli' },
];

/**
 * The tool question's list: tools found in the repository first, then the others grouped by
 * where they run, alphabetically; `checked` are pre-checked. Aliases are searchable keywords.
 */
export function toolChoices(found: readonly string[], checked: readonly string[]): CheckboxItem[] {
  const item = (t: ToolRow): CheckboxItem => ({ value: t.id, name: t.name, description: [t.id, ...t.aliases].join(' '), checked: checked.includes(t.id) });
  const inRepo = TOOLS.filter((t) => found.includes(t.id));
  const out: CheckboxItem[] = inRepo.length > 0 ? [{ separator: 'Found in this repository' }, ...inRepo.map(item)] : [];
  for (const group of TOOL_GROUPS) {
    const rest = TOOLS.filter((t) => t.hosts === group.hosts && !found.includes(t.id)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    if (rest.length > 0) out.push({ separator: group.title }, ...rest.map(item));
  }
  return out;
}

export function checkName(value: string): string | null {
  if (value.trim() === '') return 'the project name cannot be empty';
  const why = checkLine(value, LIMITS.name);
  return why ? `the project name ${why}` : null;
}

export function checkDescription(value: string): string | null {
  const why = checkLine(value, LIMITS.description);
  return why ? `the description ${why}` : null;
}

export function checkStackValue(value: string): string | null {
  return checkLine(value, LIMITS.stack);
}

/** Ids are compared trimmed and in lower case everywhere: `--type Backend` is `backend`. */
export function normalizeId(value: string): string {
  return value.trim().toLowerCase();
}

/** `backend,mobile`, `fullstack` or a list: the types in PACK_TYPES order, or an error message. */
export function parseTypes(value: string | readonly string[]): PackType[] | string {
  const items = (typeof value === 'string' ? [value] : [...value]).flatMap((v) => v.split(',')).map(normalizeId).filter(Boolean);
  if (items.length === 0) return `no project type given (allowed: ${TYPE_WORDS.join(', ')}; several separated by commas)`;
  const unknown = items.find((i) => !TYPE_WORDS.includes(i));
  if (unknown !== undefined) return `unknown project type ${shown(unknown, 30)} (allowed: ${TYPE_WORDS.join(', ')}; several separated by commas)`;
  const types = new Set(items.flatMap((i) => TYPE_ALIASES[i] ?? [i as PackType]));
  return PACK_TYPES.filter((t) => types.has(t));
}

/** `backend=server,mobile=app` (also repeated): each type's folder, or an error message. */
export function parsePartDirs(value: string | readonly string[], types?: readonly PackType[]): Partial<Record<PackType, string>> | string {
  const out: Partial<Record<PackType, string>> = {};
  for (const item of (typeof value === 'string' ? [value] : [...value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    const at = item.indexOf('=');
    if (at < 1) return `${shown(item, 40)} is not <type>=<folder> (e.g. backend=server)`;
    const type = normalizeId(item.slice(0, at));
    if (!(PACK_TYPES as readonly string[]).includes(type)) return `unknown project type ${shown(type, 30)} in ${shown(item, 40)} (allowed: ${PACK_TYPES.join(', ')})`;
    if (types && !types.includes(type as PackType)) return `${type} is not one of the project's types (${types.join(', ')}); add it to --type`;
    const dir = normalizeDir(item.slice(at + 1));
    const why = checkDir(dir);
    if (why) return `the folder of ${type} ${shown(dir, 40)} ${why}`;
    out[type as PackType] = dir;
  }
  return out;
}

export function checkPartDir(value: string): string | null {
  const why = checkDir(normalizeDir(value));
  return why ? `the folder ${why}` : null;
}

/** A language name for the documents: one line, short. */
export function checkLanguage(value: string): string | null {
  if (value.trim() === '') return 'the language cannot be empty';
  const why = checkLine(value, LIMITS.language);
  return why ? `the language ${why}` : null;
}

export function checkScope(value: string): string | null {
  return (SCOPES as readonly string[]).includes(normalizeId(value)) ? null : `unknown scope ${shown(value, 30)} (allowed: ${SCOPES.join(', ')})`;
}

/**
 * Parses `claude,cursor` or `all` (also given several times); ids and aliases in any case
 * (`Windsurf` is `devin`). Returns the ids in table order, or an error message.
 */
export function parseTools(value: string | readonly string[]): string[] | string {
  const items = (typeof value === 'string' ? [value] : [...value]).flatMap((v) => v.split(',')).map(normalizeId).filter(Boolean);
  const allowed = `allowed: ${TOOL_IDS.join(', ')}, their aliases (\`ai-flow list\`), or all`;
  if (items.length === 0) return `no AI tool given (${allowed})`;
  const unknown = items.filter((i) => i !== 'all' && !resolveToolId(i));
  if (unknown.length > 0) return `unknown AI tool ${unknown.map((u) => shown(u, 30)).join(', ')} (${allowed})`;
  if (items.includes('all')) return [...TOOL_IDS];
  return normalizeToolIds(items.map((i) => resolveToolId(i) ?? i));
}

export function checkDelivery(value: string): string | null {
  return (DELIVERY_PREFERENCES as readonly string[]).includes(normalizeId(value)) ? null : `unknown delivery ${shown(value, 30)} (allowed: ${DELIVERY_PREFERENCES.join(', ')})`;
}


