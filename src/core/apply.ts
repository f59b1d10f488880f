import { chmodSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import fse from 'fs-extra';
import path from 'node:path';
import { FsError } from '../errors.js';
import type { Plan } from './plan.js';
import { resolveInside } from './paths.js';
import { BASES_PATH, CONFIG_PATH, MANIFEST_PATH, serializeBases, serializeManifest, STAGING_DIR } from './state.js';

export interface StateFiles {
  config: string;
  packVersion: string;
}

/**
 * The only module that writes into the target directory. Everything is first staged
 * under `.ai-flow/.staging/` (so a failure leaves the project untouched), then each file
 * is moved into place with a rename (atomic per file), deletions follow, and the state
 * files come last with the manifest the very last: an interrupted run is repaired by
 * running it again, because the planner treats "already has the new text" as done.
 * Temporary files never land in a folder an AI tool scans.
 */
export function applyPlan(root: string, plan: Plan, state: StateFiles): void {
  fse.ensureDirSync(root);
  const staging = resolveInside(root, STAGING_DIR);
  // A staging folder left by an interrupted run holds nothing we need: start clean.
  fse.removeSync(staging);
  guard(() => fse.ensureDirSync(staging), STAGING_DIR);

  const moves: { from: string; to: string; rel: string }[] = [];
  const stage = (rel: string, data: string | Buffer): void => {
    const from = path.join(staging, String(moves.length));
    guard(() => writeFileSync(from, data), rel);
    moves.push({ from, to: resolveInside(root, rel), rel });
  };

  const deletions: string[] = [];
  for (const a of plan.actions) {
    if (a.write === undefined) continue;
    if (a.write === null) deletions.push(a.path);
    else stage(a.path, a.write);
  }
  const fileMoves = moves.length;
  stage(BASES_PATH, serializeBases(plan.bases));
  stage(CONFIG_PATH, state.config);
  stage(MANIFEST_PATH, serializeManifest({ schemaVersion: 1, packVersion: state.packVersion, files: plan.manifest }));

  moves.slice(0, fileMoves).forEach(place);
  for (const rel of deletions) remove(root, rel);
  moves.slice(fileMoves).forEach(place);
  fse.removeSync(staging);
}

function place(move: { from: string; to: string; rel: string }): void {
  guard(() => {
    fse.ensureDirSync(path.dirname(move.to));
    const mode = existingMode(move.to);
    if (mode !== null) chmodSync(move.from, mode);
    renameSync(move.from, move.to);
  }, move.rel);
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
  try {
    return statSync(abs).mode & 0o777;
  } catch {
    return null;
  }
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
