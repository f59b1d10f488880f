#!/usr/bin/env node
// `npm run bench`: the budgets of SPEC §9 on every Node found, the machine's and the pinned
// official builds of scripts/node-versions.mjs. Each CLI run and its baseline use the same node
// binary, so every ratio is within one Node. Medians of BENCH_RUNS runs, interleaved (a, b, a, b …,
// and Node after Node within each round) so machine drift hits every figure alike.
//   BENCH_RUNS (15), BENCH_DIR (where trees are written), BENCH_KEEP_ENV=1 (see STRIPPED)
//   --json          one JSON document on stdout (progress goes to stderr)
//   --offline       use only the cached Node builds
//   --machine-only  only the machine's node
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFetchError, nodeVersions } from './node-versions.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin', 'ai-flow.cjs');
const flags = process.argv.slice(2);
const unknown = flags.filter((f) => !['--json', '--offline', '--machine-only'].includes(f));
if (unknown.length > 0) {
  console.error(`usage: node scripts/bench.mjs [--json] [--offline] [--machine-only]  (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}
const asJson = flags.includes('--json');
const runs = Number(process.env.BENCH_RUNS ?? 15);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: BENCH_RUNS must be a whole number ≥ 1, not ${process.env.BENCH_RUNS}`);
  process.exit(2);
}
/** SPEC §9: the CLI's time at most this many times its baseline's. */
const BUDGETS = { version: 1.25, init: 2.5, update: 0.8 };

let nodes;
try {
  nodes = flags.includes('--machine-only') ? await nodeVersions({ versions: [] }) : await nodeVersions({ offline: flags.includes('--offline') });
} catch (err) {
  console.error(`bench: ${err instanceof NodeFetchError ? err.message : err.stack}`);
  process.exit(1);
}
// A pinned version that is also the machine's is measured once.
nodes = nodes.filter((n, i) => nodes.findIndex((m) => m.version === n.version) === i);

// Written trees go to a RAM-backed folder when there is one: disk write-back stalls otherwise
// dominate the spread between runs, for both sides of a ratio alike.
const scratch = process.env.BENCH_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const work = mkdtempSync(path.join(scratch, 'ai-flow-bench-'));
let seq = 0;
const fresh = () => path.join(work, `d${seq++}`);
const keep = new Set();
/** Folders made by a run are removed after it, outside the timing. */
function cleanup() {
  for (const name of readdirSync(work)) if (!keep.has(name)) rmSync(path.join(work, name), { recursive: true, force: true });
}
// Measured runs get the environment a user's shell has, less variables that change what node does
// at every start: Node 20 reads the whole NODE_EXTRA_CA_CERTS bundle at startup (tens of ms, which
// would pad the baseline of every ratio), Node 22 and later only when TLS needs it.
// BENCH_KEEP_ENV=1 keeps them.
const STRIPPED = process.env.BENCH_KEEP_ENV === '1' ? [] : ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((k) => process.env[k] !== undefined);
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !STRIPPED.includes(k)));
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore', env: childEnv });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}
/** Milliseconds for one run of `fn` (which spawns and waits). */
function time(fn) {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const progress = (line) => process.stderr.write(`bench: ${line}\n`);

/**
 * For every Node, the medians of `a(node)` and `b(node)`: each round runs a then b on the first
 * Node, then on the next, so drift during the bench hits every Node and both sides alike.
 */
function pairs(label, a, b) {
  progress(`${label}, ${runs} rounds over ${nodes.length} Node(s)`);
  const ta = nodes.map(() => []);
  const tb = nodes.map(() => []);
  for (let i = 0; i < runs; i++) {
    nodes.forEach((n, k) => {
      ta[k].push(time(() => a(n)));
      cleanup();
      tb[k].push(time(() => b(n)));
      cleanup();
    });
  }
  return nodes.map((_, k) => [mid(ta[k]), mid(tb[k])]);
}

const initArgs = ['--yes', '--type', 'fullstack', '--ai', 'all'];
// One installed tree per Node, written by that Node: the tree `cp -r` copies and `update` refreshes.
const samples = nodes.map((n) => {
  const sample = fresh();
  keep.add(path.basename(sample));
  run(n.bin, [bin, 'init', sample, ...initArgs]);
  return sample;
});
const sampleOf = (n) => samples[nodes.indexOf(n)];

// 1. Startup: --version against a bare node.
const startup = pairs('--version vs node -e ""', (n) => run(n.bin, [bin, '--version']), (n) => run(n.bin, ['-e', '']));
// 2. init into an empty folder, against node + cp -r of the same tree.
const init = pairs('init vs node + cp -r', (n) => run(n.bin, [bin, 'init', fresh(), ...initArgs]), (n) => {
  run(n.bin, ['-e', '']);
  run('cp', ['-r', sampleOf(n), fresh()]);
});
// 3. update on an up-to-date install, against init.
const update = pairs('update vs init', (n) => run(n.bin, [bin, 'update', sampleOf(n)]), (n) => run(n.bin, [bin, 'init', fresh(), ...initArgs]));

const results = nodes.map((n, k) => {
  const ms = { bare: startup[k][1], version: startup[k][0], init: init[k][0], nodeCp: init[k][1], update: update[k][0], initAgain: update[k][1] };
  const ratios = { version: ms.version / ms.bare, init: ms.init / ms.nodeCp, update: ms.update / ms.initAgain };
  for (const o of [ms, ratios]) for (const key of Object.keys(o)) o[key] = Math.round(o[key] * 1000) / 1000;
  const met = Object.fromEntries(Object.entries(ratios).map(([key, r]) => [key, r <= BUDGETS[key]]));
  return { version: n.version, bin: n.bin, source: n.source, ms, ratios, met };
});

// 4. Footprint of a global install of the packed tarball (the same on every Node).
progress('footprint of a global install');
const packDir = fresh();
mkdirSync(packDir);
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
const prefix = fresh();
execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', path.join(packDir, packed.filename)], { stdio: 'ignore' });
const { packages, bytes } = footprint(path.join(prefix, 'lib', 'node_modules'));
rmSync(work, { recursive: true, force: true });

const context = { date: new Date().toISOString(), cores: os.cpus().length, loadavg: os.loadavg().map((l) => Number(l.toFixed(2))), runs, scratch, unsetForRuns: STRIPPED };
const install = { packages, bytes, tarballFiles: packed.entryCount, tarballBytes: packed.size };
if (asJson) console.log(JSON.stringify({ ...context, budgets: BUDGETS, nodes: results, install }, null, 2));
else printTable();

function printTable() {
  const ms = (v) => `${v.toFixed(1)}`;
  const ratio = (key) => (r) => `${r.ratios[key].toFixed(2)}× ${r.met[key] ? 'met' : '**MISS**'}`;
  const rows = [
    ['`node -e ""` (ms)', (r) => ms(r.ms.bare)],
    [`\`--version\` / node (≤ ${BUDGETS.version}×)`, ratio('version')],
    [`init / (node + \`cp -r\`) (≤ ${BUDGETS.init}×)`, ratio('init')],
    [`update / init (≤ ${BUDGETS.update}×)`, ratio('update')],
    ['`--version` (ms)', (r) => ms(r.ms.version)],
    ['init (ms)', (r) => ms(r.ms.init)],
    ['node + `cp -r` (ms)', (r) => ms(r.ms.nodeCp)],
    ['update (ms)', (r) => ms(r.ms.update)],
  ];
  console.log(`ai-flow bench — ${context.date.slice(0, 16).replace('T', ' ')} UTC, ${context.cores} cores, load ${context.loadavg.join(' ')}, ${runs} runs each (medians), trees under ${scratch}${STRIPPED.length ? `, runs without ${STRIPPED.join(', ')}` : ''}`);
  console.log('');
  console.log(`| | ${results.map((r) => `Node ${r.version}${r.source === 'machine' ? ' (machine)' : ''}`).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---:').join('|')}|`);
  for (const [label, cell] of rows) console.log(`| ${label} | ${results.map(cell).join(' | ')} |`);
  console.log('');
  const misses = results.flatMap((r) => Object.keys(BUDGETS).filter((k) => !r.met[k]).map((k) => `${k} on Node ${r.version}`));
  console.log(misses.length === 0 ? 'budgets: all met' : `budgets: MISSED ${misses.join(', ')}`);
  console.log(`info: global install: ${packages} packages, ${(bytes / 1024 / 1024).toFixed(2)} MiB on disk; tarball ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB`);
}

/** Packages (folders with a package.json under node_modules) and bytes below `dir`. */
function footprint(dir) {
  let packages = 0;
  let bytes = 0;
  const walk = (d, inModules) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) {
        const isPkg = inModules && !e.name.startsWith('@') && statSafe(path.join(p, 'package.json'));
        if (isPkg) packages++;
        walk(p, e.name === 'node_modules' || (inModules && e.name.startsWith('@')));
      } else bytes += statSync(p).size;
    }
  };
  walk(dir, true);
  return { packages, bytes };
}
function statSafe(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
