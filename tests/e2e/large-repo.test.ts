import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, tmpDir } from '../helpers.js';

/** A repository with `files` extra files spread over node_modules and src (never read by detection). */
function repo(files: number): string {
  const dir = tmpDir('ai-flow-big-');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'big', dependencies: { express: '5' } }));
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, i % 5 === 0 ? 'src' : 'node_modules', `pkg${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `f${i}.js`), 'x');
  }
  return dir;
}

function initMs(dir: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(NODE, [BIN, 'init', dir, '--yes', '--dry-run', '--ai', 'claude'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

describe('detection in a large repository', () => {
  it('does not walk the tree: 50,000 files cost about the same as none', () => {
    const big = repo(50_000);
    const small = repo(0);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const b: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < 5; i++) {
      b.push(initMs(big));
      s.push(initMs(small));
    }
    // A walk of 50,000 files takes seconds; reading known manifests does not depend on tree size.
    expect(median(b) / median(s)).toBeLessThan(1.5);
  }, 120_000);
});
