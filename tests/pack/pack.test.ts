import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers.js';

describe('the shipped pack', () => {
  it('passes ai-flow doctor --pack for every type × every tool', () => {
    const r = runCli(['doctor', '--pack']);
    expect(r.stdout, r.stdout).toContain('Pack healthy');
    expect(r.code).toBe(0);
  });
});

describe('the built-in pack manifest', () => {
  it('ships, says the version of the package and supports every type', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; files: string[] };
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'ai-flow-pack.json'), 'utf8')) as { name: string; version: string; aiFlow: string; types: string[] };
    expect(pkg.files).toContain('ai-flow-pack.json');
    expect(manifest).toMatchObject({ name: 'ai-flow', version: pkg.version, aiFlow: pkg.version, types: ['backend', 'frontend', 'mobile', 'desktop'] });
  });
});
