import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPack, read, runCli, tmpDir, write } from '../helpers.js';
import { runCliAsync } from './tree.js';

const PAIRS = 20;
const USER_AGENTS = '# My project\n\nOur own rules, written by hand.\n';
const USER_CLAUDE = '# Claude notes\n\nKeep answers short.\n';

describe('one writer at a time per repository', () => {
  it(`${PAIRS} pairs of concurrent inits never lose the user's text`, async () => {
    const dirs = Array.from({ length: PAIRS }, () => {
      const dir = tmpDir('ai-flow-race-');
      write(dir, 'AGENTS.md', USER_AGENTS);
      write(dir, 'CLAUDE.md', USER_CLAUDE);
      return dir;
    });
    const args = (dir: string) => ['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,cursor'];
    const results = await Promise.all(dirs.map((dir) => Promise.all([runCliAsync(args(dir)), runCliAsync(args(dir))])));
    for (const [i, pair] of results.entries()) {
      const dir = dirs[i];
      const codes = pair.map((r) => r.code).sort();
      // One installs; the other waits for it, then finds ai-flow installed (exit 1).
      expect(codes, pair.map((r) => r.stderr).join('\n')).toEqual([0, 1]);
      expect(read(dir, 'AGENTS.md').startsWith(USER_AGENTS)).toBe(true);
      expect(read(dir, 'CLAUDE.md').startsWith(USER_CLAUDE)).toBe(true);
      const doctor = runCli(['doctor', dir]);
      expect(doctor.code, doctor.stdout).toBe(0);
    }
  });

  describe('concurrent updates', () => {
    let v1: string;
    let v2: string;
    beforeAll(() => {
      v1 = copyPack('1.0.0');
      v2 = copyPack('2.0.0');
      writeFileSync(path.join(v2, 'prompts/shared/x-new.md'), 'new in v2\n');
      const commit = path.join(v2, 'prompts/shared/flow-commit.md');
      writeFileSync(commit, `${readFileSync(commit, 'utf8')}\nA v2 line.\n`);
    });

    it(`${PAIRS} pairs of concurrent updates end exactly like one update`, async () => {
      const dirs = Array.from({ length: PAIRS }, () => {
        const dir = tmpDir('ai-flow-race-');
        const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude'], { env: { AI_FLOW_PACK_DIR: v1 } });
        expect(r.code, r.stderr).toBe(0);
        return dir;
      });
      const results = await Promise.all(dirs.map((dir) => Promise.all([runCliAsync(['update', dir], { AI_FLOW_PACK_DIR: v2 }), runCliAsync(['update', dir], { AI_FLOW_PACK_DIR: v2 })])));
      for (const [i, pair] of results.entries()) {
        const dir = dirs[i];
        expect(pair.map((r) => r.code), pair.map((r) => r.stderr).join('\n')).toEqual([0, 0]);
        expect(read(dir, '.ai-flow/prompts/shared/x-new.md')).toBe('new in v2\n');
        expect(read(dir, '.ai-flow/prompts/shared/flow-commit.md')).toContain('A v2 line.');
        expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).packVersion).toBe('2.0.0');
        const check = runCli(['update', dir, '--check'], { env: { AI_FLOW_PACK_DIR: v2 } });
        expect(check.code, check.stdout).toBe(0);
      }
    });
  });

  it('a lock held by a live process makes a second run wait, then exit 1 naming the holder', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    // This test process is alive: a lock naming it is held.
    write(dir, '.ai-flow/.lock', JSON.stringify({ pid: process.pid, host: (globalThis.process.env.HOSTNAME ?? ''), command: 'update', started: new Date().toISOString() }));
    const lock = read(dir, '.ai-flow/.lock');
    const started = Date.now();
    const r = runCli(['update', dir], { env: { AI_FLOW_LOCK_WAIT_MS: '300' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`another ai-flow.*pid ${process.pid}`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(read(dir, '.ai-flow/.lock')).toBe(lock);
  });

  it('a stale lock (its process is gone) is taken over', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    const gone = runCli(['--version']);
    expect(gone.code).toBe(0);
    // pid 2^22+1 is above Linux's default pid_max range of most machines; use one that surely is dead.
    write(dir, '.ai-flow/.lock', JSON.stringify({ pid: 4194999, host: '', command: 'init', started: '2026-01-01T00:00:00.000Z' }));
    const r = runCli(['update', dir, '--ai', 'claude,cursor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/stale lock/);
    expect(read(dir, '.cursor/rules/ai-flow.mdc')).toContain('alwaysApply');
  });
});
