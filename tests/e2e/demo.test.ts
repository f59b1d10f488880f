import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE, REPO } from '../helpers.js';

describe('npm run demo (the README\'s first command, after the build)', () => {
  it('installs into ./demo and says what it found', () => {
    const r = spawnSync(NODE, [path.join(REPO, 'scripts/demo.mjs')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Detected: backend in server\/ · Express/);
    expect(r.stdout).toMatch(/frontend in web\/ · React \+ Vite/);
  });
});
