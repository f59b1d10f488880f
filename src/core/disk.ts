import { constants } from 'node:fs';
import path from 'node:path';
import { FsError, StateError, UsageError } from '../errors.js';
import { describeKind, inspectParents, inspectPath, kindAt, NotRegularFileError, readRegularFile, TooLargeError, under } from './fs-safe.js';
import type { FileText } from './text.js';
import { decodeText } from './text.js';
import type { Config, Manifest } from './state.js';
import { AI_FLOW_DIR, BASES_PATH, CONFIG_PATH, MANIFEST_PATH, OLDER_BASES_PATHS, parseBases, parseConfig, parseManifest } from './state.js';

/** Larger project files are refused: no file ai-flow manages comes near it. */
export const MAX_PROJECT_FILE = 8 * 1024 * 1024;
const MAX_STATE_FILE = 32 * 1024 * 1024;

/** A planned path as found on disk. `refused`: it exists but ai-flow will not read or write it. */
export type DiskEntry = { kind: 'missing' } | { kind: 'text'; file: FileText } | { kind: 'refused'; reason: string };

/**
 * What stands at a planned path. A folder on the way that is not a real folder reads as
 * missing here; the pre-flight check stops the run on it before anything is written.
 */
export function readProjectEntry(root: string, rel: string): DiskEntry {
  if (inspectParents(root, rel)) return { kind: 'missing' };
  // Where open() itself refuses a link (O_NOFOLLOW) and fstat checks what it opened, no lstat
  // first; without O_NOFOLLOW (Windows) the lstat is what keeps a link from being followed.
  if (constants.O_NOFOLLOW === undefined) {
    const kind = inspectPath(root, rel).kind;
    if (kind === 'missing') return { kind: 'missing' };
    if (kind === 'link') return { kind: 'refused', reason: LINK_REFUSED };
  }
  let data: Buffer | null;
  try {
    data = readRegularFile(under(root, rel), MAX_PROJECT_FILE);
  } catch (err) {
    if (err instanceof NotRegularFileError && err.kind === 'link') return { kind: 'refused', reason: LINK_REFUSED };
    if (err instanceof NotRegularFileError || err instanceof TooLargeError) return { kind: 'refused', reason: `${err.message}; left as it is` };
    return { kind: 'refused', reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); left as it is` };
  }
  if (data === null) return { kind: 'missing' };
  const file = decodeText(data);
  if (!file) return { kind: 'refused', reason: 'is not UTF-8 text; ai-flow leaves it byte for byte as it is (convert it to UTF-8 to let ai-flow add its text)' };
  return { kind: 'text', file };
}

const LINK_REFUSED = 'is a symbolic link; ai-flow never writes through links (replace it with a regular file to let ai-flow manage it)';

/** Every planned path as found on disk. */
export function readDisk(root: string, paths: Iterable<string>): Map<string, DiskEntry> {
  const out = new Map<string, DiskEntry>();
  for (const p of paths) if (!out.has(p)) out.set(p, readProjectEntry(root, p));
  return out;
}

/** The text of a file ai-flow reads but does not plan (its state, a referenced prompt); null when missing. */
export function readProjectFile(root: string, rel: string): string | null {
  const data = readStateBytes(root, rel, MAX_PROJECT_FILE);
  if (data === null) return null;
  const file = decodeText(data);
  if (!file) throw new StateError(`${rel} is not UTF-8 text`, 'restore it from version control');
  return file.text;
}

function readStateBytes(root: string, rel: string, limit: number): Buffer | null {
  const at = inspectPath(root, rel);
  if (at.blockedAt) throw new FsError(`${at.blockedAt} is ${describeKind(at.blockedKind ?? 'file')}, where ai-flow keeps a folder`, 'move it away and run again');
  if (at.kind === 'missing') return null;
  if (at.kind !== 'file') throw new StateError(`${rel} is ${describeKind(at.kind)}, not a regular file — it looks tampered with`, 'replace it with the file from version control');
  try {
    return readRegularFile(path.join(root, rel), limit);
  } catch (err) {
    if (err instanceof NotRegularFileError || err instanceof TooLargeError) throw new StateError(`${rel} ${err.message} — it looks tampered with`, 'restore it from version control');
    throw new FsError(`cannot read ${rel}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'check its permissions');
  }
}

/**
 * The bases of an installation, decompressed only when a merge first needs one: an up-to-date
 * `update` never pays for them. `present`: a bases file exists (this version's or 0.1's).
 */
export interface StoredBases {
  readonly present: boolean;
  get(path: string): string | undefined;
}

/** The saved state of an installation; `config` is null when ai-flow is not installed there. */
export interface InstalledState {
  config: Config | null;
  manifest: Manifest | null;
  bases: StoredBases;
}

export function readInstalledState(root: string): InstalledState {
  checkStateFolder(root);
  const configText = readProjectFile(root, CONFIG_PATH);
  const manifestText = readProjectFile(root, MANIFEST_PATH);
  const config = configText === null ? null : parseConfig(configText);
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  return { config, manifest, bases: storedBases(root) };
}

function storedBases(root: string): StoredBases {
  // The newest file there is: an older version's stays until the next write replaces it.
  const file = ([BASES_PATH, ...OLDER_BASES_PATHS] as const).find((rel) => inspectPath(root, rel).kind !== 'missing');
  const present = file !== undefined;
  let loaded: Map<string, string> | null = null;
  const load = (): Map<string, string> => {
    if (loaded) return loaded;
    const data = file ? readStateBytes(root, file, MAX_STATE_FILE) : null;
    loaded = data && file ? parseBases(data, file) : new Map<string, string>();
    return loaded;
  };
  return { present, get: (path) => (present ? load().get(path) : undefined) };
}

/** `.ai-flow` must be a real folder (or absent): never a link, a file or anything else. */
export function checkStateFolder(root: string): void {
  const kind = kindAt(path.join(root, AI_FLOW_DIR));
  if (kind === 'missing' || kind === 'dir') return;
  throw new FsError(`${AI_FLOW_DIR} is ${describeKind(kind)}, where ai-flow keeps its folder`, `move it away, then run again${kind === 'link' ? ' (ai-flow never writes through links)' : ''}`);
}

export interface Installation {
  config: Config;
  manifest: Manifest;
  bases: StoredBases;
}

/** The state of an existing installation; a clear error when there is none or it is incomplete. */
export function readInstallation(root: string): Installation {
  const { config, manifest, bases } = readInstalledState(root);
  if (!config) throw new UsageError(`ai-flow is not installed in ${root} (no ${CONFIG_PATH})`, 'run `ai-flow init` there first');
  if (!manifest) {
    throw new StateError(`${MANIFEST_PATH} is missing`, 'restore it from version control, or run `ai-flow init --force` (it never overwrites your files)');
  }
  return { config, manifest, bases };
}
