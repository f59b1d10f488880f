import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir, write } from '../helpers.js';

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);
const TIMEOUT = 15_000;

describe('never hangs, never balloons', () => {
  for (const rel of ['AGENTS.md', 'package.json', '.ai-flow/ai-flow.json', '.ai-flow/prompts/shared/flow-commit.md']) {
    it(`a FIFO at ${rel} never blocks a command and is never replaced`, () => {
      const dir = tmpDir();
      if (rel.startsWith('.ai-flow/')) {
        expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
        rmSync(path.join(dir, rel));
      }
      mkfifo(path.join(dir, rel));
      for (const args of [['init', dir, '--yes', '--type', 'backend', '--ai', 'claude', '--force'], ['update', dir], ['doctor', dir]]) {
        const started = Date.now();
        const r = runCli(args);
        expect(Date.now() - started).toBeLessThan(TIMEOUT);
        expect(r.stderr).not.toMatch(/unexpected/);
        if (rel !== 'package.json') expect(r.stderr + r.stdout, args.join(' ')).toMatch(/not a regular file/);
        expect(lstatSync(path.join(dir, rel)).isFIFO()).toBe(true);
      }
    }, 60_000);
  }

  it('--answers /dev/zero is refused quickly (size limit)', () => {
    const started = Date.now();
    const r = runCli(['init', tmpDir(), '--yes', '--answers', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--answers/);
    expect(Date.now() - started).toBeLessThan(TIMEOUT);
  });

  it('--answers - reads standard input', () => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', '--answers', '-'], { input: JSON.stringify({ name: 'From stdin', type: 'frontend', tools: ['cursor'] }) });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(execFileSync('cat', [path.join(dir, '.ai-flow/ai-flow.json')], { encoding: 'utf8' })).name).toBe('From stdin');
  });

  it('a huge manifest value is not read into memory and not written', () => {
    const dir = tmpDir();
    write(dir, 'package.json', JSON.stringify({ name: 'big', scripts: { test: 'x'.repeat(20 * 1024 * 1024) } }));
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/package\.json/);
    expect(readFileSync(path.join(dir, '.ai-flow/ai-flow.json')).length).toBeLessThan(10_000);
    expect(readFileSync(path.join(dir, 'AGENTS.md')).length).toBeLessThan(50_000);
  });

  it.runIf(process.platform === 'linux')('init /proc/x and /proc/self/fd fail fast with exit 3', () => {
    for (const target of ['/proc/x', '/proc/self/fd']) {
      const started = Date.now();
      const r = runCli(['init', target, '--yes', '--type', 'backend', '--ai', 'claude']);
      expect(r.code, r.stderr).toBe(3);
      expect(Date.now() - started).toBeLessThan(TIMEOUT);
      expect(r.stderr).not.toMatch(/unexpected/);
    }
    expect(existsSync('/proc/x')).toBe(false);
  });

  it('a /dev device as answers file is refused', () => {
    const r = runCli(['init', tmpDir(), '--yes', '--answers', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  });
});
