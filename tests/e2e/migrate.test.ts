import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, listFiles, read, runCli, tmpDir } from '../helpers.js';
import { BASES_PATH, parseBases, serializeBases } from '../../src/core/state.js';

/**
 * An installation as an earlier ai-flow left it: installed with today's tool id, then every
 * file under `to` moved to `from`, with the manifest, the merge bases and the saved tool id
 * rewritten to match (the old versions wrote the same texts at the old paths).
 */
async function oldInstall(tool: string, oldId: string, moves: [from: string, to: string][]): Promise<string> {
  const dir = tmpDir();
  const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', tool]);
  expect(r.code, r.stderr).toBe(0);
  const old = (p: string): string => moves.reduce((acc, [from, to]) => (acc.startsWith(to) ? from + acc.slice(to.length) : acc), p);
  for (const f of listFiles(dir)) {
    if (old(f) === f) continue;
    mkdirSync(path.dirname(path.join(dir, old(f))), { recursive: true });
    renameSync(path.join(dir, f), path.join(dir, old(f)));
  }
  const manifestPath = path.join(dir, '.ai-flow/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { path: string }[] };
  for (const f of manifest.files) f.path = old(f.path);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const basesPath = path.join(dir, BASES_PATH);
  const bases = parseBases(readFileSync(basesPath));
  writeFileSync(basesPath, serializeBases(new Map([...bases].map(([p, t]) => [old(p), t]))));
  const configPath = path.join(dir, '.ai-flow/ai-flow.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { tools: string[]; delivery?: string };
  config.tools = [oldId];
  delete config.delivery;
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return dir;
}

describe('update migrates tools that moved their files', () => {
  it('a Windsurf installation moves to .devin/; an edited workflow stays where it is, reported', async () => {
    const dir = await oldInstall('devin', 'windsurf', [['.windsurf/', '.devin/']]);
    expect(exists(dir, '.windsurf/workflows/flow-build.md')).toBe(true);
    expect(runCli(['doctor', dir]).stdout).toContain('.devin/workflows/flow-build.md is not installed — run `ai-flow update`');
    appendFileSync(path.join(dir, '.windsurf/workflows/flow-work.md'), 'my own step\n');

    const r = runCli(['update', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('delete   .windsurf/workflows/flow-build.md  moved to .devin/workflows/flow-build.md');
    expect(r.stdout).toContain('delete   .windsurf/rules/ai-flow.md  moved to .devin/rules/ai-flow.md');
    expect(r.stdout).toMatch(/keep {5}\.windsurf\/workflows\/flow-work\.md {2}edited by you: kept here .* now \.devin\/workflows\/flow-work\.md/);
    const files = listFiles(dir);
    expect(files.filter((f) => f.startsWith('.windsurf/'))).toEqual(['.windsurf/workflows/flow-work.md']);
    expect(read(dir, '.windsurf/workflows/flow-work.md')).toContain('my own step');
    expect(read(dir, '.devin/workflows/flow-build.md')).toContain('.ai-flow/prompts/backend/flow-build.md');
    expect(exists(dir, '.devin/workflows/flow-work.md')).toBe(true);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).tools).toEqual(['devin']);

    const again = runCli(['update', dir]);
    expect(again.stdout).toContain('is up to date');
    expect(runCli(['doctor', dir]).code).toBe(0);
  });

  it('an Antigravity installation under .agent/ moves to .agents/', async () => {
    const dir = await oldInstall('antigravity', 'antigravity', [['.agent/', '.agents/']]);
    expect(exists(dir, '.agent/workflows/flow-build.md')).toBe(true);
    const r = runCli(['update', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const actions = (JSON.parse(r.stdout) as { actions: { path: string; action: string; reason: string }[] }).actions;
    expect(actions).toContainEqual({ path: '.agent/rules/ai-flow.md', action: 'delete', reason: 'moved to .agents/rules/ai-flow.md' });
    expect(actions).toContainEqual({ path: '.agents/workflows/flow-build.md', action: 'create', reason: 'moved from .agent/workflows/flow-build.md' });
    expect(listFiles(dir).some((f) => f.startsWith('.agent/'))).toBe(false);
    expect(exists(dir, '.agents/rules/ai-flow.md')).toBe(true);
  });

  it('--ai Windsurf names Devin Desktop, in update too', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    expect(runCli(['update', dir, '--ai', 'claude,Windsurf']).code).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).tools).toEqual(['claude', 'devin']);
    expect(exists(dir, '.devin/workflows/flow-build.md')).toBe(true);
  });
});
