import type { Answers } from '../types.js';
import { Pack } from '../pack/pack.js';
import { packRoot, packVersion } from '../pack/locate.js';
import { Renderer } from '../core/render.js';
import { desiredFiles } from '../core/desired.js';
import type { Plan } from '../core/plan.js';
import { planChanges } from '../core/plan.js';
import type { InstalledState } from '../core/disk.js';
import { readDisk, readProjectFile } from '../core/disk.js';
import { applyPlan, completeApply, finishInterruptedApply, hasInterruptedApply } from '../core/apply.js';
import { CONFIG_PATH, MANIFEST_PATH, serializeConfig, serializeManifest } from '../core/state.js';
import { hasConflictMarkers } from '../core/merge.js';

export interface PlannedRun {
  plan: Plan;
  config: string;
  packVersion: string;
  /** True when applying would change nothing at all, state files included. */
  noop: boolean;
}

/** Plans an installation of `answers` into `root` over its current state. Writes nothing. */
export function planRun(root: string, answers: Answers, state: InstalledState, restore: boolean): PlannedRun {
  const pack = new Pack(packRoot());
  const version = packVersion(pack.root);
  const desired = desiredFiles(answers, pack, new Renderer(), version);
  const paths = new Set([...desired.map((d) => d.path), ...(state.manifest?.files.map((f) => f.path) ?? [])]);
  const plan = planChanges({
    desired,
    disk: readDisk(root, paths),
    manifest: state.manifest,
    bases: state.bases,
    restore,
    oldVersion: state.manifest?.packVersion ?? version,
    newVersion: version,
  });
  const config = serializeConfig(answers, version);
  const noop = !plan.actions.some((a) => a.write !== undefined) && stateFilesMatch(root, plan, config, version, state.bases);
  return { plan, config, packVersion: version, noop };
}

export function applyRun(root: string, run: PlannedRun): void {
  if (run.noop) return;
  applyPlan(root, run.plan, { config: run.config, packVersion: run.packVersion });
}

/** After the report is printed: the run is complete (see completeApply). */
export function finishRun(root: string, run: PlannedRun, wrote: boolean): void {
  if (wrote && !run.noop) completeApply(root);
}

/** Whether config, manifest and bases on disk already hold exactly what this run would write.
 *  Bases are compared as loaded, not re-compressed: an up-to-date update stays cheap. */
function stateFilesMatch(root: string, plan: Plan, config: string, version: string, bases: ReadonlyMap<string, string>): boolean {
  if (readProjectFile(root, CONFIG_PATH) !== config) return false;
  if (readProjectFile(root, MANIFEST_PATH) !== serializeManifest({ schemaVersion: 1, packVersion: version, files: plan.manifest })) return false;
  return plan.bases.size === bases.size && [...plan.bases].every(([p, text]) => bases.get(p) === text);
}

export interface InterruptedRun {
  /** A dry run found an interrupted run that a real run would finish. */
  pending: boolean;
  /** Files the finished run left with conflict markers: its own report was lost, so they are reported now. */
  conflicts: string[];
}

/** An earlier run that stopped midway is finished first (or, in a dry run, reported). */
export function noteInterruptedRun(root: string, dryRun: boolean): InterruptedRun {
  if (dryRun) {
    const pending = hasInterruptedApply(root);
    if (pending) process.stderr.write('ai-flow: an earlier run was interrupted; the next real run finishes it first\n');
    return { pending, conflicts: [] };
  }
  const written = finishInterruptedApply(root);
  if (written === null) return { pending: false, conflicts: [] };
  const conflicts = written.filter((p) => hasConflictMarkers(readProjectFile(root, p) ?? ''));
  process.stderr.write('ai-flow: finished an earlier run that was interrupted\n');
  for (const p of conflicts) process.stderr.write(`ai-flow: ${p} has conflict markers from that run — resolve them by hand\n`);
  return { pending: false, conflicts };
}
