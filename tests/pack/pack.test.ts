import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('the shipped pack', () => {
  it('passes ai-flow doctor --pack for every type × every tool', () => {
    const r = runCli(['doctor', '--pack']);
    expect(r.stdout, r.stdout).toContain('Pack healthy');
    expect(r.code).toBe(0);
  });
});
