import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, read, runCli, tmpDir, write } from '../helpers.js';
import { changedPaths, isAiFlowPath, snapshot } from './tree.js';

/** A small project the user cares about: sources, a library, a git repository. */
function project(): string {
  const dir = tmpDir('ai-flow-hostile-');
  mkdirSync(path.join(dir, 'src'));
  mkdirSync(path.join(dir, 'lib'));
  write(dir, 'src/app.js', 'console.log("app");\n');
  write(dir, 'lib/util.js', 'export const x = 1;\n');
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const install = (dir: string) => {
  const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
  expect(r.code, r.stderr).toBe(0);
};

describe('paths read from the repository are never trusted', () => {
  for (const target of ['../src', '..', '../.git']) {
    it(`a committed symlink .ai-flow/.staging -> ${target} is never followed (init and update)`, () => {
      const dir = project();
      mkdirSync(path.join(dir, '.ai-flow'));
      symlinkSync(target, path.join(dir, '.ai-flow/.staging'));
      const before = snapshot(dir);
      const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
      expect(r.stderr).not.toMatch(/unexpected/);
      expect(changedPaths(before, snapshot(dir), isAiFlowPath)).toEqual([]);
      expect(exists(dir, 'src/app.js') && exists(dir, '.git/HEAD')).toBe(true);
      const again = snapshot(dir);
      runCli(['update', dir]);
      expect(changedPaths(again, snapshot(dir), isAiFlowPath)).toEqual([]);
    });
  }

  it('a symlinked run folder found in .ai-flow is not followed, not deleted, and reported', () => {
    const dir = project();
    install(dir);
    symlinkSync('../lib', path.join(dir, '.ai-flow/.run-0123456789abcdef'));
    const before = snapshot(dir);
    const r = runCli(['update', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\.run-0123456789abcdef/);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  it('a journal with path traversal is ignored: nothing is moved, deleted or chmod-ed outside the plan', () => {
    const outside = tmpDir('ai-flow-outside-');
    write(outside, 'secret', 'top secret\n');
    const secret = path.join(outside, 'secret');
    const dir = project();
    install(dir);
    const rel = path.relative(path.join(dir, '.ai-flow/.run-00000000000000aa'), secret);
    // The old layout and the new one, each with a journal that names a file outside the repo.
    for (const folder of ['.ai-flow/.staging', '.ai-flow/.run-00000000000000aa']) {
      mkdirSync(path.join(dir, folder), { recursive: true });
      const st = statSync(path.join(dir, folder));
      const steps = [{ target: 'docs/loot', staged: rel, before: null, own: true }, { target: 'src/app.js', staged: null, before: sha(path.join(dir, 'src/app.js')), own: false }];
      writeFileSync(path.join(dir, folder, 'run.json'), JSON.stringify({ version: 2, runId: '00000000000000aa', folder: { dev: st.dev, ino: st.ino } }));
      writeFileSync(path.join(dir, folder, 'journal.json'), JSON.stringify({ version: 2, runId: '00000000000000aa', folder: { dev: st.dev, ino: st.ino }, steps }));
    }
    const before = snapshot(dir);
    const outsideBefore = snapshot(outside);
    const r = runCli(['update', dir]);
    expect(r.stderr).toMatch(/tampered|ignor/i);
    expect(changedPaths(outsideBefore, snapshot(outside))).toEqual([]);
    expect(changedPaths(before, snapshot(dir), (p) => p.startsWith('.ai-flow/.run-') && !p.startsWith('.ai-flow/.run-00000000000000aa'))).toEqual([]);
    expect(read(outside, 'secret')).toBe('top secret\n');
  });

  it('a tampered manifest naming .git/HEAD and src/app.js deletes nothing: exit 4, tree untouched', () => {
    const dir = project();
    install(dir);
    const manifestPath = path.join(dir, '.ai-flow/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const p of ['.git/HEAD', 'src/app.js']) manifest.files.push({ path: p, sha256: sha(path.join(dir, p)), owner: 'file' });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const before = snapshot(dir);
    const r = runCli(['update', dir]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/manifest\.json.*tampered/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  it('a symlinked target file is never written through; the rest installs and init exits 1', () => {
    const dir = project();
    write(dir, 'notes.md', 'my notes\n');
    symlinkSync('notes.md', path.join(dir, 'CLAUDE.md'));
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CLAUDE\.md.*link/);
    expect(read(dir, 'notes.md')).toBe('my notes\n');
    expect(exists(dir, '.claude/commands/flow-build.md')).toBe(true);
  });

  it('a symlinked folder on the way to a target stops the run before anything is written (exit 3)', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync('elsewhere', path.join(dir, '.claude'));
    const before = snapshot(dir);
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\.claude.*link/);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  it('.ai-flow itself as a symlink is refused with nothing written', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'other'));
    symlinkSync('other', path.join(dir, '.ai-flow'));
    const before = snapshot(dir);
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/unexpected/);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  it('a config with no tools is corrupt state, not an order to delete every tool file', () => {
    const dir = project();
    install(dir);
    const configPath = path.join(dir, '.ai-flow/ai-flow.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    writeFileSync(configPath, JSON.stringify({ ...config, tools: [] }));
    const before = snapshot(dir);
    const r = runCli(['update', dir]);
    expect(r.code).toBe(4);
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  it('.ai-flow/.gitignore keeps run-time files out of commits', () => {
    const dir = project();
    install(dir);
    const ignore = read(dir, '.ai-flow/.gitignore');
    expect(ignore).toMatch(/^\.lock$/m);
    expect(ignore).toMatch(/^\.run-\*$/m);
  });
});
