import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, read, runCli, tmpDir, write } from '../helpers.js';
import { changedPaths, snapshot } from '../hostile/tree.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

/** A git repository with the user's own files committed. */
function project(): string {
  const dir = tmpDir('ai-flow-uninstall-');
  git(dir, 'init', '-q');
  write(dir, 'src.js', 'x\n');
  write(dir, 'CLAUDE.md', '# Our Claude notes\r\n\r\nKeep it short.\r\n');
  writeFileSync(path.join(dir, 'AGENTS.md'), '\ufeff# House rules\n\nBe kind.\n');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'start');
  return dir;
}
const install = (dir: string) => expect(runCli(['init', dir, '--yes', '--type', 'backend,mobile', '--part-dir', 'backend=.,mobile=app', '--ai', 'claude,cursor,copilot,codex']).code).toBe(0);

describe('ai-flow uninstall', () => {
  it('on a clean install: git status is clean again, every byte of the user\'s files as it was', () => {
    const dir = project();
    const before = snapshot(dir);
    install(dir);
    expect(git(dir, 'status', '--porcelain')).not.toBe('');
    const r = runCli(['uninstall', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ai-flow removed from/);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(changedPaths(before, snapshot(dir), (p) => p.startsWith('.git/'))).toEqual([]);
    expect(exists(dir, '.ai-flow')).toBe(false);
  });

  it('keeps the files and blocks the user edited, and says so; --force removes them too', () => {
    const dir = project();
    install(dir);
    const prompt = '.ai-flow/prompts/shared/flow-commit.md';
    write(dir, prompt, `${read(dir, prompt)}\nMy team's rule.\n`);
    write(dir, 'CLAUDE.md', read(dir, 'CLAUDE.md').replace('<!-- ai-flow:end -->', 'my line inside the block\n<!-- ai-flow:end -->'));
    const r = runCli(['uninstall', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 file\(s\) you edited are kept/);
    expect(read(dir, prompt)).toContain("My team's rule.");
    expect(read(dir, 'CLAUDE.md')).toContain('my line inside the block');
    expect(exists(dir, '.ai-flow/ai-flow.json')).toBe(false);
    expect(exists(dir, '.claude/commands')).toBe(false);
    expect(runCli(['uninstall', dir]).code).toBe(2); // nothing installed any more
  });

  it('--force --yes removes edited files and blocks, leaving the user\'s text', () => {
    const dir = project();
    install(dir);
    write(dir, '.ai-flow/prompts/shared/flow-commit.md', 'edited\n');
    write(dir, 'CLAUDE.md', read(dir, 'CLAUDE.md').replace('<!-- ai-flow:end -->', 'mine\n<!-- ai-flow:end -->'));
    const r = runCli(['uninstall', dir, '--force', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(exists(dir, '.ai-flow')).toBe(false);
    expect(readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8')).toBe('# Our Claude notes\r\n\r\nKeep it short.\r\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('--dry-run writes nothing and --json lists every removal', () => {
    const dir = project();
    install(dir);
    const before = snapshot(dir);
    const r = runCli(['uninstall', dir, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { dryRun: boolean; actions: { path: string; action: string }[] };
    expect(doc.dryRun).toBe(true);
    expect(doc.actions.find((a) => a.path === 'AGENTS.md')?.action).toBe('update');
    expect(doc.actions.find((a) => a.path === '.claude/commands/backend-flow-build.md')?.action).toBe('delete');
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });
});
