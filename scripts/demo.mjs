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
// A small npm-workspaces repository with an Express API and a React storefront, so detection
// has real parts to find.
const write = (rel, value) => {
  mkdirSync(path.dirname(path.join(demo, rel)), { recursive: true });
  writeFileSync(path.join(demo, rel), `${JSON.stringify(value, null, 2)}\n`);
};
write('package.json', { name: 'demo-shop', description: 'A demo shop: REST API and web storefront', private: true, workspaces: ['server', 'web'] });
write('server/package.json', { name: 'server', scripts: { build: 'tsc -b', test: 'vitest run', lint: 'eslint .' }, dependencies: { express: '^5.1.0' }, devDependencies: { typescript: '^5.9.0' } });
write('web/package.json', { name: 'web', scripts: { build: 'vite build', test: 'vitest run' }, dependencies: { react: '^19.2.0' }, devDependencies: { vite: '^7.0.0', typescript: '^5.9.0' } });

const run = spawnSync(process.execPath, [path.join(repo, 'bin/ai-flow.cjs'), 'init', demo, '--yes', '--ai', 'claude,copilot,cursor,gemini'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const config = JSON.parse(readFileSync(path.join(demo, '.ai-flow/ai-flow.json'), 'utf8'));
for (const part of config.parts) console.log(`${part === config.parts[0] ? '\nDetected:' : '         '} ${part.type} in ${part.dir}/ · ${part.stack.framework} · ${part.stack.language} · test: ${part.stack.testCommand || '—'}`);
console.log(`Wrote ./demo — start with ./demo/AGENTS.md. Try next:`);
console.log('  node bin/ai-flow.cjs doctor demo        # health of the installation');
console.log('  node bin/ai-flow.cjs update demo --check # is it up to date?');
