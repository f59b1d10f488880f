import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describeKind, kindAt, NotRegularFileError, readRegularFile, TooLargeError } from '../core/fs-safe.js';
import type { PackManifest } from './manifest.js';
import { MANIFEST_FILE, parsePackManifest } from './manifest.js';
import { PACK_DIRS } from './layout.js';
import { readTgz, TarError } from './tar.js';

/**
 * Reading a pack from outside the CLI: a folder or a `.tgz`, taken into memory once and checked
 * as it is read (SPEC §11: a pack is data). No link is followed inside it, only regular files
 * are read, and sizes and counts are bounded. Every refusal is kept as a problem, so `pack lint`
 * can list them all; an install refuses a pack with any problem before planning anything.
 */

export const PACK_LIMITS = {
  /** The largest prompt of the shipped pack is ~40 KB. */
  file: 1024 * 1024,
  total: 32 * 1024 * 1024,
  files: 2000,
  manifest: 64 * 1024,
} as const;

/** One thing wrong with a pack: in which pack, which file of it, where. */
export interface PackProblem {
  /** The lint rule it breaks: pack-manifest, pack-file, pack-layout, template-calls, pack-stack. */
  rule: string;
  pack: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A pack read into memory: its manifest (null when unreadable) and the files under prompts/ and templates/. */
export interface PackSnapshot {
  /** How the pack is named in messages: its source as given. */
  label: string;
  manifest: PackManifest | null;
  files: Map<string, string>;
  problems: PackProblem[];
}

export function readPackFolder(abs: string, label: string): PackSnapshot {
  const snap: PackSnapshot = { label, manifest: null, files: new Map(), problems: [] };
  const problem = (file: string, message: string): void => {
    snap.problems.push({ rule: 'pack-file', pack: label, file, line: 0, column: 0, message });
  };
  let total = 0;
  let entries = 0;
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(abs, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // .DS_Store and the like: never part of a pack
      const child = `${rel}/${entry.name}`;
      if (++entries > PACK_LIMITS.files * 2) {
        problem(rel, `holds more than ${PACK_LIMITS.files} files`);
        return;
      }
      if (entry.isSymbolicLink()) problem(child, 'is a symbolic link; a pack holds regular files only, inside its folder');
      else if (entry.isDirectory()) walk(child);
      else if (!entry.isFile()) problem(child, `is ${describeKind(kindAt(path.join(abs, child)))}; a pack holds regular files only`);
      else total += readInto(snap, child, path.join(abs, child), problem);
      if (total > PACK_LIMITS.total) {
        problem(child, `the pack is larger than ${PACK_LIMITS.total / (1024 * 1024)} MiB`);
        return;
      }
    }
  };
  for (const dir of PACK_DIRS) {
    const kind = kindAt(path.join(abs, dir));
    if (kind === 'dir') walk(dir);
    else if (kind !== 'missing') problem(dir, `is ${describeKind(kind)}, not a folder`);
  }
  readManifest(snap, () => readRegularFile(path.join(abs, MANIFEST_FILE), PACK_LIMITS.manifest));
  return snap;
}

export function readPackTgz(abs: string, label: string): PackSnapshot {
  const snap: PackSnapshot = { label, manifest: null, files: new Map(), problems: [] };
  let archive: Buffer | null;
  try {
    archive = readRegularFile(abs, PACK_LIMITS.total);
  } catch (err) {
    snap.problems.push({ rule: 'pack-file', pack: label, file: path.basename(abs), line: 0, column: 0, message: `${(err as Error).message}` });
    return snap;
  }
  if (archive === null) throw new Error(`${abs} vanished`);
  let contents;
  try {
    contents = readTgz(archive, PACK_LIMITS);
  } catch (err) {
    if (!(err instanceof TarError)) throw err;
    snap.problems.push({ rule: 'pack-file', pack: label, file: path.basename(abs), line: 0, column: 0, message: err.message });
    return snap;
  }
  // `npm pack` puts everything under one folder (package/): the pack is that folder.
  const names = [...contents.files.keys()];
  const top = names[0]?.split('/')[0];
  const strip = !contents.files.has(MANIFEST_FILE) && top !== undefined && names.every((n) => n.startsWith(`${top}/`)) ? `${top}/` : '';
  for (const refused of contents.refused) {
    const [file, ...why] = refused.split(': ');
    snap.problems.push({ rule: 'pack-file', pack: label, file: file.startsWith(strip) ? file.slice(strip.length) : file, line: 0, column: 0, message: why.join(': ') });
  }
  for (const [name, data] of contents.files) {
    const rel = name.slice(strip.length);
    if (rel === MANIFEST_FILE || !PACK_DIRS.some((d) => rel.startsWith(`${d}/`)) || rel.split('/').some((s) => s.startsWith('.'))) continue;
    const text = decode(data);
    if (text === null) snap.problems.push({ rule: 'pack-file', pack: label, file: rel, line: 0, column: 0, message: 'is not UTF-8 text' });
    else snap.files.set(rel, text);
  }
  readManifest(snap, () => contents.files.get(`${strip}${MANIFEST_FILE}`) ?? null);
  return snap;
}

function readInto(snap: PackSnapshot, rel: string, abs: string, problem: (file: string, message: string) => void): number {
  let data: Buffer | null;
  try {
    data = readRegularFile(abs, PACK_LIMITS.file);
  } catch (err) {
    if (err instanceof NotRegularFileError) problem(rel, `${err.message}; a pack holds regular files only`);
    else if (err instanceof TooLargeError) problem(rel, `${err.message}, the most a pack file may hold`);
    else problem(rel, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return 0;
  }
  if (data === null) return 0;
  const text = decode(data);
  if (text === null) problem(rel, 'is not UTF-8 text');
  else snap.files.set(rel, text);
  return data.length;
}

function readManifest(snap: PackSnapshot, read: () => Buffer | null): void {
  const fail = (message: string): void => {
    snap.problems.push({ rule: 'pack-manifest', pack: snap.label, file: MANIFEST_FILE, line: 0, column: 0, message });
  };
  let data: Buffer | null;
  try {
    data = read();
  } catch (err) {
    fail(`${(err as Error).message}`);
    return;
  }
  if (data === null) {
    fail(`is missing: every pack has one at its root (name, version, description, aiFlow, types, commands, extends)`);
    return;
  }
  const text = decode(data);
  const parsed = text === null ? ['is not UTF-8 text'] : parsePackManifest(text);
  if (Array.isArray(parsed)) parsed.forEach(fail);
  else snap.manifest = parsed;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(data: Buffer): string | null {
  try {
    return utf8.decode(data);
  } catch {
    return null;
  }
}
