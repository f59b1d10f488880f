import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { kindAt, readRegularFile } from '../core/fs-safe.js';
import type { ManifestFacts } from './manifests.js';

/**
 * The folders of a repository that may hold a part: the members its workspaces declare (npm,
 * yarn and pnpm workspaces, Cargo workspaces, go.work) and plain sub-folders with a manifest of
 * their own, in the first two levels. A bounded scan: build output, dependencies and hidden
 * folders are skipped, links are never followed, and it stops after a fixed number of folders.
 */

/** Dependencies, build output, documents, and folders that hold code or samples rather than parts. */
const SKIP = new Set([
  'node_modules', 'vendor', 'dist', 'build', 'out', 'target', 'coverage', 'tmp', 'temp', 'bin', 'obj', 'Pods', 'DerivedData',
  '__pycache__', 'venv', 'env', 'site-packages', 'docs', 'specs', 'src', 'lib', 'test', 'tests', '__tests__', 'e2e',
  'fixtures', 'examples', 'example', 'samples', 'public', 'assets', 'static', 'scripts', 'config',
]);
const MANIFESTS = new Set(['package.json', 'pyproject.toml', 'requirements.txt', 'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'Gemfile', 'composer.json', 'pubspec.yaml', 'wails.json', 'src-tauri']);
const MAX_FOLDERS = 200;

/** Relative folders (POSIX, no `.`), workspace members first, then the rest of the scan, each once. */
export function candidateDirs(root: string, rootFacts: readonly ManifestFacts[]): string[] {
  const out: string[] = [];
  const add = (rel: string): void => {
    const clean = rel.replace(/^\.\//, '').replace(/\/+$/, '');
    if (clean && clean !== '.' && !clean.split('/').includes('..') && !out.includes(clean) && kindAt(path.join(root, clean)) === 'dir') out.push(clean);
  };
  for (const glob of [...rootFacts.flatMap((f) => f.workspaces ?? []), ...goWorkMembers(root)]) for (const rel of expand(root, glob)) add(rel);
  for (const rel of scan(root)) add(rel);
  return out;
}

/** `apps/*` → the folders in apps/; `services/api` → itself. Deeper patterns (`**`) expand one level. */
function expand(root: string, glob: string): string[] {
  const parts = glob.replace(/^\.\//, '').split('/').filter(Boolean);
  const star = parts.findIndex((p) => p.includes('*'));
  if (star === -1) return [parts.join('/')];
  const base = parts.slice(0, star).join('/');
  const pattern = new RegExp(`^${parts[star].replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*')}$`);
  return listDirs(root, base).filter((name) => pattern.test(name)).map((name) => (base ? `${base}/${name}` : name));
}

/**
 * Folders up to two levels deep that hold a manifest: one directory listing per folder. A folder
 * with a manifest is a part; its own sub-folders are its insides, not other parts.
 */
function scan(root: string): string[] {
  const found: string[] = [];
  let visited = 0;
  const visit = (rel: string, depth: number): void => {
    for (const name of listDirs(root, rel)) {
      if (++visited > MAX_FOLDERS) return;
      const child = rel ? `${rel}/${name}` : name;
      const entries = list(root, child);
      if (entries.some((e) => MANIFESTS.has(e.name))) found.push(child);
      else if (depth < 2) visit(child, depth + 1);
    }
  };
  visit('', 1);
  return found;
}

function list(root: string, rel: string): Dirent[] {
  try {
    return readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return [];
  }
}

function listDirs(root: string, rel: string): string[] {
  return list(root, rel)
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name))
    .map((e) => e.name)
    .sort();
}

/** The `use` folders of a go.work file. */
function goWorkMembers(root: string): string[] {
  let raw: string;
  try {
    raw = readRegularFile(path.join(root, 'go.work'), 256 * 1024)?.toString('utf8') ?? '';
  } catch {
    return [];
  }
  const block = /^use\s*\(([\s\S]*?)\)/m.exec(raw)?.[1] ?? '';
  const single = [...raw.matchAll(/^use\s+(\S+)\s*$/gm)].map((m) => m[1]);
  return [...block.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim()).filter(Boolean), ...single].filter((d) => d !== '.');
}
