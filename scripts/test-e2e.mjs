#!/usr/bin/env node
// `npm run test:e2e`: the Node matrix. The end-to-end suites (tests/e2e, tests/hostile), the pack test
// (tests/pack) and the packaging smoke test, once per pinned Node of scripts/node-versions.mjs:
// every CLI the tests spawn runs on that node ($AI_FLOW_TEST_NODE), vitest and npm on the
// machine's. Versions run one after another: the suite has timing checks that two runs at once
// on two cores would upset. Any failure fails the whole run, after every version has run.
//   --machine  also run on the machine's node (`npm test` already does, in CI)
//   --offline  use only the cached Node builds
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeFetchError, nodeVersions } from './node-versions.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unknown = args.filter((a) => !['--machine', '--offline'].includes(a));
if (unknown.length > 0) {
  console.error(`usage: node scripts/test-e2e.mjs [--machine] [--offline]  (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}

let nodes;
try {
  nodes = await nodeVersions({ offline: args.includes('--offline') });
} catch (err) {
  console.error(`test:e2e: ${err instanceof NodeFetchError ? err.message : err.stack}`);
  process.exit(1);
}
if (!args.includes('--machine')) nodes = nodes.filter((n) => n.source !== 'machine');

const steps = [
  ['vitest', [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/e2e', 'tests/hostile', 'tests/pack']],
  ['smoke', [path.join(repo, 'scripts/pack-smoke.mjs')]],
];
const results = [];
for (const n of nodes) {
  console.log(`\ntest:e2e: ── Node ${n.version} (${n.bin}) ──`);
  const env = { ...process.env, AI_FLOW_TEST_NODE: n.bin, AI_FLOW_TEST_NODE_VERSION: `v${n.version}` };
  const started = Date.now();
  const failed = steps.filter(([, argv]) => spawnSync(process.execPath, argv, { cwd: repo, env, stdio: 'inherit' }).status !== 0).map(([name]) => name);
  results.push({ version: n.version, failed, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('');
for (const r of results) console.log(`test:e2e: Node ${r.version}: ${r.failed.length === 0 ? 'passed' : `FAILED (${r.failed.join(', ')})`} in ${r.seconds} s`);
const bad = results.filter((r) => r.failed.length > 0).length;
console.log(`matrix: ${results.length - bad} passed, ${bad} failed`);
process.exitCode = bad > 0 || results.length === 0 ? 1 : 0;
