#!/usr/bin/env node
// `npm run demo`: installs ai-flow into ./demo as a new user would, then shows what it wrote.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(repo, 'demo');
rmSync(demo, { recursive: true, force: true });
mkdirSync(demo);
// A small Express + React repository, so detection has something real to find.
writeFileSync(path.join(demo, 'package.json'), JSON.stringify({
  name: 'demo-shop',
  description: 'A demo shop: REST API and web storefront',
  scripts: { build: 'tsc -b', test: 'vitest run', lint: 'eslint .' },
  dependencies: { express: '^5.1.0', react: '^19.2.0' },
  devDependencies: { typescript: '^5.9.0' },
}, null, 2));

const run = spawnSync(process.execPath, [path.join(repo, 'bin/ai-flow.cjs'), 'init', demo, '--yes', '--ai', 'claude,copilot,cursor,gemini'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const config = JSON.parse(readFileSync(path.join(demo, '.ai-flow/ai-flow.json'), 'utf8'));
console.log(`\nDetected: ${config.type} · ${config.stack.language} · ${config.stack.framework} · ${config.stack.packageManager}`);
console.log(`Wrote ./demo — start with ./demo/AGENTS.md. Try next:`);
console.log('  node bin/ai-flow.cjs doctor demo        # health of the installation');
console.log('  node bin/ai-flow.cjs update demo --check # is it up to date?');
