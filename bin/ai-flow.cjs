#!/usr/bin/env node
// The entry point, CommonJS because Node loads it faster than an ES module. `--version` is
// answered here, before anything else loads: it must cost little more than starting Node
// (SPEC §9). Everything else runs the bundled CLI, with Node's compile cache on where Node has
// one (22.1+), so later runs skip compiling the bundle.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  require('node:module').enableCompileCache?.();
  import('../dist/main.js').catch((err) => {
    process.stderr.write(`ai-flow: cannot start: ${err && err.message} — reinstall ai-flow\n`);
    process.exitCode = 1;
  });
}
