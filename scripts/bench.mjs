#!/usr/bin/env node
// `npm run bench`: the budgets of SPEC §9, as medians of several runs and ratios within this run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'bin', 'ai-flow.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
// Written trees go to a RAM-backed folder when there is one: disk write-back stalls otherwise
// dominate the spread between runs, for both sides of a ratio alike.
const scratch = process.env.BENCH_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const work = mkdtempSync(path.join(scratch, 'ai-flow-bench-'));
let seq = 0;
const fresh = () => path.join(work, `d${seq++}`);

/** Milliseconds for one run of `fn` (which spawns and waits). */
function time(fn) {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Medians of `a` and `b`, runs interleaved (a, b, a, b …) so machine drift hits both alike.
 *  Folders made by a run are removed after it, outside the timing. */
function pair(a, b, n = runs) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < n; i++) {
    ta.push(time(a));
    cleanup();
    tb.push(time(b));
    cleanup();
  }
  return [mid(ta), mid(tb)];
}
const keep = new Set();
function cleanup() {
  for (const name of readdirSync(work)) if (!keep.has(name)) rmSync(path.join(work, name), { recursive: true, force: true });
}
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}
const node = (...args) => run(process.execPath, args);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = [];
const report = (label, value, budget) => rows.push({ label, value, budget });

// 1. Startup: --version against a bare node.
const [version, bare] = pair(() => node(bin, '--version'), () => node('-e', ''));
report(`ai-flow --version ${fmt(version)} vs node -e "" ${fmt(bare)}`, version / bare, 1.5);

// 2. init --yes --type fullstack --ai all into an empty folder, against node + cp -r of the same tree.
const initArgs = ['init', '--yes', '--type', 'fullstack', '--ai', 'all'];
const sample = fresh();
keep.add(path.basename(sample));
node(bin, ...initArgs.slice(0, 1), sample, ...initArgs.slice(1));
const [init, copy] = pair(
  () => node(bin, 'init', fresh(), ...initArgs.slice(1)),
  () => {
    node('-e', '');
    run('cp', ['-r', sample, fresh()]);
  },
);
report(`init fullstack --ai all ${fmt(init)} vs node + cp -r ${fmt(copy)}`, init / copy, 3);

// 3. update on an up-to-date install, against init.
const [update, init2] = pair(() => node(bin, 'update', sample), () => node(bin, 'init', fresh(), ...initArgs.slice(1)));
report(`update (up to date) ${fmt(update)} vs init ${fmt(init2)}`, update / init2, 1);

// 4. Footprint of a global install of the packed tarball.
const packDir = fresh();
mkdirSync(packDir);
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
const prefix = fresh();
execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', path.join(packDir, packed.filename)], { stdio: 'ignore' });
const libDir = path.join(prefix, 'lib', 'node_modules');
const { packages, bytes } = footprint(libDir);

console.log(`ai-flow bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, node ${process.version}, ${runs} runs each (medians), trees written under ${scratch}`);
for (const r of rows) console.log(`${r.value <= r.budget ? 'met ' : 'MISS'}  ${r.value.toFixed(2)}× (budget ≤ ${r.budget}×)  ${r.label}`);
console.log(`info  global install: ${packages} packages, ${(bytes / 1024 / 1024).toFixed(2)} MB on disk; tarball ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB`);
rmSync(work, { recursive: true, force: true });

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
