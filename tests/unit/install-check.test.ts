import { describe, expect, it } from 'vitest';
import { checkInstallation } from '../../src/doctor/install-check.js';
import type { Config, Manifest } from '../../src/core/state.js';
import { sha256 } from '../../src/core/hash.js';
import { wrapBlock } from '../../src/core/blocks.js';
import { EMPTY_STACK } from '../../src/types.js';

const config: Config = { schemaVersion: 2, packVersion: '1.0.0', name: 'n', description: '', parts: [{ type: 'backend', dir: '.', stack: EMPTY_STACK }], scope: 'mvp', tools: [], language: 'English' };
const manifest = (files: [string, string, ('file' | 'block')?][]): Manifest => ({
  schemaVersion: 1,
  packVersion: '1.0.0',
  files: files.map(([path, text, owner]) => ({ path, sha256: sha256(text), owner: owner ?? 'file' })),
});

describe('installation check', () => {
  it('is clean when every file is present and unedited', () => {
    const disk = new Map([['a.md', 'A'], ['AGENTS.md', `${wrapBlock('B')}\n`]]);
    const r = checkInstallation(config, manifest([['a.md', 'A'], ['AGENTS.md', 'B', 'block']]), '1.0.0', (p) => disk.get(p) ?? null);
    expect(r).toEqual({ findings: [], edited: [], deleted: [] });
  });

  it('reports a version behind the CLI, and an interrupted state', () => {
    const agents = new Map([['AGENTS.md', `${wrapBlock('B')}\n`]]);
    const r = checkInstallation(config, { ...manifest([['AGENTS.md', 'B', 'block']]), packVersion: '0.9.0' }, '1.1.0', (p) => agents.get(p) ?? null);
    expect(r.findings.map((f) => f.rule)).toEqual(['pack-version', 'state-version']);
    expect(r.findings[0].message).toMatch(/run `ai-flow update`/);
    const newer = checkInstallation({ ...config, packVersion: '2.0.0' }, { ...manifest([['AGENTS.md', 'B', 'block']]), packVersion: '2.0.0' }, '1.1.0', (p) => agents.get(p) ?? null);
    expect(newer.findings[0].message).toMatch(/upgrade ai-flow/);
  });

  it('fails when a file an installed prompt refers to is missing or unreadable, even if the user deleted it', () => {
    const phase = '.ai-flow/prompts/backend/flow-build-phase-1.md';
    const disk = new Map<string, string | { unreadable: string }>([['AGENTS.md', `${wrapBlock('B')}\n`], ['.claude/commands/flow-build.md', `Read \`${phase}\`.`]]);
    const m = manifest([['AGENTS.md', 'B', 'block'], ['.claude/commands/flow-build.md', `Read \`${phase}\`.`], [phase, 'P']]);
    const r = checkInstallation(config, m, '1.0.0', (p) => disk.get(p) ?? null);
    expect(r.findings).toEqual([expect.objectContaining({ file: phase, rule: 'file-missing', severity: 'error' })]);
    disk.set(phase, { unreadable: 'is a FIFO (named pipe), not a regular file' });
    const fifo = checkInstallation(config, m, '1.0.0', (p) => disk.get(p) ?? null);
    expect(fifo.findings.map((f) => `${f.rule}:${f.severity}`)).toContain('file-unreadable:error');
  });

  it('lists edited and deleted files; a block edited outside its markers is not edited', () => {
    const disk = new Map([['a.md', 'A changed'], ['AGENTS.md', `mine\n\n${wrapBlock('B')}\nmore of mine\n`]]);
    const r = checkInstallation(config, manifest([['a.md', 'A'], ['gone.md', 'G'], ['AGENTS.md', 'B', 'block']]), '1.0.0', (p) => disk.get(p) ?? null);
    expect(r.edited).toEqual(['a.md']);
    expect(r.deleted).toEqual(['gone.md']);
    expect(r.findings).toEqual([expect.objectContaining({ file: 'gone.md', rule: 'file-missing', severity: 'info' })]);
  });

  it('fails on conflict markers left in a managed file, with the line', () => {
    const disk = new Map([['a.md', 'x\n<<<<<<< your version\na\n=======\nb\n>>>>>>> ai-flow 2\n'], ['AGENTS.md', `${wrapBlock('B')}\n`]]);
    const r = checkInstallation(config, manifest([['a.md', 'x\n'], ['AGENTS.md', 'B', 'block']]), '1.0.0', (p) => disk.get(p) ?? null);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'conflict-markers', line: 2, severity: 'error' })]);
  });

  it('fails when a configured tool has no files', () => {
    const r = checkInstallation({ ...config, tools: ['opencode'] }, manifest([]), '1.0.0', () => null);
    expect(r.findings.map((f) => f.file)).toContain('.opencode/commands/flow-build.md');
  });
});
