import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { kindAt } from './fs-safe.js';

/**
 * The target directory as an absolute real path. It may not exist yet (init creates it), but
 * it may not be, or lie inside, a file. A link the user named as the target is theirs to follow;
 * below it, ai-flow follows none.
 */
export function resolveTarget(dir: string): string {
  const abs = path.resolve(dir);
  let existing = abs;
  const rest: string[] = [];
  while (kindAt(existing) === 'missing' && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  let isDir: boolean;
  try {
    isDir = statSync(existing).isDirectory();
  } catch (err) {
    throw new UsageError(`cannot use ${abs}: ${existing} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, 'pass a project folder you can read');
  }
  if (!isDir) {
    throw new UsageError(existing === abs ? `target ${abs} is a file, not a folder` : `target ${abs} is inside ${existing}, which is a file`, 'pass the project folder instead');
  }
  return path.join(realpathSync(existing), ...rest);
}
