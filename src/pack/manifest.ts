import type { PackType } from '../types.js';
import { PACK_TYPES } from '../types.js';
import { checkLine, shown } from '../values.js';
import type { EntryCommand } from './commands.js';
import { ENTRY_COMMANDS } from './commands.js';
import { checkRange, isVersion } from './semver.js';

/** The file at the root of every pack that says what it is (SPEC §11). */
export const MANIFEST_FILE = 'ai-flow-pack.json';
/** The name of the pack this CLI ships: what an overlay of the built-in pack `extends`. */
export const BUILTIN_NAME = 'ai-flow';

/** `ai-flow-pack.json`, validated. */
export interface PackManifest {
  name: string;
  version: string;
  description: string;
  /** The ai-flow versions the pack works with, an npm semver range. */
  aiFlow: string;
  /** The project types it supports; an overlay that omits them supports those of what it extends. */
  types: PackType[] | null;
  /** Commands it adds to the standard ones (SPEC §4.1), in the shape of the built-in table. */
  commands: EntryCommand[];
  /** An overlay: the name of the pack below it. null: a full pack. */
  extends: string | null;
}

const KEYS = new Set(['$schema', 'name', 'version', 'description', 'aiFlow', 'types', 'commands', 'extends']);
const COMMAND_KEYS = new Set(['name', 'description', 'argumentHint', 'prompt']);
const NAME_RE = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** Short enough that `desktop-<name>` stays a valid command file name everywhere. */
const COMMAND_RE = /^[a-z0-9][a-z0-9-]{0,47}$/;
const PROMPT_RE = /^prompts\/(shared|<type>)\/((?:[A-Za-z0-9_][A-Za-z0-9._-]*\/)*[A-Za-z0-9_][A-Za-z0-9._-]*\.md)$/;
const MAX_COMMANDS = 50;

/** Parses a manifest; returns it, or every reason it is not valid (each one line). */
export function parsePackManifest(text: string): PackManifest | string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return [`is not valid JSON (${(err as Error).message})`];
  }
  if (!isRecord(raw)) return ['must be a JSON object'];
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) problems.push(`unknown key ${shown(key, 40)} (known: ${[...KEYS].slice(1).join(', ')})`);
  const str = (key: string, max: number, required = true): string => {
    const v = raw[key];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || v.length === 0) {
      problems.push(`"${key}" must be a non-empty string`);
      return '';
    }
    const why = checkLine(v, max);
    if (why) problems.push(`"${key}" ${why}`);
    return v;
  };
  const name = str('name', 214);
  if (name && !NAME_RE.test(name)) problems.push(`"name" ${shown(name)} must be an npm package name (lower case, e.g. "@acme/ai-flow-pack")`);
  const version = str('version', 64);
  if (version && !isVersion(version)) problems.push(`"version" ${shown(version)} must be a semantic version such as 1.0.0`);
  const description = str('description', 300);
  const aiFlow = str('aiFlow', 200);
  const badRange = aiFlow ? checkRange(aiFlow) : null;
  if (badRange) problems.push(`"aiFlow" ${shown(aiFlow)}: ${badRange} (write an npm range such as "^0.1.0")`);
  const base = raw.extends === undefined ? null : str('extends', 214);
  if (base && !NAME_RE.test(base)) problems.push(`"extends" ${shown(base)} must name a pack ("${BUILTIN_NAME}" for the built-in one)`);
  if (base !== null && base === name) problems.push('"extends" names the pack itself');
  const types = parseTypes(raw.types, base === null, problems);
  const commands = parseCommands(raw.commands, problems);
  if (problems.length > 0) return problems;
  return { name, version, description, aiFlow, types, commands, extends: base };
}

function parseTypes(value: unknown, required: boolean, problems: string[]): PackType[] | null {
  if (value === undefined && !required) return null;
  const known = PACK_TYPES as readonly unknown[];
  if (!Array.isArray(value) || value.length === 0 || !value.every((t) => known.includes(t)) || new Set(value).size !== value.length) {
    problems.push(`"types" must list the project types the pack supports, each once, from ${PACK_TYPES.join(', ')}${required ? ' (a full pack must name them)' : ''}`);
    return null;
  }
  return PACK_TYPES.filter((t) => value.includes(t));
}

function parseCommands(value: unknown, problems: string[]): EntryCommand[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_COMMANDS) {
    problems.push(`"commands" must be a list of at most ${MAX_COMMANDS} commands`);
    return [];
  }
  const standard = new Set(ENTRY_COMMANDS.map((c) => c.name));
  const out: EntryCommand[] = [];
  value.forEach((c: unknown, i) => {
    const at = `commands[${i}]`;
    if (!isRecord(c)) {
      problems.push(`${at} must be an object with name, description, argumentHint and prompt`);
      return;
    }
    for (const key of Object.keys(c)) if (!COMMAND_KEYS.has(key)) problems.push(`${at}: unknown key ${shown(key, 40)} (known: ${[...COMMAND_KEYS].join(', ')})`);
    const text = (key: string, max: number, required: boolean): string => {
      const v = c[key];
      if (v === undefined && !required) return '';
      if (typeof v !== 'string' || (required && v.length === 0)) {
        problems.push(`${at}.${key} must be a ${required ? 'non-empty ' : ''}string`);
        return '';
      }
      const why = checkLine(v, max);
      if (why) problems.push(`${at}.${key} ${why}`);
      return v;
    };
    const name = text('name', 48, true);
    if (name && !COMMAND_RE.test(name)) problems.push(`${at}.name ${shown(name)} must be lower-case letters, digits and -, at most 48 characters`);
    if (standard.has(name) || [...standard].some((s) => PACK_TYPES.some((t) => name === `${t}-${s}`))) {
      problems.push(`${at}.name ${shown(name)} is a standard command; replace its prompt file instead of adding it`);
    }
    if (out.some((o) => o.name === name)) problems.push(`${at}.name ${shown(name)} is listed twice`);
    const description = text('description', 200, true);
    const argumentHint = text('argumentHint', 100, false);
    const prompt = text('prompt', 300, true);
    const m = PROMPT_RE.exec(prompt);
    if (prompt && !m) problems.push(`${at}.prompt ${shown(prompt)} must be "prompts/shared/<file>.md" or "prompts/<type>/<file>.md" (one prompt per type), a path inside the pack`);
    if (m) out.push({ name, description, argumentHint, home: m[1] === 'shared' ? 'shared' : 'type', file: m[2] });
  });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
