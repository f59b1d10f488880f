import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, read, runCli, tmpDir, write } from '../helpers.js';
import { snapshot } from './tree.js';

const init = (dir: string, ...extra: string[]) => runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude', ...extra]);

describe('every answer is validated the same way, whatever its source', () => {
  const bad: [string, string][] = [
    ['a block end marker', 'x <!-- ai-flow:end -->'],
    ['a block begin marker', '<!-- ai-flow:begin --> y'],
    ['a conflict marker', '<<<<<<< mine'],
    ['a newline', 'one\ntwo'],
    ['a control character', 'bell\u0007'],
  ];
  for (const [what, value] of bad) {
    it(`--name and --description with ${what} exit 2 with nothing written`, () => {
      for (const flag of ['--name', '--description']) {
        const dir = tmpDir();
        const r = init(dir, flag, value);
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(flag);
        expect(snapshot(dir).size).toBe(0);
      }
    });
  }

  it('a description over the length limit is refused, and the echo is cut to a readable length', () => {
    const dir = tmpDir();
    const r = init(dir, '--description', 'x'.repeat(100_000));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('an answers file with marker text in stack.testCommand exits 2', () => {
    const dir = tmpDir();
    const file = path.join(tmpDir(), 'answers.json');
    writeFileSync(file, JSON.stringify({ stack: { testCommand: 'npm test <!-- ai-flow:end -->' } }));
    const r = init(dir, '--answers', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stack.testCommand');
    expect(snapshot(dir).size).toBe(0);
  });

  it('a hostile detected value falls back to the default with a warning, and the install stays healthy', () => {
    const dir = tmpDir();
    write(dir, 'package.json', JSON.stringify({ name: 'x <!-- ai-flow:end -->', description: '<<<<<<< HEAD', scripts: { test: `vitest ${'y'.repeat(5000)}` } }));
    const r = init(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/package\.json/);
    expect(read(dir, 'AGENTS.md')).not.toContain('x <!-- ai-flow:end -->');
    expect(read(dir, 'AGENTS.md')).not.toContain('yyyyyyyyyy');
    expect(runCli(['doctor', dir]).code).toBe(0);
    expect(runCli(['update', dir, '--check']).code).toBe(0);
  });

  it('a tampered saved answer is corrupt state (exit 4), never installed', () => {
    const dir = tmpDir();
    expect(init(dir).code).toBe(0);
    const config = JSON.parse(read(dir, '.ai-flow/ai-flow.json'));
    write(dir, '.ai-flow/ai-flow.json', JSON.stringify({ ...config, name: 'x <!-- ai-flow:end -->' }));
    const r = runCli(['update', dir]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/ai-flow\.json/);
  });

  it('ids and values are case-insensitive and repeated --ai flags add up', () => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', '--type', 'Backend', '--scope', 'MVP', '--ai', ' Claude ', '--ai', 'CURSOR']);
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(read(dir, '.ai-flow/ai-flow.json'));
    expect(config.tools).toEqual(['claude', 'cursor']);
    expect(config.scope).toBe('mvp');
    expect(exists(dir, '.cursor/rules/ai-flow.mdc')).toBe(true);
  });

  it('--ai with an unknown id next to "all" is refused', () => {
    const r = runCli(['init', tmpDir(), '--yes', '--ai', 'all,foo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"foo"/);
  });
});
