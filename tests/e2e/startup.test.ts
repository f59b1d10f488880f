import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, REPO, tmpDir } from '../helpers.js';

/** Which bundled dist files contain code of a heavy dependency (from the build's metafile). */
function heavyOutputs(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(path.join(REPO, '.build/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const heavy = new Map<string, string[]>();
  for (const [out, { inputs }] of Object.entries(meta.outputs)) {
    const deps = ['@inquirer/', '/ora/', '/handlebars/'].filter((d) => Object.keys(inputs).some((i) => i.includes(`node_modules${d.startsWith('/') ? d : `/${d}`}`)));
    if (deps.length > 0) heavy.set(path.join(REPO, out), deps);
  }
  return heavy;
}

function loadedFiles(args: string[]): string[] {
  const log = path.join(tmpDir(), 'loads.txt');
  const r = spawnSync(NODE, ['--import', path.join(REPO, 'tests/fixtures/log-loads.mjs'), BIN, ...args], {
    env: { ...process.env, AI_FLOW_LOAD_LOG: log },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n').filter((u) => u.startsWith('file:')).map((u) => decodeURIComponent(new URL(u).pathname));
}

function loadedBuiltins(args: string[]): string[] {
  const log = path.join(tmpDir(), 'builtins.txt');
  const r = spawnSync(NODE, ['--require', path.join(REPO, 'tests/fixtures/log-builtins.cjs'), BIN, ...args], {
    env: { ...process.env, AI_FLOW_BUILTINS_LOG: log },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}

describe('startup stays light', () => {
  const heavy = heavyOutputs();

  it('the build really splits inquirer, ora and handlebars into their own chunks', () => {
    const all = [...heavy.values()].flat();
    expect(all).toEqual(expect.arrayContaining(['@inquirer/', '/ora/', '/handlebars/']));
    expect(heavy.has(path.join(REPO, 'dist/main.js'))).toBe(false);
  });

  it.each([[['--help']], [['list']], [['init', '--help']], [['pack', 'lint', '--help']]])('%j loads none of them', (args) => {
    const loaded = loadedFiles(args);
    expect(loaded).toContain(path.join(REPO, 'dist/main.js'));
    expect(loaded.filter((f) => heavy.has(f))).toEqual([]);
  });

  it('--version loads nothing but the entry point', () => {
    expect(loadedFiles(['--version'])).toEqual([BIN]);
    expect(loadedFiles(['-v'])).toEqual([BIN]);
  });

  it('--help does not load the AI tool table; list does (the check can fail)', () => {
    const meta = JSON.parse(readFileSync(path.join(REPO, '.build/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const table = Object.entries(meta.outputs).find(([, o]) => 'src/tools/table.ts' in o.inputs)?.[0];
    expect(table).toBeDefined();
    const chunk = path.join(REPO, table!);
    for (const args of [['--help'], ['init', '--help']]) expect(loadedFiles(args), args.join(' ')).not.toContain(chunk);
    expect(loadedFiles(['list'])).toContain(chunk);
  });

  it('init does load them (the check can fail)', () => {
    const loaded = loadedFiles(['init', tmpDir(), '--yes', '--dry-run']);
    expect(loaded.some((f) => heavy.get(f)?.includes('/handlebars/'))).toBe(true);
  });

  // An ESM import of a built-in makes Node read every export of it (scripts/build.mjs): the
  // crypto facade loads WebCrypto, the process facade opens stdin, stdout and stderr.
  it('built-ins are loaded as the code uses them, not through their ESM facade (the check can fail)', () => {
    const init = loadedBuiltins(['init', tmpDir(), '--yes', '--type', 'fullstack', '--ai', 'all']);
    expect(init).toContain('internal/crypto/hash');
    expect(init).not.toContain('internal/crypto/webcrypto');
    for (const args of [['list'], ['--help']]) {
      const loaded = loadedBuiltins(args);
      expect(loaded, args.join(' ')).toContain('fs');
      expect(loaded, args.join(' ')).not.toContain('zlib');
      expect(loaded, args.join(' ')).not.toContain('internal/crypto/webcrypto');
    }
  });
});
