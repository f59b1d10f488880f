import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { describeKind, formatBytes, kindOfStats } from '../core/fs-safe.js';
import { isRecord } from '../core/state.js';
import type { PackType, StackFacts } from '../types.js';
import { EMPTY_STACK } from '../types.js';
import { normalizeDir, shown } from '../values.js';
import type { GivenAnswers } from './answers.js';
import { answersFromFlags } from './answers.js';
import { checkStackValue, parsePartDirs, parseTypes } from './questions.js';

const ANSWER_KEYS = ['name', 'description', 'type', 'parts', 'scope', 'tools', 'ai', 'delivery', 'stack', 'language'];

/**
 * Reads and validates an `--answers` JSON file with the same rules as the flags. Keys: name,
 * description, type (a type, a list, or "backend,mobile"), parts ([{type, dir, stack}]), scope,
 * tools (or ai), stack (one part only), language.
 */
export function answersFromFile(file: string): GivenAnswers {
  const raw = readAnswersFile(file);
  if (!isRecord(raw)) throw new UsageError(`--answers ${file}: must hold a JSON object`, 'see the README, "Answers file"');
  const bad = (key: string, why: string): never => {
    throw new UsageError(`--answers ${file}: ${shown(key, 40)}: ${why}`, 'fix the file; see the README, "Answers file"');
  };
  // A misspelt key would otherwise be ignored without a word, and its answer silently defaulted.
  for (const key of Object.keys(raw)) if (!ANSWER_KEYS.includes(key)) bad(key, `unknown key (allowed: ${ANSWER_KEYS.join(', ')})`);
  const str = (key: string): string | undefined => {
    const v = raw[key];
    return v === undefined || typeof v === 'string' ? v : bad(key, 'must be a string');
  };
  const toolsRaw = raw.tools ?? raw.ai;
  if (toolsRaw !== undefined && typeof toolsRaw !== 'string' && !(Array.isArray(toolsRaw) && toolsRaw.every((t) => typeof t === 'string'))) bad('tools', 'must be a list of tool ids');
  let given: GivenAnswers;
  try {
    given = answersFromFlags({ name: str('name'), description: str('description'), scope: str('scope'), language: str('language'), delivery: str('delivery'), ai: toolsRaw as string | string[] | undefined });
  } catch (err) {
    // The flag names in the message become the file's keys.
    const m = /^--([a-z-]+): (.*)$/.exec((err as Error).message);
    throw m ? new UsageError(`--answers ${file}: ${shown(m[1] === 'ai' ? 'tools' : m[1], 40)}: ${m[2]}`, 'fix the file; see the README, "Answers file"') : err;
  }
  if (raw.type !== undefined) {
    if (typeof raw.type !== 'string' && !(Array.isArray(raw.type) && raw.type.every((t) => typeof t === 'string'))) bad('type', 'must be a type, a list of types, or "backend,mobile"');
    const types = parseTypes(raw.type as string | string[]);
    if (typeof types === 'string') bad('type', types);
    else given.types = types;
  }
  if (raw.parts !== undefined) readParts(raw.parts, given, bad);
  if (raw.stack !== undefined) given.stack = readStack(raw.stack, 'stack', bad);
  return given;
}

function readParts(value: unknown, given: GivenAnswers, bad: (key: string, why: string) => never): void {
  if (!Array.isArray(value) || value.length === 0) bad('parts', 'must be a non-empty list of {"type": …, "dir": …, "stack": {…}}');
  const types: PackType[] = [];
  given.dirs = {};
  given.stacks = {};
  (value as unknown[]).forEach((p, i) => {
    const key = `parts[${i}]`;
    if (!isRecord(p)) bad(key, 'must be an object {"type": …, "dir": …}');
    for (const k of Object.keys(p)) if (!['type', 'dir', 'stack'].includes(k)) bad(`${key}.${k}`, 'unknown key (allowed: type, dir, stack)');
    if (typeof p.type !== 'string') bad(`${key}.type`, 'must be a string');
    const parsed = parseTypes(p.type as string);
    if (typeof parsed === 'string' || parsed.length !== 1) bad(`${key}.type`, typeof parsed === 'string' ? parsed : 'one type per part');
    const type = (parsed as PackType[])[0];
    if (types.includes(type)) bad(`${key}.type`, `${type} appears twice (one part per type)`);
    types.push(type);
    if (p.dir !== undefined) {
      if (typeof p.dir !== 'string') bad(`${key}.dir`, 'must be a string');
      const dirs = parsePartDirs(`${type}=${normalizeDir(p.dir as string)}`);
      if (typeof dirs === 'string') bad(`${key}.dir`, dirs);
      given.dirs![type] = (dirs as Partial<Record<PackType, string>>)[type];
    }
    if (p.stack !== undefined) given.stacks![type] = readStack(p.stack, `${key}.stack`, bad);
  });
  if (given.types && given.types.join() !== [...types].sort().join() && given.types.length > 0) {
    const listed = new Set(types);
    if (given.types.some((t) => !listed.has(t)) || types.some((t) => !given.types!.includes(t))) bad('type', '"type" and "parts" name different types; give one of them');
  }
  given.types = parseTypes(types) as PackType[];
}

function readStack(value: unknown, key: string, bad: (key: string, why: string) => never): Partial<StackFacts> {
  if (!isRecord(value)) bad(key, 'must be an object');
  const stack: Partial<StackFacts> = {};
  for (const k of Object.keys(value as object)) if (!(k in EMPTY_STACK)) bad(`${key}.${k}`, `unknown key (allowed: ${Object.keys(EMPTY_STACK).join(', ')})`);
  for (const k of Object.keys(EMPTY_STACK) as (keyof StackFacts)[]) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') bad(`${key}.${k}`, 'must be a string');
    const why = checkStackValue(v as string);
    if (why) bad(`${key}.${k}`, why);
    stack[k] = v as string;
  }
  return stack;
}

/** An answers file is a few hundred bytes; anything past this is not one. */
const MAX_ANSWERS = 1024 * 1024;
const EXAMPLE = 'pass a JSON file like {"name": "...", "type": "backend", "tools": ["claude"]}';

/**
 * Reads `--answers <file>` (`-`: standard input) as JSON: a regular file only (a FIFO or a device
 * such as /dev/zero is refused, never read), at most 1 MiB, a UTF-8 BOM allowed.
 */
export function readAnswersFile(file: string): unknown {
  const data = file === '-' ? readStdin() : readFile(file);
  const text = data.toString('utf8').replace(/^\ufeff/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--answers ${file}: not valid JSON (${(err as Error).message.slice(0, 80)})`, EXAMPLE);
  }
}

function readFile(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
    throw new UsageError(`--answers ${file}: ${why}`, EXAMPLE);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`--answers ${file}: is ${describeKind(kindOfStats(st))}, not a regular file`, EXAMPLE);
    if (st.size > MAX_ANSWERS) throw new UsageError(`--answers ${file}: is larger than ${formatBytes(MAX_ANSWERS)}`, EXAMPLE);
    return readAll(fd, `--answers ${file}`);
  } finally {
    closeSync(fd);
  }
}

function readStdin(): Buffer {
  return readAll(0, '--answers - (standard input)');
}

/** Reads a descriptor to its end, refusing more than the limit (a stream such as a pipe has no size). */
function readAll(fd: number, label: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
      if (code === 'EOF') break;
      throw new UsageError(`${label}: cannot be read (${code})`, EXAMPLE);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_ANSWERS) throw new UsageError(`${label}: is larger than ${formatBytes(MAX_ANSWERS)}`, EXAMPLE);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}
