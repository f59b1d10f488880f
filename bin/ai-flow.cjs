#!/usr/bin/env node
// The entry point, CommonJS because Node loads it faster than an ES module. `--version` is
// answered here, before anything else loads: it must cost little more than starting Node
// (SPEC §9). Everything else runs the bundled CLI, dist/cli.cjs, through a code cache.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = require('node:fs');
  const { join } = require('node:path');
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  runBundle();
}

/**
 * Compiles and runs dist/cli.cjs with V8's code cache. Node's own compile cache is made as a
 * file is compiled, before it runs, so it holds only the top level: every function a command
 * calls would be compiled again at every run (about a quarter of an init's time). This cache
 * is made when a command has succeeded, from everything compiled by then, so the next run of
 * that command compiles almost nothing. One file per command, per build and per Node version
 * and platform, in a folder only this user can write (see cacheDir).
 */
function runBundle() {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const { createRequire, wrap } = require('node:module');
  const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
  let source;
  try {
    // The build keeps the bundle ASCII: read as Latin-1, it needs no UTF-8 decoding.
    source = fs.readFileSync(file, 'latin1');
  } catch (err) {
    process.stderr.write(`ai-flow: cannot start: ${err && err.message} — reinstall ai-flow\n`);
    process.exitCode = 1;
    return;
  }
  // The build writes `// ai-flow build <sha256 of the rest>` as the first line.
  const build = /^\/\/ ai-flow build ([0-9a-f]{16})[0-9a-f]{48}\n/.exec(source.slice(0, 100))?.[1];
  const dir = build ? cacheDir(fs, path) : null;
  const cacheFile = dir && path.join(dir, `code-${build}-${process.version}-${process.platform}-${process.arch}-${cacheKey(args)}.bin`);
  let cached;
  try {
    if (cacheFile) cached = fs.readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(wrap(source), { filename: file, cachedData: cached });
  if (cacheFile && (!cached || script.cachedDataRejected)) {
    process.once('exit', (code) => {
      if (code === 0) saveCache(fs, path, dir, cacheFile, script, build);
    });
  }
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
}

/** The command's own cache: `init --dry-run` runs fewer functions than `init`, so it keeps its own. */
function cacheKey(argv) {
  const command = argv.find((a) => !a.startsWith('-'));
  const known = ['init', 'update', 'doctor', 'pack', 'uninstall', 'list'].includes(command) ? command : 'other';
  return argv.includes('--dry-run') || argv.includes('--check') ? `${known}-dry` : known;
}

/**
 * $AI_FLOW_CACHE_DIR, else the user's cache folder. Null (no cache) when NODE_DISABLE_COMPILE_CACHE
 * is set, or when the folder is a link, or on POSIX is not this user's or others can write to
 * it: code read from there runs as this user.
 */
function cacheDir(fs, path) {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    const home = () => env.HOME || require('node:os').homedir();
    const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : null;
    const base =
      env.AI_FLOW_CACHE_DIR ||
      (process.platform === 'win32'
        ? path.join(env.LOCALAPPDATA || path.join(home(), 'AppData', 'Local'), 'ai-flow', 'Cache')
        : process.platform === 'darwin'
          ? path.join(home(), 'Library', 'Caches', 'ai-flow')
          : path.join(xdg || path.join(home(), '.cache'), 'ai-flow'));
    if (!path.isAbsolute(base)) return null;
    fs.mkdirSync(base, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(base);
    if (!st.isDirectory()) return null;
    if (process.platform !== 'win32' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return null;
    return base;
  } catch {
    return null;
  }
}

/**
 * Writes the cache (new name, then a rename: a run reading it never sees half a file). Caches of
 * other builds go once a month old: another installed version may still be using its own.
 */
function saveCache(fs, path, dir, cacheFile, script, build) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, cacheFile);
    for (const name of fs.readdirSync(dir)) {
      if (!/^code-[0-9a-f]{16}-.*\.bin$/.test(name) || name.startsWith(`code-${build}-`)) continue;
      const other = path.join(dir, name);
      if (Date.now() - fs.statSync(other).mtimeMs > 30 * 24 * 3600 * 1000) fs.rmSync(other, { force: true });
    }
  } catch {
    // A cache is an optimisation: a read-only or full disk only costs speed.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean
    }
  }
}
