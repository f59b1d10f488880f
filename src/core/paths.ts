import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { FsError, UsageError } from '../errors.js';

/**
 * Resolves a project-relative path inside `root`, refusing anything that would leave it:
 * `..` segments, absolute paths, and symlinks (at any depth) whose target is outside root.
 * Returns the real absolute path to read or write.
 */
export function resolveInside(root: string, rel: string): string {
  const key = `${root}\0${rel}`;
  let resolved = resolvedPaths.get(key);
  if (resolved === undefined) {
    resolved = resolveUncached(root, rel);
    resolvedPaths.set(key, resolved);
  }
  return resolved;
}

/** Paths resolved in this run. ai-flow never creates symlinks, so a result stays true while it runs. */
const resolvedPaths = new Map<string, string>();

function resolveUncached(root: string, rel: string): string {
  if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
    throw new FsError(`refusing path outside the target: ${rel}`, 'this is a bug in the pack; please report it');
  }
  const realRoot = realpathOrSelf(root);
  let current = realRoot;
  const parts = rel.split('/');
  // Folders already checked in this run are not checked again (hundreds of files share a few folders).
  let i = 0;
  for (let j = parts.length - 1; j > 0; j--) {
    const known = checkedDirs.get(`${realRoot}\0${parts.slice(0, j).join('/')}`);
    if (known) {
      current = known;
      i = j;
      break;
    }
  }
  for (; i < parts.length; i++) {
    const next = path.join(current, parts[i]);
    // No exception for a missing entry: most paths of a fresh install do not exist yet.
    let stat;
    try {
      stat = lstatSync(next, { throwIfNoEntry: false });
    } catch {
      stat = undefined; // e.g. ENOTDIR: a file stands where a folder is expected; the write will say so
    }
    if (!stat) return path.join(next, ...parts.slice(i + 1)); // nothing below can be a symlink
    const isLink = stat.isSymbolicLink();
    if (isLink) {
      let target: string;
      try {
        target = realpathSync(next);
      } catch {
        throw new FsError(`${parts.slice(0, i + 1).join('/')} is a broken symlink`, 'remove or fix the link, then run again');
      }
      if (!isWithin(realRoot, target)) {
        throw new FsError(
          `${parts.slice(0, i + 1).join('/')} is a symlink to ${target}, outside the target directory`,
          'remove the link or point it inside the project; ai-flow never writes outside it',
        );
      }
      current = target;
    } else {
      current = next;
    }
    if (i < parts.length - 1) checkedDirs.set(`${realRoot}\0${parts.slice(0, i + 1).join('/')}`, current);
  }
  return current;
}

/** Real paths of existing folders that passed the checks, keyed by root and relative path.
 *  Only folders that exist are cached, and ai-flow never turns a folder into a symlink. */
const checkedDirs = new Map<string, string>();

/** Checks that the target directory can be used: it may not exist yet, but it may not be a file. */
export function checkTargetDir(root: string): void {
  try {
    if (!statSync(root).isDirectory()) {
      throw new UsageError(`target ${root} is a file, not a directory`, 'pass the project folder instead');
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    // Missing is fine: init creates it.
  }
}

export function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
