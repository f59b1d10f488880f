import type { ProjectType, Scope } from '../types.js';
import { PROJECT_TYPES, SCOPE_LABELS, SCOPES, TYPE_LABELS } from '../types.js';
import { TOOL_IDS, TOOLS } from '../tools/registry.js';
import { checkLine, LIMITS, shown } from '../values.js';

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

export const TYPE_CHOICES: Choice[] = PROJECT_TYPES.map((t) => ({ value: t, name: TYPE_LABELS[t] }));

export const SCOPE_CHOICES: Choice[] = [
  { value: 'mvp', name: SCOPE_LABELS.mvp, description: 'fewest questions, sensible defaults, ship fast' },
  { value: 'production', name: SCOPE_LABELS.production, description: 'the full interview for a product with real users' },
  { value: 'enterprise', name: SCOPE_LABELS.enterprise, description: 'adds compliance, scale and governance questions' },
];

export const TOOL_CHOICES: Choice[] = TOOLS.map((t) => ({ value: t.id, name: t.name }));

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

export function checkType(value: string): string | null {
  return (PROJECT_TYPES as readonly string[]).includes(normalizeId(value)) ? null : `unknown project type ${shown(value, 30)} (allowed: ${PROJECT_TYPES.join(', ')})`;
}

export function checkScope(value: string): string | null {
  return (SCOPES as readonly string[]).includes(normalizeId(value)) ? null : `unknown scope ${shown(value, 30)} (allowed: ${SCOPES.join(', ')})`;
}

/** Parses `claude,cursor` or `all` (also given several times); returns the ids or an error message. */
export function parseTools(value: string | readonly string[]): string[] | string {
  const items = (typeof value === 'string' ? [value] : [...value]).flatMap((v) => v.split(',')).map(normalizeId).filter(Boolean);
  if (items.length === 0) return `no AI tool given (allowed: ${TOOL_IDS.join(', ')}, or all)`;
  const unknown = items.filter((i) => i !== 'all' && !TOOL_IDS.includes(i));
  if (unknown.length > 0) return `unknown AI tool ${unknown.map((u) => shown(u, 30)).join(', ')} (allowed: ${TOOL_IDS.join(', ')}, or all)`;
  if (items.includes('all')) return [...TOOL_IDS];
  return TOOL_IDS.filter((id) => items.includes(id));
}

export const isProjectType = (v: string): v is ProjectType => checkType(v) === null;
export const isScope = (v: string): v is Scope => checkScope(v) === null;
