import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { FsError } from '../errors.js';
import type { Plan } from './plan.js';
import { resolveInside } from './paths.js';
import { BASES_PATH, CONFIG_PATH, MANIFEST_PATH, serializeBases, serializeManifest, STAGING_DIR } from './state.js';

export interface StateFiles {
  config: string;
  packVersion: string;
}

/** One step of an apply: move a staged file into place, or delete a file (staged: null). */
interface Step {
  target: string;
  staged: string | null;
  /** sha256 of the target before the run (null: absent). A step is only resumed over that text. */
  before: string | null;
  /** ai-flow's own state files: always resumed. */
  own: boolean;
}

const JOURNAL = 'journal.json';

/**
 * The only module that writes into the target directory.
 *
 * Every new text is first staged under `.ai-flow/.staging/` and a journal of the steps is
 * written there last: until the journal exists, nothing in the project has changed. Then
 * each file is moved into place with a rename (atomic per file), deletions follow, and the
 * state files come last, the manifest the very last. The journal stays until the command has
 * printed its report (`completeApply`). If the run is interrupted before that, the next run
 * finishes it first (`finishInterruptedApply`) and reports what it wrote, so files and state
 * never disagree, a half-applied merge is never merged twice, and no conflict goes unreported.
 * Temporary files never land in a folder an AI tool scans.
 */
export function applyPlan(root: string, plan: Plan, state: StateFiles): void {
  mkdirSync(root, { recursive: true });
  const staging = resolveInside(root, STAGING_DIR);
  rmSync(staging, { recursive: true, force: true });
  guard(() => mkdirSync(staging, { recursive: true }), STAGING_DIR);

  const steps: Step[] = [];
  const stage = (target: string, data: string | Buffer, own: boolean): void => {
    const staged = String(steps.length);
    guard(() => writeFileSync(path.join(staging, staged), data), target);
    steps.push({ target, staged, before: own ? null : hashOf(root, target), own });
  };
  for (const a of plan.actions) if (typeof a.write === 'string') stage(a.path, a.write, false);
  for (const a of plan.actions) if (a.write === null) steps.push({ target: a.path, staged: null, before: hashOf(root, a.path), own: false });
  stage(BASES_PATH, serializeBases(plan.bases), true);
  stage(CONFIG_PATH, state.config, true);
  stage(MANIFEST_PATH, serializeManifest({ schemaVersion: 1, packVersion: state.packVersion, files: plan.manifest }), true);
  guard(() => {
    writeFileSync(path.join(staging, `${JOURNAL}.tmp`), JSON.stringify({ version: 1, steps }));
    renameSync(path.join(staging, `${JOURNAL}.tmp`), path.join(staging, JOURNAL));
  }, `${STAGING_DIR}/${JOURNAL}`);

  for (const step of steps) runStep(root, staging, step);
}

/**
 * Called once the command has reported the result: drops the journal. Until then a killed
 * run counts as interrupted, so the next run reports what this one wrote (e.g. conflicts).
 */
export function completeApply(root: string): void {
  rmSync(resolveInside(root, STAGING_DIR), { recursive: true, force: true });
}

/** Whether an earlier run was interrupted after it started changing the project. */
export function hasInterruptedApply(root: string): boolean {
  return existsSync(path.join(resolveInside(root, STAGING_DIR), JOURNAL));
}

/**
 * Finishes a run that was interrupted after its journal was written, then clears the staging
 * folder. A step is resumed only while its target still holds the text it had before that
 * run (or the step is ai-flow's own state); a file changed since is left alone.
 * Returns the project files that run wrote, or null when there was no such run.
 */
export function finishInterruptedApply(root: string): string[] | null {
  const staging = resolveInside(root, STAGING_DIR);
  if (!existsSync(staging)) return null;
  let steps: Step[] | null = null;
  try {
    steps = (JSON.parse(readFileSync(path.join(staging, JOURNAL), 'utf8')) as { steps: Step[] }).steps;
  } catch {
    steps = null; // No journal: staging never finished, the project was not touched.
  }
  for (const step of steps ?? []) {
    if (step.staged !== null && !existsSync(path.join(staging, step.staged))) continue; // already moved
    if (step.staged === null && hashOf(root, step.target) === null) continue; // already deleted
    if (step.own || hashOf(root, step.target) === step.before) runStep(root, staging, step);
  }
  rmSync(staging, { recursive: true, force: true });
  return steps === null ? null : steps.filter((s) => !s.own && s.staged !== null).map((s) => s.target);
}

function runStep(root: string, staging: string, step: Step): void {
  if (step.staged === null) {
    remove(root, step.target);
    return;
  }
  const from = path.join(staging, step.staged);
  const to = resolveInside(root, step.target);
  guard(() => {
    mkdirSync(path.dirname(to), { recursive: true });
    const mode = existingMode(to);
    if (mode !== null) chmodSync(from, mode);
    renameSync(from, to);
  }, step.target);
}

function hashOf(root: string, rel: string): string | null {
  const abs = resolveInside(root, rel);
  if (!existsSync(abs)) return null;
  try {
    return createHash('sha256').update(readFileSync(abs)).digest('hex');
  } catch {
    return null;
  }
}

function remove(root: string, rel: string): void {
  const abs = resolveInside(root, rel);
  guard(() => {
    try {
      unlinkSync(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }, rel);
  pruneEmptyDirs(root, path.dirname(abs));
}

/** Removes folders that deleting a file left empty (e.g. a codex skill folder), up to the root. */
function pruneEmptyDirs(root: string, dir: string): void {
  const realRoot = resolveInside(root, '.');
  let current = dir;
  while (current.startsWith(realRoot) && current !== realRoot) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

function existingMode(abs: string): number | null {
  const stat = statSync(abs, { throwIfNoEntry: false });
  return stat ? stat.mode & 0o777 : null;
}

function guard(fn: () => void, rel: string): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof FsError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new FsError(`cannot write ${rel}: ${code}`, code === 'EACCES' || code === 'EPERM' ? 'check the permissions of the target directory' : 'check free space and permissions, then run again');
  }
}
