import type { Answers } from '../types.js';
import { typesOf } from '../types.js';
import { packVersion, shippedDigest } from '../pack/locate.js';
import { shippedImage } from '../pack/image.js';
import { assertInstallable, packFor, stackLabel } from '../pack/use.js';
import { Renderer } from '../core/render.js';
import { desiredFiles } from '../core/desired.js';
import type { Plan } from '../core/plan.js';
import { planChanges, planUnchanged } from '../core/plan.js';
import type { InstalledState } from '../core/disk.js';
import { readDisk, readProjectFile } from '../core/disk.js';
import type { FinishedRun, StateFiles } from '../core/apply/apply.js';
import { applyPlan, completeRun, finishInterruptedRuns, pendingRuns } from '../core/apply/apply.js';
import type { RunFolder } from '../core/apply/journal.js';
import { acquireLock } from '../core/apply/lock.js';
import { CONFIG_PATH, MANIFEST_PATH, serializeConfig, serializeManifest } from '../core/state.js';
import { hasConflictMarkers } from '../core/merge.js';
import { toLf } from '../core/text.js';
import type { ReportedAction } from '../report.js';
import { legacyMoves } from '../tools/legacy.js';

export interface PlannedRun {
  plan: Plan;
  config: string;
  packVersion: string;
  /** The build digest that produced the texts, when known. */
  digest?: string;
  /** True when applying would change nothing at all, state files included. */
  noop: boolean;
}

/** Plans an installation of `answers` into `root` over its current state. Writes nothing. */
export function planRun(root: string, given: Answers, state: InstalledState, restore: boolean): PlannedRun {
  const version = packVersion();
  const digest = given.packs?.length ? null : shippedDigest();
  const unchanged = digest !== null && !restore ? planIfUnchanged(root, given, state, version, digest) : null;
  if (unchanged) return unchanged;
  // The recorded packs are read again: their versions as read now are what the config records.
  const { pack, packs } = packFor(root, given.packs, typesOf(given.parts));
  const answers: Answers = { ...given, packs };
  const desired = desiredFiles(answers, pack, new Renderer(), version);
  assertInstallable(desired);
  const paths = new Set([...desired.map((d) => d.path), ...(state.manifest?.files.map((f) => f.path) ?? [])]);
  const plan = planChanges({
    desired,
    disk: readDisk(root, paths),
    manifest: state.manifest,
    bases: state.bases,
    restore,
    oldVersion: stackLabel(state.manifest?.packVersion ?? version, state.config?.packs),
    newVersion: stackLabel(version, packs),
    moves: legacyMoves(answers.tools, desired.map((d) => d.path)),
  });
  const config = serializeConfig(answers, version);
  // The digest vouches for the whole plan: an install with a refused file is planned in full next time.
  const recorded = digest !== null && !plan.actions.some((a) => a.refused) ? digest : null;
  const noop = !plan.actions.some((a) => a.write !== undefined) && stateFilesMatch(root, plan, config, version, recorded, state.bases.present);
  return { plan, config, packVersion: version, ...(recorded ? { digest: recorded } : {}), noop };
}

/**
 * An installation made by this very build with these very answers holds exactly the texts this
 * run would render: each file is then judged by its hash alone, and nothing is rendered.
 */
function planIfUnchanged(root: string, answers: Answers, state: InstalledState, version: string, digest: string): PlannedRun | null {
  const { manifest, bases } = state;
  if (!manifest || manifest.digest !== digest || manifest.packVersion !== version || !bases.present) return null;
  const config = serializeConfig(answers, version);
  if (toLf(readProjectFile(root, CONFIG_PATH) ?? '') !== config) return null;
  // An unedited prompt is recognised by comparing its bytes with the image's, not by hashing it.
  const image = shippedImage();
  const plan = planUnchanged(manifest, readDisk(root, manifest.files.map((f) => f.path)), (sha256) => image?.bytesWithHash(sha256));
  return { plan, config, packVersion: version, digest, noop: true };
}

/** What a journal keeps of a run's report, so a run that finishes it can print it. */
export interface StoredReport {
  answers: Answers;
  actions: ReportedAction[];
}

/** Applies the run (under the lock); returns its folder, to complete once the report is printed. */
export async function applyRun(root: string, run: PlannedRun, command: string, report: StoredReport): Promise<RunFolder | null> {
  if (run.noop) return null;
  const state: StateFiles = { config: run.config, packVersion: run.packVersion, ...(run.digest ? { digest: run.digest } : {}) };
  return applyPlan(root, run.plan, state, { command, report });
}

/** After the report is printed: the run is complete. */
export function finishRun(folder: RunFolder | null): void {
  if (folder) completeRun(folder);
}

/** Runs `fn` holding the repository's lock (one writer at a time). */
export async function withLock<T>(root: string, command: string, fn: () => T | Promise<T>): Promise<T> {
  const lock = await acquireLock(root, command, notice);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

export function notice(text: string): void {
  process.stderr.write(`ai-flow: ${text}\n`);
}

/**
 * Whether config, manifest and bases on disk already hold exactly what this run would write.
 * The bases are the texts the manifest hashes: an identical manifest means identical bases, so
 * an up-to-date update never decompresses them.
 */
function stateFilesMatch(root: string, plan: Plan, config: string, version: string, digest: string | null, basesPresent: boolean): boolean {
  // In LF: a checkout that converted them to CRLF (core.autocrlf) holds the same state.
  if (toLf(readProjectFile(root, CONFIG_PATH) ?? '') !== config) return false;
  if (toLf(readProjectFile(root, MANIFEST_PATH) ?? '') !== serializeManifest({ schemaVersion: 1, packVersion: version, ...(digest ? { digest } : {}), files: plan.manifest })) return false;
  return basesPresent || plan.bases.size === 0;
}

export interface InterruptedRun {
  /** A dry run found an interrupted run that a real run would finish. */
  pending: boolean;
  /** Runs finished now (their own report was never printed, or not in full). */
  finished: FinishedRun[];
  /** Files the finished run left with conflict markers: reported now. */
  conflicts: string[];
}

/** An earlier run that stopped midway is finished first (or, in a dry run, reported). */
export function noteInterruptedRun(root: string, dryRun: boolean): InterruptedRun {
  if (dryRun) {
    const { pending, ignored } = pendingRuns(root);
    for (const what of ignored) notice(`ignoring ${what}`);
    if (pending) notice('an earlier run was interrupted; the next real run finishes it first');
    return { pending, finished: [], conflicts: [] };
  }
  const { finished, ignored } = finishInterruptedRuns(root);
  for (const what of ignored) notice(`ignoring ${what}`);
  if (finished.length === 0) return { pending: false, finished, conflicts: [] };
  const conflicts = [...new Set(finished.flatMap((f) => f.written))].filter((p) => {
    try {
      return hasConflictMarkers(readProjectFile(root, p) ?? '');
    } catch {
      return false;
    }
  });
  notice('finished an earlier run that was interrupted');
  for (const p of conflicts) notice(`${p} has conflict markers from that run — resolve them by hand`);
  return { pending: false, finished, conflicts };
}
