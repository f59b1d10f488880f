import { existsSync, readFileSync } from 'node:fs';
import { FsError, StateError, UsageError } from '../errors.js';
import { resolveInside } from './paths.js';
import type { Config, Manifest } from './state.js';
import { BASES_PATH, CONFIG_PATH, MANIFEST_PATH, parseBases, parseConfig, parseManifest } from './state.js';

/** Reads the text of a project file; null when it does not exist. */
export function readProjectFile(root: string, rel: string): string | null {
  const abs = resolveInside(root, rel);
  if (!existsSync(abs)) return null; // cheaper than a thrown ENOENT, and most paths of an install are new
  try {
    return readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EISDIR') throw new FsError(`${rel} is a directory where ai-flow expects a file`, 'move it away and run again');
    throw new FsError(`cannot read ${rel}: ${code ?? String(err)}`, 'check its permissions');
  }
}

/** Current text of every given path. */
export function readDisk(root: string, paths: Iterable<string>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of paths) if (!out.has(p)) out.set(p, readProjectFile(root, p));
  return out;
}

/** The saved state of an installation; `config` is null when ai-flow is not installed there. */
export interface InstalledState {
  config: Config | null;
  manifest: Manifest | null;
  bases: Map<string, string>;
}

export function readInstalledState(root: string): InstalledState {
  const configText = readProjectFile(root, CONFIG_PATH);
  const manifestText = readProjectFile(root, MANIFEST_PATH);
  const config = configText === null ? null : parseConfig(configText);
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  let bases = new Map<string, string>();
  const abs = resolveInside(root, BASES_PATH);
  let data: Buffer | null = null;
  try {
    data = readFileSync(abs);
  } catch {
    data = null;
  }
  if (data) bases = parseBases(data);
  return { config, manifest, bases };
}

export interface Installation {
  config: Config;
  manifest: Manifest;
  bases: Map<string, string>;
}

/** The state of an existing installation; a clear error when there is none or it is incomplete. */
export function readInstallation(root: string): Installation {
  const { config, manifest, bases } = readInstalledState(root);
  if (!config) throw new UsageError(`ai-flow is not installed in ${root} (no ${CONFIG_PATH})`, 'run `ai-flow init` there first');
  if (!manifest) {
    throw new StateError(`${MANIFEST_PATH} is missing`, 'restore it from version control, or run `ai-flow init --force` (it never overwrites your files)');
  }
  return { config, manifest, bases };
}
