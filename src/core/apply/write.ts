import { chmodSync, lstatSync, mkdirSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FsError } from '../../errors.js';
import { describeKind, dirKind, forgetPaths, kindAt, rememberDir, under } from '../fs-safe.js';

/**
 * The few file-system writes ai-flow makes, each refusing to go through a symbolic link:
 * folders are created one level at a time (never a recursive mkdir, which loops on /proc),
 * new files are created exclusively, and texts reach their place by rename.
 */

/** Makes every missing folder of `dirRel` below `root`; returns those it created (outermost first). */
export function ensureDir(root: string, dirRel: string): string[] {
  const created: string[] = [];
  if (dirRel === '' || dirRel === '.' || dirKind(root, dirRel) === 'dir') return created;
  const parts = dirRel.split('/');
  for (let i = 0; i < parts.length; i++) {
    const rel = parts.slice(0, i + 1).join('/');
    let kind = dirKind(root, rel);
    if (kind === 'dir') continue;
    const abs = under(root, rel);
    if (kind === 'missing') {
      guard(() => {
        try {
          mkdirSync(abs);
          created.push(rel);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
      }, rel);
      kind = kindAt(abs);
    }
    if (kind !== 'dir') throw new FsError(`${rel} is ${describeKind(kind)}, where ai-flow needs a folder`, hintFor(kind));
    rememberDir(root, rel);
  }
  return created;
}

/** Creates the folders of an absolute target that may not exist yet (init into a new folder). */
export function ensureRoot(root: string): string[] {
  const missing: string[] = [];
  let dir = root;
  while (kindAt(dir) === 'missing' && path.dirname(dir) !== dir) {
    missing.unshift(dir);
    dir = path.dirname(dir);
  }
  if (kindAt(dir) !== 'dir') throw new FsError(`${dir} is ${describeKind(kindAt(dir))}, not a folder`, 'choose another target folder');
  for (const abs of missing) {
    guard(() => {
      try {
        mkdirSync(abs);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }, abs);
    if (kindAt(abs) !== 'dir') throw new FsError(`${abs} is not a folder`, 'choose another target folder');
  }
  return missing;
}

/** Writes a new file; fails if anything (a file, a link) is already there. */
export function writeNew(abs: string, data: string | Buffer, label: string): void {
  guard(() => writeFileSync(abs, data, { flag: 'wx', mode: 0o644 }), label);
}

/** Moves a staged file onto `rel` (replacing a regular file there), keeping that file's mode. */
export function moveInto(root: string, stagedAbs: string, rel: string): void {
  const slash = rel.lastIndexOf('/');
  if (slash > 0) ensureDir(root, rel.slice(0, slash));
  const to = under(root, rel);
  const kind = kindAt(to);
  if (kind !== 'missing' && kind !== 'file') throw new FsError(`${rel} is ${describeKind(kind)}; ai-flow will not replace it`, hintFor(kind));
  guard(() => {
    if (kind === 'file') chmodSync(stagedAbs, lstatSync(to).mode & 0o777);
    renameSync(stagedAbs, to);
  }, rel);
}

/** Deletes the regular file at `rel` (never a link's target), then folders that this left empty. */
export function removeFile(root: string, rel: string): void {
  const abs = path.join(root, rel);
  const kind = kindAt(abs);
  if (kind === 'missing') return;
  if (kind !== 'file') throw new FsError(`${rel} is ${describeKind(kind)}; ai-flow will not delete it`, hintFor(kind));
  guard(() => unlinkSync(abs), rel);
  pruneEmptyDirs(root, path.posix.dirname(rel));
}

/**
 * Removes folders left empty, from `dirRel` up to (not including) the root; stops at the first
 * that is not empty. `.ai-flow` itself stays unless `includeStateFolder` (uninstall).
 */
export function pruneEmptyDirs(root: string, dirRel: string, includeStateFolder = false): void {
  let rel = dirRel;
  while (rel !== '.' && rel !== '' && (includeStateFolder || rel !== '.ai-flow')) {
    try {
      if (kindAt(path.join(root, rel)) !== 'dir') return;
      rmdirSync(path.join(root, rel));
    } catch {
      return;
    }
    rel = path.posix.dirname(rel);
  }
  forgetPaths();
}

/** Runs a write, turning a system error into a one-line FsError with a hint that fits its cause. */
export function guard(fn: () => void, rel: string): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof FsError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new FsError(`cannot write ${rel}: ${code}`, HINTS[code] ?? 'check the folder and run again');
  }
}

const HINTS: Record<string, string> = {
  EACCES: 'check the permissions of that folder (ai-flow runs as you)',
  EPERM: 'check the permissions of that folder (ai-flow runs as you)',
  ENOSPC: 'free some disk space, then run again to finish',
  EDQUOT: 'free some disk space (quota), then run again to finish',
  EROFS: 'the file system is read-only; choose a writable folder',
  EEXIST: 'something appeared there while ai-flow ran; run again',
  ENOTDIR: 'a file stands where a folder is needed; move it away',
  EISDIR: 'a folder stands where a file is needed; move it away',
  ENOENT: 'the folder cannot be created there; choose another target',
};

function hintFor(kind: string): string {
  return kind === 'link' ? 'replace the link with a real folder or file, or remove it (ai-flow never writes through links)' : 'move it away, then run again';
}
