import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
// fs-extra: its tree copy and removal are stable on Node 20, where fs.cpSync is still experimental.
import fse from 'fs-extra';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(REPO, 'bin', 'ai-flow.cjs');
/** The node that runs every spawned CLI: $AI_FLOW_TEST_NODE (the Node matrix of `npm run test:e2e`), else vitest's own. */
export const NODE = process.env.AI_FLOW_TEST_NODE || process.execPath;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI like a user would, with stdin closed (not a terminal). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(NODE, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    // A hung CLI fails its test instead of hanging the suite.
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];

/** A fresh temporary folder, removed after the test file by `removeTmpDirs` (see vitest.setup.ts). */
export function tmpDir(prefix = 'ai-flow-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of created.splice(0)) fse.removeSync(dir);
}

/** A fresh folder laid out as `files` says (relative path → text). */
export function repoWith(files: Record<string, string>, prefix = 'ai-flow-repo-'): string {
  const dir = tmpDir(prefix);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export function read(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

export function write(root: string, rel: string, text: string): void {
  writeFileSync(path.join(root, rel), text);
}

export function exists(root: string, rel: string): boolean {
  return existsSync(path.join(root, rel));
}

/** Every file under root, relative, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(root, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  if (existsSync(root)) walk('');
  return out.sort();
}

/** Copies a folder tree (a project, a pack). */
export function copyTree(from: string, to: string): void {
  fse.copySync(from, to);
}

/** A copy of the shipped pack (prompts, templates, version) that a test may change: an "other version". */
export function copyPack(version: string): string {
  const dir = tmpDir('ai-flow-pack-');
  fse.copySync(path.join(REPO, 'prompts'), path.join(dir, 'prompts'));
  fse.copySync(path.join(REPO, 'templates'), path.join(dir, 'templates'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ai-flow', version }));
  return dir;
}

/** Files of the shipped pack under a folder, read from the pack itself (never a hard-coded list). */
export function packFiles(dir: string): string[] {
  return listFiles(path.join(REPO, dir));
}
