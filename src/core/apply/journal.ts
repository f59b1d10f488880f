import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { kindAt, readRegularFile } from '../fs-safe.js';
import { randomHex } from './run-name.js';
import { isInstallablePath } from '../path-set.js';
import { AI_FLOW_DIR, isRecord, LEGACY_STAGING, RUN_PREFIX, STATE_PATHS } from '../state.js';
import { shown } from '../../values.js';
import { guard, writeNew } from './write.js';

/**
 * The staging folder of one run and its journal. A run stages every new text in a folder it
 * creates itself, `.ai-flow/.run-<random id>`, and records in it who made it: the folder's device
 * and inode, which no copy, clone or checkout reproduces. Only a journal in such a folder is ever
 * resumed, and only with steps whose sources lie in that folder and whose targets a pack can
 * install; anything else found in `.ai-flow/` is ignored and reported, never followed or deleted.
 */

/** Move a staged file (`staged`: its name in the folder) onto `target`, or delete `target` (null). */
export interface Step {
  target: string;
  staged: string | null;
  /** sha256 of the target before the run (null: absent). A step is only resumed over that text. */
  before: string | null;
  /** ai-flow's own state files: always resumed. */
  own: boolean;
}

export interface Journal {
  command: string;
  steps: Step[];
  /** What the run reported (or would have): printed by the run that finishes it. */
  report: unknown;
}

export interface RunFolder {
  rel: string;
  abs: string;
  runId: string;
  identity: { dev: string; ino: string };
}

const RUN_FILE = 'run.json';
const JOURNAL_FILE = 'journal.json';
const MAX_JOURNAL = 16 * 1024 * 1024;

export function createRunFolder(root: string): RunFolder {
  const runId = randomHex(8);
  const rel = `${AI_FLOW_DIR}/${RUN_PREFIX}${runId}`;
  const abs = path.join(root, rel);
  // mkdir without `recursive` fails if anything is there: the folder is new and ours.
  guard(() => mkdirSync(abs), rel);
  const st = lstatSync(abs, { bigint: true });
  const folder: RunFolder = { rel, abs, runId, identity: { dev: String(st.dev), ino: String(st.ino) } };
  writeNew(path.join(abs, RUN_FILE), JSON.stringify({ version: 2, runId, folder: folder.identity }), `${rel}/${RUN_FILE}`);
  return folder;
}

/** Writes the journal last, atomically: until it exists nothing in the project has changed. */
export function writeJournal(folder: RunFolder, journal: Journal): void {
  const tmp = path.join(folder.abs, `${JOURNAL_FILE}.tmp`);
  writeNew(tmp, JSON.stringify({ version: 2, runId: folder.runId, folder: folder.identity, ...journal }), `${folder.rel}/${JOURNAL_FILE}`);
  renameSync(tmp, path.join(folder.abs, JOURNAL_FILE));
}

export function stagedPath(folder: RunFolder, name: string): string {
  return `${folder.abs}/${name}`;
}

/** Removes the folder's own files (by name), then the folder; anything else keeps it in place. */
export function removeRunFolder(folder: RunFolder): void {
  for (const name of readdirSync(folder.abs)) {
    if (/^\d{1,6}$/.test(name) || name === RUN_FILE || name === JOURNAL_FILE || name === `${JOURNAL_FILE}.tmp`) {
      if (kindAt(path.join(folder.abs, name)) === 'file') unlinkSync(path.join(folder.abs, name));
    }
  }
  try {
    rmdirSync(folder.abs);
  } catch {
    // Something that is not ours is inside: left where it is.
  }
}

/** What `.ai-flow/` holds of earlier runs. */
export interface FoundRuns {
  /** Folders this machine's ai-flow made, with their journal (null: staging never finished). */
  mine: { folder: RunFolder; journal: Journal | null }[];
  /** Everything else that looks like a run folder: one message each, untouched. */
  ignored: string[];
}

export function findRuns(root: string): FoundRuns {
  const found: FoundRuns = { mine: [], ignored: [] };
  const dir = path.join(root, AI_FLOW_DIR);
  if (kindAt(dir) !== 'dir') return found;
  for (const name of readdirSync(dir).sort()) {
    if (name === LEGACY_STAGING) {
      found.ignored.push(`${AI_FLOW_DIR}/${name} (left by an older ai-flow, or not written by ai-flow; never used now — delete it)`);
      continue;
    }
    if (!name.startsWith(RUN_PREFIX)) continue;
    const rel = `${AI_FLOW_DIR}/${name}`;
    const run = verifyRun(root, rel, name.slice(RUN_PREFIX.length));
    if (typeof run === 'string') found.ignored.push(`${rel} (${run}; it looks copied or tampered with — delete it)`);
    else found.mine.push(run);
  }
  return found;
}

function verifyRun(root: string, rel: string, runId: string): { folder: RunFolder; journal: Journal | null } | string {
  const abs = path.join(root, rel);
  if (!/^[0-9a-f]{16}$/.test(runId)) return 'not a run folder of ai-flow';
  if (kindAt(abs) !== 'dir') return 'not a real folder';
  const st = lstatSync(abs, { bigint: true });
  const identity = { dev: String(st.dev), ino: String(st.ino) };
  const run = readJson(path.join(abs, RUN_FILE));
  if (!run || run.runId !== runId || !sameIdentity(run.folder, identity)) return 'not made by ai-flow on this machine';
  const folder: RunFolder = { rel, abs, runId, identity };
  if (kindAt(path.join(abs, JOURNAL_FILE)) === 'missing') return { folder, journal: null };
  const raw = readJson(path.join(abs, JOURNAL_FILE));
  if (!raw || raw.runId !== runId || !sameIdentity(raw.folder, identity)) return 'its journal does not belong to it';
  const steps = parseSteps(raw.steps);
  if (typeof steps === 'string') return steps;
  return { folder, journal: { command: typeof raw.command === 'string' ? raw.command : 'update', steps, report: raw.report } };
}

function parseSteps(value: unknown): Step[] | string {
  if (!Array.isArray(value)) return 'its journal has no steps';
  const steps: Step[] = [];
  for (const s of value) {
    if (!isRecord(s) || typeof s.target !== 'string' || typeof s.own !== 'boolean') return 'its journal is malformed';
    const own = STATE_PATHS.includes(s.target);
    if (s.own !== own || (!own && !isInstallablePath(s.target))) return `its journal names ${shown(s.target)}, which ai-flow never writes`;
    if (s.staged !== null && (typeof s.staged !== 'string' || !/^\d{1,6}$/.test(s.staged))) return `its journal names a source outside its folder (${shown(String(s.staged))})`;
    if (s.before !== null && (typeof s.before !== 'string' || !/^[0-9a-f]{64}$/.test(s.before))) return 'its journal is malformed';
    steps.push({ target: s.target, staged: s.staged as string | null, before: s.before as string | null, own });
  }
  return steps;
}

function sameIdentity(value: unknown, identity: { dev: string; ino: string }): boolean {
  return isRecord(value) && value.dev === identity.dev && value.ino === identity.ino;
}

function readJson(abs: string): Record<string, unknown> | null {
  try {
    const data = readRegularFile(abs, MAX_JOURNAL);
    if (!data) return null;
    const raw: unknown = JSON.parse(data.toString('utf8'));
    return isRecord(raw) ? raw : null;
  } catch {
    return null;
  }
}
