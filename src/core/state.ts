import type { Answers, StackFacts } from '../types.js';
import type { PackRef, PackType, Part } from '../types.js';
import { DEFAULT_LANGUAGE, EMPTY_STACK, PACK_TYPES, SCOPES, sortParts, TYPE_ALIASES } from '../types.js';
import { StateError } from '../errors.js';
import { normalizeToolIds, resolveToolId } from '../tools/registry.js';
import type { DeliveryPreference } from '../tools/types.js';
import { DELIVERY_PREFERENCES } from '../tools/types.js';
import { checkDir, checkLine, LIMITS, shown } from '../values.js';
import { isInstallablePath } from './path-set.js';
import type { TextFacts } from './known-texts.js';
import { knownText } from './known-texts.js';
import { zlib } from './zlib.js';


/** The files ai-flow keeps about an installation, all under `.ai-flow/` (SPEC §4). */
export const AI_FLOW_DIR = '.ai-flow';
export const CONFIG_PATH = '.ai-flow/ai-flow.json';
export const MANIFEST_PATH = '.ai-flow/manifest.json';
/** The text of every file as ai-flow last installed it: the base of update's 3-way merge.
 *  Compressed so assistants searching the repo never find stale copies of the prompts. */
export const BASES_PATH = '.ai-flow/bases.gz';
/** Where earlier versions kept the bases, newest first: read when BASES_PATH is absent, removed on the next write. */
export const OLDER_BASES_PATHS = ['.ai-flow/bases.br', '.ai-flow/base.json.gz'] as const;
export type BasesPath = typeof BASES_PATH | (typeof OLDER_BASES_PATHS)[number];
/** Keeps the run-time files below out of commits; installed like any pack file. */
export const GITIGNORE_PATH = '.ai-flow/.gitignore';
export const LOCK_PATH = '.ai-flow/.lock';
/** Each run stages its texts in a folder of its own, `.ai-flow/.run-<random id>`. */
export const RUN_PREFIX = '.run-';
/** The staging folder of ai-flow 0.1, never used again but still kept out of commits. */
export const LEGACY_STAGING = '.staging';
/** ai-flow's own state files, written last by every run, the manifest the very last. */
export const STATE_PATHS: readonly string[] = [BASES_PATH, CONFIG_PATH, MANIFEST_PATH, ...OLDER_BASES_PATHS];

/** Schema of the manifest. */
export const SCHEMA_VERSION = 1;
/** Schema of the bases file: 1 was the gzip JSON of ai-flow 0.1, 2 the same framing as 3 in one Brotli stream. */
const BASES_SCHEMA = 3;
/** Schema of ai-flow.json: 2 holds the parts (1 had one `type` and one `stack`; read and migrated). */
export const CONFIG_SCHEMA = 2;

export interface Config extends Answers {
  schemaVersion: number;
  packVersion: string;
}

export interface ManifestEntry {
  path: string;
  /** sha256 of ai-flow's text for the path (for a block: the block's inner text). */
  sha256: string;
  owner: 'file' | 'block';
}

export interface Manifest {
  schemaVersion: number;
  packVersion: string;
  /** The build digest that produced these texts, when known (see shippedDigest). */
  digest?: string;
  files: ManifestEntry[];
}

export function serializeConfig(answers: Answers, packVersion: string): string {
  const config: Config = { schemaVersion: CONFIG_SCHEMA, packVersion, ...answers };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The bases as one gzip file: a JSON header line listing each path and the byte length of its
 * text, then the texts back to back (no escaping of a megabyte of text). gzip because members
 * concatenate: a shipped text's member was made at build time (known-texts.ts) and is copied
 * as it is; only the texts rendered for this project are compressed now, in one member (about
 * 150 KB for every tool: a millisecond). Texts that repeat (a skill installed for several
 * tools) sit side by side so that member stays small.
 */
export function serializeBases(bases: ReadonlyMap<string, string>, encode: (text: string) => Buffer = (t) => Buffer.from(t, 'utf8')): Buffer {
  const shipped: [path: string, facts: TextFacts][] = [];
  const rendered = new Map<string, string[]>();
  for (const p of [...bases.keys()].sort()) {
    const text = bases.get(p) ?? '';
    const facts = knownText(text);
    if (facts) shipped.push([p, facts]);
    else if (rendered.has(text)) rendered.get(text)!.push(p);
    else rendered.set(text, [p]);
  }
  const renderedBodies = [...rendered].flatMap(([text, paths]) => {
    const data = encode(text);
    return paths.map((p): [string, Buffer] => [p, data]);
  });
  const files = [...shipped.map(([p, facts]) => [p, facts.bytes.length]), ...renderedBodies.map(([p, data]) => [p, data.length])];
  const z = zlib();
  const head = z.gzipSync(`${JSON.stringify({ schemaVersion: BASES_SCHEMA, files })}\n`, { level: 1 });
  const rest = z.gzipSync(Buffer.concat(renderedBodies.map(([, data]) => data)), { level: 1 });
  return Buffer.concat([head, ...shipped.map(([, facts]) => facts.gzipMember), rest]);
}

/**
 * Parses `.ai-flow/ai-flow.json`; anything unexpected is a StateError (exit 4). Every saved
 * answer is checked by the rules a typed one obeys. Schema 1 (one `type`, `fullstack` for
 * backend + frontend, one `stack`) is read as the same parts, so `update` migrates it.
 */
export function parseConfig(text: string): Config {
  const raw = parseJson(text, CONFIG_PATH);
  checkSchema(raw.schemaVersion, CONFIG_PATH, CONFIG_SCHEMA);
  const fail = (what: string): never => {
    throw new StateError(`${CONFIG_PATH} is corrupt or tampered with: ${what}`, 'restore it from version control, or fix it by hand');
  };
  const str = (key: string, max: number = LIMITS.description): string => {
    const v = raw[key];
    if (typeof v !== 'string') return fail(`"${key}" must be a string`);
    const why = checkLine(v, max);
    return why ? fail(`"${key}" ${shown(v)} ${why}`) : v;
  };
  const scope = str('scope');
  if (!(SCOPES as readonly string[]).includes(scope)) fail(`unknown scope ${shown(scope)}`);
  const tools = raw.tools;
  if (!Array.isArray(tools) || !tools.every((t) => typeof t === 'string')) fail('"tools" must be a list of tool ids');
  if ((tools as string[]).length === 0) fail('"tools" is empty (an installation has at least one AI tool)');
  const unknown = (tools as string[]).filter((t) => !resolveToolId(t));
  if (unknown.length > 0) fail(`unknown tool ${unknown.map((u) => shown(u, 30)).join(', ')} (written by a newer ai-flow?)`);
  // A renamed tool is saved under its old id (`windsurf`): read it as the current one.
  const ids = normalizeToolIds((tools as string[]).map((t) => resolveToolId(t)!));
  const delivery = raw.delivery;
  if (delivery !== undefined && !(DELIVERY_PREFERENCES as readonly unknown[]).includes(delivery)) fail(`unknown delivery ${shown(String(delivery), 30)} (allowed: ${DELIVERY_PREFERENCES.join(', ')})`);
  const language = raw.language === undefined ? DEFAULT_LANGUAGE : str('language', LIMITS.language);
  return {
    schemaVersion: CONFIG_SCHEMA,
    packVersion: str('packVersion', 40),
    name: str('name', LIMITS.name),
    description: str('description'),
    parts: raw.schemaVersion === 1 ? partsOfSchema1(raw, fail) : parseParts(raw.parts, fail),
    scope: scope as Config['scope'],
    tools: ids,
    ...(delivery === undefined ? {} : { delivery: delivery as DeliveryPreference }),
    language,
    ...(raw.packs === undefined ? {} : { packs: parsePacks(raw.packs, fail) }),
  };
}

/** The recorded pack stack (SPEC §11): sources are only ever read from, never written to. */
function parsePacks(value: unknown, fail: (what: string) => never): PackRef[] {
  if (!Array.isArray(value) || value.length > 16) return fail('"packs" must be a list of at most 16 packs');
  return value.map((p, i): PackRef => {
    if (!isRecord(p)) return fail(`packs[${i}] must be an object with source, name and version`);
    const field = (key: 'source' | 'name' | 'version', max: number): string => {
      const v = p[key];
      if (typeof v !== 'string' || v.length === 0) return fail(`packs[${i}].${key} must be a non-empty string`);
      const why = checkLine(v, max);
      return why ? fail(`packs[${i}].${key} ${shown(v)} ${why}`) : v;
    };
    return { source: field('source', 1000), name: field('name', 214), version: field('version', 64) };
  });
}

function parseParts(value: unknown, fail: (what: string) => never): Part[] {
  if (!Array.isArray(value) || value.length === 0) return fail('"parts" must be a non-empty list');
  const parts = value.map((p, i): Part => {
    if (!isRecord(p) || typeof p.type !== 'string' || !(PACK_TYPES as readonly string[]).includes(p.type)) return fail(`parts[${i}].type must be one of ${PACK_TYPES.join(', ')}`);
    if (typeof p.dir !== 'string') return fail(`parts[${i}].dir must be a string`);
    const why = checkDir(p.dir);
    if (why) fail(`parts[${i}].dir ${shown(p.dir)} ${why}`);
    return { type: p.type as PackType, dir: p.dir, stack: parseStack(p.stack, fail) };
  });
  if (new Set(parts.map((p) => p.type)).size !== parts.length) fail('"parts" names a type twice (one part per type)');
  return sortParts(parts);
}

function partsOfSchema1(raw: Record<string, unknown>, fail: (what: string) => never): Part[] {
  const type = typeof raw.type === 'string' ? raw.type : fail('"type" must be a string');
  const types = TYPE_ALIASES[type] ?? ((PACK_TYPES as readonly string[]).includes(type) ? [type as PackType] : fail(`unknown type ${shown(type)}`));
  const stack = parseStack(raw.stack, fail);
  return types.map((t) => ({ type: t, dir: '.', stack: { ...stack } }));
}

export function parseManifest(text: string): Manifest {
  const raw = parseJson(text, MANIFEST_PATH);
  checkSchema(raw.schemaVersion, MANIFEST_PATH);
  const files = raw.files;
  const valid =
    Array.isArray(files) &&
    files.every(
      (f: unknown) =>
        isRecord(f) &&
        typeof f.path === 'string' &&
        typeof f.sha256 === 'string' &&
        (f.owner === 'file' || f.owner === 'block'),
    );
  if (!valid || typeof raw.packVersion !== 'string') {
    throw new StateError(`${MANIFEST_PATH} is corrupt`, 'restore it from version control, or run `ai-flow init --force`');
  }
  // A manifest names files ai-flow may later overwrite or delete: only paths a pack can install.
  const foreign = (files as ManifestEntry[]).find((f) => !isInstallablePath(f.path) || !/^[0-9a-f]{64}$/.test(f.sha256));
  if (foreign) {
    throw new StateError(`${MANIFEST_PATH} looks tampered with: it lists ${shown(foreign.path)}, which ai-flow never installs`, 'restore it from version control; ai-flow changed nothing');
  }
  const digest = typeof raw.digest === 'string' && /^[0-9a-f]{64}$/.test(raw.digest) ? raw.digest : undefined;
  return { schemaVersion: raw.schemaVersion as number, packVersion: raw.packVersion, ...(digest ? { digest } : {}), files: files as ManifestEntry[] };
}

/** Reads the bases from `file`: this version's gzip members, the Brotli stream of schema 2, or the gzip JSON of ai-flow 0.1. */
export function parseBases(data: Buffer, file: BasesPath = BASES_PATH): Map<string, string> {
  const corrupt = (): never => {
    throw new StateError(`${file} is corrupt`, 'restore it from version control; without it edited files cannot be merged');
  };
  const brotli = file === '.ai-flow/bases.br';
  let raw: Buffer;
  try {
    const limit = { maxOutputLength: 256 * 1024 * 1024 };
    raw = brotli ? zlib().brotliDecompressSync(data, limit) : zlib().gunzipSync(data, limit);
  } catch {
    return corrupt();
  }
  const keep = (entries: [string, string][]) => new Map(entries.filter(([p]) => isInstallablePath(p)));
  if (file === '.ai-flow/base.json.gz') {
    try {
      const json = JSON.parse(raw.toString('utf8')) as { files?: Record<string, unknown> };
      return keep(Object.entries(json.files ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return corrupt();
    }
  }
  const eol = raw.indexOf(10);
  let head: unknown;
  try {
    head = JSON.parse(raw.subarray(0, eol < 0 ? raw.length : eol).toString('utf8'));
  } catch {
    return corrupt();
  }
  const files = isRecord(head) && Array.isArray(head.files) ? head.files : corrupt();
  const entries: [string, string][] = [];
  let at = eol + 1;
  for (const f of files) {
    if (!Array.isArray(f) || typeof f[0] !== 'string' || !Number.isInteger(f[1]) || f[1] < 0 || at + (f[1] as number) > raw.length) return corrupt();
    entries.push([f[0], raw.toString('utf8', at, at + (f[1] as number))]);
    at += f[1] as number;
  }
  return at === raw.length ? keep(entries) : corrupt();
}

function parseStack(value: unknown, fail: (what: string) => never): StackFacts {
  const stack: StackFacts = { ...EMPTY_STACK };
  if (!isRecord(value)) return stack;
  for (const key of Object.keys(stack) as (keyof StackFacts)[]) {
    const v = value[key];
    if (typeof v !== 'string') continue;
    const why = checkLine(v, LIMITS.stack);
    if (why) fail(`"stack.${key}" ${shown(v)} ${why}`);
    stack[key] = v;
  }
  return stack;
}

function parseJson(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StateError(`${file} is not valid JSON`, 'restore it from version control or fix it by hand; ai-flow will not overwrite it');
  }
  if (!isRecord(raw)) throw new StateError(`${file} is not a JSON object`, 'restore it from version control');
  return raw;
}

function checkSchema(version: unknown, file: string, newest = SCHEMA_VERSION): void {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StateError(`${file} has no valid schemaVersion`, 'restore it from version control');
  }
  if (version > newest) {
    throw new StateError(
      `${file} was written by a newer ai-flow (schema ${version}, this one reads ${newest})`,
      'upgrade ai-flow: npm install -g ai-flow@latest',
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
