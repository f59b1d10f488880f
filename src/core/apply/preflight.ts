import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { describeKind, inspectPath, kindAt, under } from '../fs-safe.js';

/** One reason the run cannot write what it planned. */
export interface Problem {
  path: string;
  message: string;
  hint: string;
}

export interface PlannedTouch {
  path: string;
  remove: boolean;
}

/**
 * The pre-flight check (SPEC §10): before the first write, every path the run will write or
 * delete is checked for a non-folder on its way (a file, a link, a FIFO), a non-file in its
 * place, and a folder the user cannot write. Read-only; dry runs run it too, so they report
 * exactly what the real run would meet.
 */
export function preflight(root: string, touches: readonly PlannedTouch[]): Problem[] {
  const problems: Problem[] = [];
  const writable = new Map<string, boolean>();
  const canWrite = (abs: string): boolean => {
    let ok = writable.get(abs);
    if (ok === undefined) {
      try {
        accessSync(abs, constants.W_OK | constants.X_OK);
        ok = true;
      } catch {
        ok = false;
      }
      writable.set(abs, ok);
    }
    return ok;
  };

  const existingRoot = nearestExisting(root);
  if (existingRoot !== root && !canWrite(existingRoot)) {
    return [{ path: root, message: `cannot create ${root}: ${existingRoot} is not writable`, hint: 'choose a folder you can write, or create it first' }];
  }
  for (const touch of touches) {
    const at = inspectPath(root, touch.path);
    if (at.blockedAt) {
      problems.push({ path: at.blockedAt, message: `${at.blockedAt} is ${describeKind(at.blockedKind ?? 'file')}, where ai-flow needs a folder`, hint: at.blockedKind === 'link' ? 'replace the link with a real folder, or remove it (ai-flow never writes through links)' : 'move it away, then run again' });
      continue;
    }
    if (at.kind !== 'missing' && at.kind !== 'file') {
      problems.push({ path: touch.path, message: `${touch.path} is ${describeKind(at.kind)}, where ai-flow writes a file`, hint: 'move it away, then run again' });
      continue;
    }
    const dir = at.deepest;
    if (existingRoot === root && !canWrite(dir === '' ? root : under(root, dir))) {
      problems.push({ path: dir, message: `${dir === '' ? root : dir} is not writable (needed for ${touch.path})`, hint: 'check the permissions of that folder (ai-flow runs as you)' });
    }
  }
  return dedupe(problems);
}

function nearestExisting(abs: string): string {
  let dir = abs;
  while (kindAt(dir) === 'missing' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}
