import { describe, expect, it } from 'vitest';
import { read, runCli, tmpDir } from '../helpers.js';

describe('documents in the team\'s language', () => {
  it('--language is saved, shown to the assistant, kept by update, and changing it re-renders only what mentions it', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'frontend', '--ai', 'claude,cursor', '--language', 'Português']).code).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).language).toBe('Português');
    expect(read(dir, 'AGENTS.md')).toContain('**Documents language:** Português');
    expect(read(dir, '.cursor/rules/ai-flow.mdc')).toContain('to the user in Português');
    expect(runCli(['update', dir, '--check']).code).toBe(0);
    const r = runCli(['update', dir, '--language', 'Deutsch', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const changed = (JSON.parse(r.stdout) as { actions: { path: string; action: string }[] }).actions.filter((a) => a.action !== 'skip').map((a) => a.path);
    expect(changed.sort()).toEqual(['.cursor/rules/ai-flow.mdc', 'AGENTS.md', 'CLAUDE.md']);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).language).toBe('Deutsch');
    expect(runCli(['update', dir, '--language', 'x\u0007']).code).toBe(2);
  });
});
