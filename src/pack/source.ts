import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { shown } from '../values.js';
import type { PackSnapshot } from './load.js';
import { readPackFolder, readPackTgz } from './load.js';

/**
 * Where a pack comes from (`--pack <source>`): a folder (written as a path: `./packs/acme`,
 * `../acme`, `/abs/acme`), a `.tgz` (what `npm pack` writes), or a package name resolved from
 * the repository's node_modules (a team publishes its pack as a devDependency; `npm ci`
 * brings it, ai-flow never runs npm). Sources are recorded relative to the repository, so
 * `update` finds them again in any clone.
 */
export type SourceKind = 'folder' | 'tgz' | 'package';

const PACKAGE_RE = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

export function kindOf(source: string): SourceKind | null {
  if (/\.(tgz|tar\.gz)$/i.test(source)) return 'tgz';
  if (source === '.' || source === '..' || /^\.{1,2}[\\/]/.test(source) || path.isAbsolute(source) || /^[A-Za-z]:[\\/]/.test(source)) return 'folder';
  if (PACKAGE_RE.test(source) && source.length <= 214) return 'package';
  return null;
}

/** A `--pack` value as it is recorded in `.ai-flow/ai-flow.json`: a path inside the repository relative to it (`./…`), else absolute. */
export function recordSource(given: string, cwd: string, repoRoot: string): string {
  const kind = kindOf(given);
  if (kind === null) {
    throw new UsageError(`--pack ${shown(given)}: not a folder path, a .tgz file or a package name`, 'write a folder as a path (./packs/acme), an archive as file.tgz, a package by its npm name (@acme/ai-flow-pack)');
  }
  if (kind === 'package') return given;
  const abs = path.resolve(cwd, given);
  const rel = path.relative(repoRoot, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs;
  return `./${rel.split(path.sep).join('/')}`;
}

/**
 * The pack a source points at, read into memory; a missing source is a UsageError saying how to
 * fix it. `recorded`: the source comes from `.ai-flow/ai-flow.json` (update), not from a flag.
 */
export function readSource(source: string, repoRoot: string, recorded: { name: string; version: string } | null): PackSnapshot {
  const kind = kindOf(source);
  if (kind === null) throw new UsageError(`pack source ${shown(source)} is not a folder path, a .tgz file or a package name`, 'fix "packs" in .ai-flow/ai-flow.json');
  const abs = locate(source, kind, repoRoot);
  if (abs === null) throw missing(source, kind, repoRoot, recorded);
  return kind === 'tgz' ? readPackTgz(abs, source) : readPackFolder(abs, source);
}

/** Whether a recorded source is still there (doctor reports one that is not). */
export function sourceExists(source: string, repoRoot: string): boolean {
  const kind = kindOf(source);
  return kind !== null && locate(source, kind, repoRoot) !== null;
}

/** Absolute real path of the source; null when it is not there. Only its own root may be reached through a link. */
function locate(source: string, kind: SourceKind, repoRoot: string): string | null {
  const candidates = kind === 'package' ? ancestors(repoRoot).map((d) => path.join(d, 'node_modules', ...source.split('/'))) : [path.resolve(repoRoot, source)];
  for (const candidate of candidates) {
    try {
      const st = statSync(candidate);
      if (kind === 'tgz' ? st.isFile() : st.isDirectory()) return realpathSync(candidate);
    } catch {
      // not here: try the next folder up (node_modules) or report it missing
    }
  }
  return null;
}

/** The repository and every folder above it: where Node itself looks for node_modules. */
function ancestors(dir: string): string[] {
  const out = [dir];
  while (path.dirname(out[out.length - 1]) !== out[out.length - 1]) out.push(path.dirname(out[out.length - 1]));
  return out;
}

function missing(source: string, kind: SourceKind, repoRoot: string, recorded: { name: string; version: string } | null): UsageError {
  const what = recorded ? `pack ${recorded.name} ${recorded.version} (source ${source})` : `--pack ${source}`;
  const remove = recorded ? ', or drop it from "packs" in .ai-flow/ai-flow.json' : '';
  if (kind === 'package') {
    return new UsageError(`${what} is missing: no node_modules/${source} in ${repoRoot} or a folder above it`, `install it (npm ci, or npm install --save-dev ${source})${remove}`);
  }
  const where = path.resolve(repoRoot, source);
  return new UsageError(`${what} is missing: no ${kind === 'tgz' ? 'file' : 'folder'} ${where}`, recorded ? `put the pack back at ${where}${remove}` : 'check the path');
}
