#!/usr/bin/env node
// The entry point. `--version` is answered here, before anything else loads: it must cost
// little more than starting Node (SPEC §9). Everything else runs the bundled CLI, with Node's
// compile cache on where Node has one (22.1+), so later runs skip compiling the bundle.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  await import('../dist/main.js');
}
