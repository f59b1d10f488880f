import { execFileSync, spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import fse from 'fs-extra';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, REPO, read, runCli, tmpDir, write } from '../helpers.js';
import { changedPaths, snapshot } from './tree.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** The built CLI copied where any user can read it: the checkout itself may sit in a private folder. */
let readableBin: string | null = null;
function cliForAnyUser(): string {
  if (readableBin) return readableBin;
  const dir = tmpDir('ai-flow-cli-');
  chmodSync(dir, 0o755);
  for (const rel of ['bin', 'dist', 'prompts', 'templates', 'package.json', 'ai-flow-pack.json']) fse.copySync(path.join(REPO, rel), path.join(dir, rel));
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  readableBin = path.join(dir, 'bin', path.basename(BIN));
  return readableBin;
}

/** Runs the CLI as an unprivileged user (root ignores folder permissions). */
function runAsUser(args: string[]) {
  const cmd = isRoot ? 'setpriv' : process.execPath;
  const argv = isRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, cliForAnyUser(), ...args] : [BIN, ...args];
  const r = spawnSync(cmd, argv, { cwd: os.tmpdir(), encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A project folder the unprivileged user owns, with a `.github/` it cannot write. */
function projectWithLockedGithub(): string {
  const parent = tmpDir('ai-flow-perm-');
  chmodSync(parent, 0o755);
  const dir = path.join(parent, 'p');
  mkdirSync(dir);
  mkdirSync(path.join(dir, '.github'));
  write(dir, '.github/CODEOWNERS', '* @team\n');
  if (isRoot) chownSync(dir, NOBODY, NOBODY);
  chmodSync(path.join(dir, '.github'), 0o555);
  return dir;
}

describe('pre-flight: everything is checked before the first write', () => {
  it('a folder the user cannot write, found midway, stops the run with nothing written (exit 3)', () => {
    const dir = projectWithLockedGithub();
    const before = snapshot(dir);
    const r = runAsUser(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,copilot']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/\.github/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  it('a dry run tells the truth: the same pre-flight, the same exit 3', () => {
    const dir = projectWithLockedGithub();
    const r = runAsUser(['init', dir, '--yes', '--dry-run', '--type', 'backend', '--ai', 'copilot']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\.github/);
  });

  it('a file where a folder must be stops the run with nothing written (exit 3)', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, '.claude'));
    write(dir, '.claude/commands', 'not a folder\n');
    const before = snapshot(dir);
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,cursor']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\.claude\/commands.*(file|folder)/);
    expect(r.stderr).not.toMatch(/free space/);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
    expect(runCli(['init', dir, '--yes', '--dry-run', '--type', 'backend', '--ai', 'claude']).code).toBe(3);
  });

  it('re-running an interrupted init finishes it and exits 0 with the normal report', async () => {
    let finished = false;
    for (let attempt = 0; attempt < 8 && !finished; attempt++) {
      const dir = tmpDir();
      const child = spawn(NODE, [BIN, 'init', dir, '--yes', '--type', 'fullstack', '--ai', 'all'], { stdio: 'ignore' });
      const journal = () => existsSync(path.join(dir, '.ai-flow')) && readdirSync(path.join(dir, '.ai-flow')).some((n) => n.startsWith('.run-') && existsSync(path.join(dir, '.ai-flow', n, 'journal.json')));
      const end = Date.now() + 20_000;
      while (!journal() && Date.now() < end && child.exitCode === null) await new Promise((r) => setTimeout(r, 1));
      if (child.exitCode !== null || !journal()) continue;
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      const r = runCli(['init', dir, '--yes', '--type', 'fullstack', '--ai', 'all']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/finished an earlier run/);
      expect(r.stdout).toMatch(/ai-flow installed/);
      expect(runCli(['doctor', dir]).code).toBe(0);
      expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).parts.map((p: { type: string }) => p.type)).toEqual(['backend', 'frontend']);
      finished = true;
    }
    expect(finished).toBe(true);
  });
});
