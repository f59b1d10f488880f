import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Reading the target repository, which is untrusted input (SPEC §10): no symbolic link is
 * ever followed below the target directory, only regular files are opened (a FIFO would block
 * the read forever, a device could be endless), and every read is size-bounded.
 */

export type EntryKind = 'missing' | 'file' | 'dir' | 'link' | 'fifo' | 'socket' | 'device';

export function kindOfStats(st: Stats): EntryKind {
  if (st.isSymbolicLink()) return 'link';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'device';
}

/** The kind of the entry at `abs` itself, never following a link. */
export function kindAt(abs: string): EntryKind {
  try {
    const st = lstatSync(abs, { throwIfNoEntry: false });
    return st ? kindOfStats(st) : 'missing';
  } catch {
    return 'missing'; // ENOTDIR: a file stands where a folder is on the way
  }
}

const KIND_WORDS: Record<EntryKind, string> = {
  missing: 'missing',
  file: 'a file',
  dir: 'a folder',
  link: 'a symbolic link',
  fifo: 'a FIFO (named pipe)',
  socket: 'a socket',
  device: 'a device',
};

export function describeKind(kind: EntryKind): string {
  return KIND_WORDS[kind];
}

/** Where a project-relative path stands: the first folder on the way that is not a real folder, else the entry itself. */
export interface PathState {
  kind: EntryKind;
  /** The deepest folder on the way that exists ('' for the root). */
  deepest: string;
  /** The first parent (relative) that is not a real folder, and what it is. */
  blockedAt?: string;
  blockedKind?: EntryKind;
}

/**
 * Walks `rel` below `root` one component at a time with lstat. Folders already seen in this run
 * are remembered (a plan has hundreds of files in a few folders); `forgetPaths` clears that
 * memory after ai-flow itself changed the tree.
 */
export function inspectPath(root: string, rel: string): PathState {
  const parents = inspectParents(root, rel);
  if (parents) return parents;
  const deepest = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const key = `${root}\0${rel}`;
  let kind = pathKinds.get(key);
  if (kind === undefined) {
    kind = kindAt(under(root, rel));
    pathKinds.set(key, kind);
  }
  return { kind, deepest };
}

/**
 * The folders on the way to `rel`: null when every one is a real folder, else where the path
 * stops (it then reads as missing, as in inspectPath).
 */
export function inspectParents(root: string, rel: string): PathState | null {
  let deepest = '';
  for (let at = rel.indexOf('/'); at !== -1; at = rel.indexOf('/', at + 1)) {
    const dirRel = rel.slice(0, at);
    const kind = dirKind(root, dirRel);
    if (kind === 'missing') return { kind: 'missing', deepest };
    if (kind !== 'dir') return { kind: 'missing', deepest, blockedAt: dirRel, blockedKind: kind };
    deepest = dirRel;
  }
  return null;
}

/** What stood at each inspected path when the run read it (planning and pre-flight read the same). */
const pathKinds = new Map<string, EntryKind>();

/**
 * `root/rel` for a planned path (POSIX, normalised, no `..`): a plain join, as path.join would
 * give, without normalising it again for each of hundreds of files.
 */
export function under(root: string, rel: string): string {
  return root.endsWith('/') ? `${root}${rel}` : `${root}/${rel}`;
}

const dirKinds = new Map<string, EntryKind>();

/** The kind of a folder on the way to a planned path, remembered for the run (see forgetPaths). */
export function dirKind(root: string, dirRel: string): EntryKind {
  const key = `${root}\0${dirRel}`;
  let kind = dirKinds.get(key);
  if (kind === undefined) {
    kind = kindAt(under(root, dirRel));
    dirKinds.set(key, kind);
  }
  return kind;
}

export function forgetPaths(): void {
  dirKinds.clear();
  pathKinds.clear();
}

/** Records a folder ai-flow itself just made, so the next path through it needs no lstat. */
export function rememberDir(root: string, dirRel: string): void {
  dirKinds.set(`${root}\0${dirRel}`, 'dir');
}

/** Thrown when an entry exists but is not something ai-flow will read. */
export class NotRegularFileError extends Error {
  constructor(readonly kind: EntryKind) {
    super(`is ${describeKind(kind)}, not a regular file`);
  }
}

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`is larger than ${formatBytes(limit)}`);
  }
}

/**
 * Reads a regular file of at most `limit` bytes. Opened without following a final link and
 * without blocking (a FIFO), then checked with fstat on the open descriptor, so what is read
 * is what was checked. Returns null when it does not exist.
 */
export function readRegularFile(abs: string, limit: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') throw new NotRegularFileError('link');
    if (code === 'ENXIO') throw new NotRegularFileError(kindAt(abs)); // a socket, or a FIFO with no writer on some systems
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFileError(kindOfStats(st));
    if (st.size > limit) throw new TooLargeError(limit);
    // Every byte is read below (or the buffer is cut to what was): no need to zero it first.
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;
}
