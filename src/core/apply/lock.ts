import { linkSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheckFailedError } from '../../errors.js';
import { forgetPaths, readRegularFile } from '../fs-safe.js';
import { randomHex } from './run-name.js';
import { AI_FLOW_DIR, LOCK_PATH } from '../state.js';
import { ensureDir, ensureRoot, writeNew } from './write.js';

/** Who holds the lock: enough to tell a live run from a crashed one, and to name it in a message. */
interface Holder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

export interface Lock {
  /** Drops the lock, then the folders made only to hold it if they are still empty. */
  release(): void;
}

const POLL_MS = 50;

/**
 * One writer at a time per repository (SPEC §10): `.ai-flow/.lock`, created exclusively. A
 * second run waits (AI_FLOW_LOCK_WAIT_MS, default 20 s), then gives up naming the holder. A lock
 * whose process is gone (same host, no such pid) is stale and taken over.
 */
export async function acquireLock(root: string, command: string, notice: (text: string) => void): Promise<Lock> {
  const createdRoot = ensureRoot(root);
  const createdDirs = ensureDir(root, AI_FLOW_DIR);
  const me: Holder = { pid: process.pid, host: os.hostname(), command, started: new Date().toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  const lockAbs = path.join(root, LOCK_PATH);
  const waitMs = Number(process.env.AI_FLOW_LOCK_WAIT_MS ?? 20_000);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    if (tryCreate(lockAbs, text)) break;
    const holder = readHolder(lockAbs);
    if (holder && isStale(holder)) {
      if (takeOver(lockAbs, holder)) notice(`took over a stale lock of ${describe(holder)}, whose process is gone`);
      continue;
    }
    if (Date.now() >= deadline) {
      for (const rel of [...createdDirs].reverse()) tryRmdir(path.join(root, rel));
      throw new CheckFailedError(
        `another ai-flow run holds ${LOCK_PATH}${holder ? ` (${describe(holder)})` : ''}`,
        `wait for it to finish and run again; if no ai-flow is running, delete ${LOCK_PATH}`,
      );
    }
    if (!told && waitMs > 1000) {
      notice(`waiting for another ai-flow run${holder ? ` (${describe(holder)})` : ''}…`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  // What was read before the lock (while another run may have been writing) is read again.
  forgetPaths();
  return {
    release() {
      const now = safeRead(lockAbs);
      if (now === text) {
        try {
          unlinkSync(lockAbs);
        } catch {
          // Already gone: nothing to release.
        }
      }
      for (const rel of [...createdDirs].reverse()) tryRmdir(path.join(root, rel));
      for (const abs of [...createdRoot].reverse()) tryRmdir(abs);
    },
  };
}

function tryCreate(lockAbs: string, text: string): boolean {
  try {
    writeNew(lockAbs, text, LOCK_PATH);
    return true;
  } catch (err) {
    if (/EEXIST/.test((err as Error).message)) return false;
    throw err;
  }
}

function readHolder(lockAbs: string): Holder | null {
  const text = safeRead(lockAbs);
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as Partial<Holder>;
    if (typeof raw.pid === 'number' && Number.isInteger(raw.pid) && raw.pid > 0 && typeof raw.host === 'string') {
      return { pid: raw.pid, host: raw.host, command: String(raw.command ?? '?').slice(0, 20), started: String(raw.started ?? '?').slice(0, 30) };
    }
  } catch {
    // Being written right now, or not ours: treated as held.
  }
  return null;
}

function safeRead(abs: string): string | null {
  try {
    return readRegularFile(abs, 4096)?.toString('utf8') ?? null;
  } catch {
    return null;
  }
}

/** Only a lock of this host can be judged: its pid no longer exists. */
function isStale(holder: Holder): boolean {
  if (holder.host !== '' && holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside and checks it is the one judged stale; if another run replaced it
 * meanwhile, that run's lock is put back (link: never over a newer one).
 */
function takeOver(lockAbs: string, stale: Holder): boolean {
  const aside = `${lockAbs}.stale-${randomHex(6)}`;
  try {
    renameSync(lockAbs, aside);
  } catch {
    return false;
  }
  const moved = readHolder(aside);
  if (moved && moved.pid === stale.pid && moved.started === stale.started) {
    unlinkSync(aside);
    return true;
  }
  try {
    linkSync(aside, lockAbs);
  } catch {
    // A third run took the lock in between; the one moved aside is dropped.
  }
  unlinkSync(aside);
  return false;
}

function describe(holder: Holder): string {
  return `ai-flow ${holder.command}, pid ${holder.pid}${holder.host && holder.host !== os.hostname() ? ` on ${holder.host}` : ''}, started ${holder.started}`;
}

function tryRmdir(abs: string): void {
  try {
    rmdirSync(abs);
  } catch {
    // Not empty (or gone): it stays.
  }
}
