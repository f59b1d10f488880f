import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir, write } from '../helpers.js';

const oneLine = (text: string) => expect(text.trim().split('\n'), text).toHaveLength(1);

describe('every error is one line with the right exit code', () => {
  it('a target inside a file is bad usage, not an unexpected error', () => {
    const dir = tmpDir();
    write(dir, 'afile', 'x');
    const r = runCli(['init', path.join(dir, 'afile/sub'), '--yes']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/afile.*file/);
  });

  it('a file at .ai-flow is a file-system error with a fix', () => {
    const dir = tmpDir();
    write(dir, '.ai-flow', 'x');
    for (const args of [['init', dir, '--yes'], ['update', dir], ['doctor', dir]]) {
      const r = runCli(args);
      expect([3, 4]).toContain(r.code);
      oneLine(r.stderr);
      expect(r.stderr).not.toMatch(/unexpected/);
      expect(r.stderr).toMatch(/\.ai-flow/);
    }
  });

  it('echoed values are cut and their control characters escaped', () => {
    const r = runCli(['init', tmpDir(), '--yes', '--type', `nope\u001b[31m${'z'.repeat(5000)}`]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('--answers: a folder, a missing file and a file with a BOM each get the right answer', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'folder'));
    const folder = runCli(['init', tmpDir(), '--yes', '--answers', path.join(dir, 'folder')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/folder|directory/);
    const missing = runCli(['init', tmpDir(), '--yes', '--answers', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not found/);
    writeFileSync(path.join(dir, 'bom.json'), `\ufeff${JSON.stringify({ name: 'Bom', type: 'backend', tools: ['claude'] })}`);
    const bom = runCli(['init', tmpDir(), '--yes', '--answers', path.join(dir, 'bom.json')]);
    expect(bom.code, bom.stderr).toBe(0);
  });

  it('with --json every failure prints one JSON document on stdout, usage errors included', () => {
    for (const args of [['init', tmpDir(), '--json', '--type', 'nope'], ['init', tmpDir(), '--json', '--bogus'], ['update', tmpDir(), '--json']]) {
      const r = runCli(args);
      expect(r.code).toBeGreaterThan(0);
      const doc = JSON.parse(r.stdout) as { error: { message: string }; exitCode: number };
      expect(doc.exitCode).toBe(r.code);
      expect(doc.error.message.length).toBeGreaterThan(0);
    }
  });

  it('doctor fails when a file an installed command refers to was deleted by the user', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    rmSync(path.join(dir, '.ai-flow/prompts/backend/flow-build-phase-3.md'));
    const r = runCli(['doctor', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/flow-build-phase-3\.md/);
    expect(r.stdout).not.toMatch(/healthy/);
  });

  it('dry runs and --check list only what would change, with a count of the unchanged files', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    const r = runCli(['update', dir, '--check', '--ai', 'claude,cursor']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/up to date$/m);
    expect(r.stdout).toMatch(/\.cursor\/rules\/ai-flow\.mdc/);
    expect(r.stdout).toMatch(/\d+ unchanged/);
  });
});
