import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, REPO, tmpDir } from '../helpers.js';

interface Meta {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}

/**
 * The modules whose code a command runs: the entry's static imports, followed to the end. The
 * bundle is one script, but esbuild keeps every import() target lazy in it (an initialiser that
 * runs on the first import()), so a module outside this closure is never evaluated.
 */
function evaluated(meta: Meta, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (input: string): void => {
    if (seen.has(input)) return;
    seen.add(input);
    for (const i of meta.inputs[input]?.imports ?? []) if (!i.external && i.kind !== 'dynamic-import') visit(i.path);
  };
  entries.forEach(visit);
  return seen;
}

const HEAVY = ['node_modules/@inquirer/', 'node_modules/ora/', 'node_modules/handlebars/', 'src/tools/table.ts'];
const heavyIn = (modules: Set<string>): string[] => HEAVY.filter((h) => [...modules].some((m) => m.includes(h)));

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
  const meta = JSON.parse(readFileSync(path.join(REPO, '.build/meta.json'), 'utf8')) as Meta;

  it('--help, init --help and pack lint --help evaluate none of inquirer, ora, handlebars or the tool table', () => {
    // commander prints a command's help before its action imports anything.
    expect(heavyIn(evaluated(meta, ['src/main.ts']))).toEqual([]);
  });

  it('list evaluates the tool table and nothing else heavy; init evaluates handlebars (the checks can fail)', () => {
    expect(heavyIn(evaluated(meta, ['src/main.ts', 'src/commands/list.ts']))).toEqual(['src/tools/table.ts']);
    expect(heavyIn(evaluated(meta, ['src/main.ts', 'src/commands/init.ts']))).toContain('node_modules/handlebars/');
  });

  it('--version never reads the bundle', () => {
    const pkg = tmpDir();
    mkdirSync(path.join(pkg, 'bin'));
    copyFileSync(BIN, path.join(pkg, 'bin', 'ai-flow.cjs'));
    copyFileSync(path.join(REPO, 'package.json'), path.join(pkg, 'package.json'));
    for (const flag of ['--version', '-v']) {
      const r = spawnSync(NODE, [path.join(pkg, 'bin', 'ai-flow.cjs'), flag], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    }
    // Without dist/ anything else cannot start: the check above can fail.
    const help = spawnSync(NODE, [path.join(pkg, 'bin', 'ai-flow.cjs'), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(1);
    expect(help.stderr).toMatch(/cannot start: .*cli\.cjs.* — reinstall ai-flow/);
  });

  // The bundle require()s built-ins where the code uses them. node:crypto (≈8 ms to load) is
  // not among them: hashes come from the build or from sha256.wat.
  it('built-ins are loaded as the code uses them; no command loads node:crypto (the check can fail)', () => {
    const init = loadedBuiltins(['init', tmpDir(), '--yes', '--type', 'fullstack', '--ai', 'all']);
    expect(init).toContain('zlib');
    expect(init.filter((m) => m.includes('crypto'))).toEqual([]);
    for (const args of [['list'], ['--help']]) {
      const loaded = loadedBuiltins(args);
      expect(loaded, args.join(' ')).toContain('fs');
      expect(loaded, args.join(' ')).not.toContain('zlib');
      expect(loaded.filter((m) => m.includes('crypto')), args.join(' ')).toEqual([]);
    }
  });
});

describe('the code cache (bin/ai-flow.cjs)', () => {
  const run = (cache: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(NODE, [BIN, ...args], { env: { ...process.env, AI_FLOW_CACHE_DIR: cache, ...env }, encoding: 'utf8' });
  const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

  it('a command that succeeded leaves its cache; the next run uses it as it is', () => {
    const cache = path.join(tmpDir(), 'cache');
    const first = run(cache, ['list']);
    expect(first.status, first.stderr).toBe(0);
    const [name, ...more] = files(cache);
    expect(more).toEqual([]);
    expect(name).toMatch(new RegExp(`^code-[0-9a-f]{16}-v[0-9.]+-${process.platform}-${process.arch}-list\\.bin$`));
    if (process.platform !== 'win32') {
      expect(statSync(cache).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(cache, name)).mode & 0o777).toBe(0o600);
    }
    // A cache is written under a new name and renamed into place: the same inode means not rewritten.
    const before = statSync(path.join(cache, name)).ino;
    const again = run(cache, ['list']);
    expect(again.stdout).toBe(first.stdout);
    expect(statSync(path.join(cache, name)).ino).toBe(before);
  });

  it('a damaged cache is not used: the run is the same, and the cache is made again', () => {
    const cache = path.join(tmpDir(), 'cache');
    const clean = run(cache, ['list']);
    const [name] = files(cache);
    writeFileSync(path.join(cache, name), Buffer.alloc(4096, 7));
    const r = run(cache, ['list']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    expect(readFileSync(path.join(cache, name)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('a cache folder that is a link is not used; caches of other builds go once a month old', () => {
    if (process.platform === 'win32') return;
    const real = path.join(tmpDir(), 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = path.join(tmpDir(), 'link');
    symlinkSync(real, link);
    expect(run(link, ['list']).status).toBe(0);
    expect(files(real)).toEqual([]);
    const cache = path.join(tmpDir(), 'cache');
    const other = (age: number, name: string) => {
      mkdirSync(cache, { recursive: true, mode: 0o700 });
      writeFileSync(path.join(cache, name), 'x');
      const when = new Date(Date.now() - age * 24 * 3600 * 1000);
      utimesSync(path.join(cache, name), when, when);
    };
    other(40, 'code-0000000000000000-v1.0.0-linux-x64-list.bin');
    other(5, 'code-1111111111111111-v1.0.0-linux-x64-list.bin');
    other(40, 'notes.txt');
    expect(run(cache, ['list']).status).toBe(0);
    const left = files(cache);
    expect(left).not.toContain('code-0000000000000000-v1.0.0-linux-x64-list.bin');
    expect(left).toContain('code-1111111111111111-v1.0.0-linux-x64-list.bin');
    expect(left).toContain('notes.txt');
    expect(left.filter((n) => n.endsWith('-list.bin'))).toHaveLength(2);
  });

  it('a failed command, NODE_DISABLE_COMPILE_CACHE, or a folder others can write to: no cache', () => {
    const cache = path.join(tmpDir(), 'cache');
    expect(run(cache, ['init', tmpDir(), '--yes', '--type', 'nope']).status).toBe(2);
    expect(files(cache)).toEqual([]);
    expect(run(cache, ['list'], { NODE_DISABLE_COMPILE_CACHE: '1' }).status).toBe(0);
    expect(files(cache)).toEqual([]);
    if (process.platform === 'win32') return;
    chmodSync(cache, 0o777);
    expect(run(cache, ['list']).status).toBe(0);
    expect(files(cache)).toEqual([]);
    chmodSync(cache, 0o700);
    expect(run(cache, ['list']).status).toBe(0);
    expect(files(cache)).toHaveLength(1);
  });
});
