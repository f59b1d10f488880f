import path from 'node:path';
import { FsError } from '../../errors.js';
import { forgetPaths, kindAt, readRegularFile, under } from '../fs-safe.js';
import { sha256Bytes } from '../hash.js';
import type { Plan } from '../plan.js';
import { AI_FLOW_DIR, BASES_PATH, CONFIG_PATH, MANIFEST_PATH, OLDER_BASES_PATHS, serializeBases, serializeManifest } from '../state.js';
import { knownText } from '../known-texts.js';
import type { Journal, RunFolder, Step } from './journal.js';
import { createRunFolder, findRuns, removeRunFolder, stagedPath, writeJournal } from './journal.js';
import type { PlannedTouch } from './preflight.js';
import { preflight } from './preflight.js';
import { moveInto, pruneEmptyDirs, removeFile, writeNew } from './write.js';

/**
 * The only module that changes the target directory (with lock.ts, which holds it). Every path
 * it touches comes from the plan (or is one of ai-flow's own state files); none is read from the
 * repository. Callers hold the lock (lock.ts) around everything here that writes.
 *
 * A run: pre-flight check; stage every new text in a fresh run folder; write the journal (until
 * it exists nothing in the project has changed); move each text into place with a rename, then
 * the deletions, then the state files, the manifest last. The folder stays until the command has
 * printed its report, so a run killed before that is finished, and reported, by the next one.
 */

export interface StateFiles {
  config: string;
  packVersion: string;
  /** The build digest that produced the texts, when known. */
  digest?: string;
}

/** Checks that every path the plan writes can be written; throws FsError (exit 3) otherwise. Writes nothing. */
export function checkCanApply(root: string, plan: Plan, removeState = false): void {
  const touches: PlannedTouch[] = [
    ...plan.actions.filter((a) => a.write !== undefined).map((a) => ({ path: a.path, remove: a.write === null })),
    ...[BASES_PATH, CONFIG_PATH, MANIFEST_PATH].map((p) => ({ path: p, remove: removeState })),
  ];
  const problems = preflight(root, touches);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new FsError(`${problems[0].message}${more}; nothing was written`, problems[0].hint);
  }
}

/** Applies `plan`; `state` is what the state files become, or null to delete them (uninstall). */
export async function applyPlan(root: string, plan: Plan, state: StateFiles | null, about: Omit<Journal, 'steps'>): Promise<RunFolder> {
  checkCanApply(root, plan, state === null);
  // Each text is encoded once, for its staged file and for the bases alike.
  const encoded = new Map<string, Buffer>();
  const bytes = (text: string): Buffer => {
    let data = encoded.get(text);
    if (!data) encoded.set(text, (data = knownText(text)?.bytes ?? Buffer.from(text, 'utf8')));
    return data;
  };
  const bases = state ? serializeBases(plan.bases, bytes) : null;
  const folder = createRunFolder(root);
  const steps: Step[] = [];
  const stage = (target: string, data: string | Buffer, own: boolean): void => {
    const name = String(steps.length);
    writeNew(stagedPath(folder, name), data, target);
    steps.push({ target, staged: name, before: own ? null : hashOf(root, target), own });
  };
  for (const a of plan.actions) if (typeof a.write === 'string') stage(a.path, bytes(a.write), false);
  for (const a of plan.actions) if (a.write === null) steps.push({ target: a.path, staged: null, before: hashOf(root, a.path), own: false });
  if (state && bases) {
    stage(BASES_PATH, bases, true);
    stage(CONFIG_PATH, state.config, true);
    stage(MANIFEST_PATH, serializeManifest({ schemaVersion: 1, packVersion: state.packVersion, ...(state.digest ? { digest: state.digest } : {}), files: plan.manifest }), true);
  } else {
    for (const own of [BASES_PATH, CONFIG_PATH, MANIFEST_PATH]) steps.push({ target: own, staged: null, before: null, own: true });
  }
  // The bases of earlier versions are now in BASES_PATH: their files go.
  for (const older of OLDER_BASES_PATHS) if (kindAt(path.join(root, older)) === 'file') steps.push({ target: older, staged: null, before: null, own: true });
  writeJournal(folder, { ...about, steps });
  // From here the project changes: nothing read before is taken as still true.
  forgetPaths();
  for (const step of steps) runStep(root, folder, step);
  return folder;
}

/** After an uninstall: `.ai-flow/` goes too once nothing is left in it (an edited prompt keeps it). */
export function removeStateFolderIfEmpty(root: string): void {
  pruneEmptyDirs(root, AI_FLOW_DIR, true);
}

/** Called once the command has reported the result: the run is complete. */
export function completeRun(folder: RunFolder): void {
  removeRunFolder(folder);
}

export interface FinishedRun {
  command: string;
  report: unknown;
  /** Project files that run wrote. */
  written: string[];
}

/**
 * Finishes the runs of this machine that stopped after writing their journal, and clears their
 * folders. A step is resumed only while its target still holds the text it had before that run
 * (or is ai-flow's own state); a file changed since is left alone. Under the lock.
 */
export function finishInterruptedRuns(root: string): { finished: FinishedRun[]; ignored: string[] } {
  const { mine, ignored } = findRuns(root);
  const finished: FinishedRun[] = [];
  for (const { folder, journal } of mine) {
    if (journal) {
      for (const step of journal.steps) {
        if (step.staged !== null && kindAt(stagedPath(folder, step.staged)) !== 'file') continue; // already moved
        if (step.staged === null && kindAt(path.join(root, step.target)) === 'missing') continue; // already deleted
        if (step.own || hashOf(root, step.target) === step.before) runStep(root, folder, step);
      }
      finished.push({ command: journal.command, report: journal.report, written: journal.steps.filter((s) => !s.own && s.staged !== null).map((s) => s.target) });
    }
    removeRunFolder(folder);
  }
  if (mine.length > 0) forgetPaths();
  return { finished, ignored };
}

/** For dry runs: whether a real run would first finish an earlier one, and what it would ignore. */
export function pendingRuns(root: string): { pending: boolean; ignored: string[] } {
  const { mine, ignored } = findRuns(root);
  return { pending: mine.some((m) => m.journal !== null), ignored };
}

function runStep(root: string, folder: RunFolder, step: Step): void {
  if (step.staged === null) removeFile(root, step.target);
  else moveInto(root, stagedPath(folder, step.staged), step.target);
}

function hashOf(root: string, rel: string): string | null {
  // Most targets of an install are new: no thrown ENOENT for them.
  const abs = under(root, rel);
  if (kindAt(abs) === 'missing') return null;
  try {
    const data = readRegularFile(abs, 64 * 1024 * 1024);
    return data ? sha256Bytes(data) : null;
  } catch {
    return null;
  }
}
