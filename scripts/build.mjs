#!/usr/bin/env node
// Build: type-check with tsc, then bundle src/ and the runtime dependencies into one CommonJS
// file, dist/cli.cjs, with esbuild: one package to install instead of ~60. bin/ai-flow.cjs
// compiles it with a code cache of its own (see there), which is why it is one script and not
// ES module chunks. Modules imported with import() stay lazy inside it: their code runs only
// when a command needs it. Licences of everything bundled go to dist/THIRD-PARTY-LICENSES.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Handlebars from 'handlebars';
import { build } from 'esbuild';
import wabtModule from 'wabt';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', repo, '--noEmit'], { stdio: 'inherit' });

/**
 * Every shipped `.hbs` precompiled with the renderer's options, keyed by the sha256 of its source,
 * as the source of a module: the template specs are plain code in the bundle, so Node's compile
 * cache keeps them compiled between runs (no `new Function` at run time).
 */
function precompiledModule() {
  const entries = Object.entries(precompiledTemplates()).map(([hash, spec]) => `${JSON.stringify(hash)}: ${spec}`);
  return `export default {\n${entries.join(',\n')}\n};\n`;
}

function precompiledTemplates() {
  const out = {};
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.hbs')) {
        const source = readFileSync(p, 'utf8');
        out[createHash('sha256').update(source, 'utf8').digest('hex')] = Handlebars.precompile(source, { strict: true, noEscape: true });
      }
    }
  };
  walk(path.join(repo, 'templates'));
  return out;
}

/**
 * A digest of everything that decides the texts ai-flow writes: its sources, the shipped pack,
 * the version and this build script. An installation records it; an `update` that finds the same
 * digest and the same answers knows every text is unchanged without rendering one.
 */
function buildDigest() {
  const hash = createHash('sha256');
  const add = (rel) => {
    const abs = path.join(repo, rel);
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) add(child);
      else if (e.isFile()) hash.update(`${child}\0`).update(readFileSync(path.join(repo, child))).update('\0');
    }
  };
  for (const dir of ['src', 'prompts', 'templates']) add(dir);
  for (const file of ['ai-flow-pack.json', 'package.json', 'scripts/build.mjs']) if (existsSync(path.join(repo, file))) hash.update(`${file}\0`).update(readFileSync(path.join(repo, file)));
  return hash.digest('hex');
}

/**
 * The pack image (dist/pack-image.bin, read by src/pack/image.ts): every file of prompts/ and
 * templates/ with what an install needs of it worked out once, here: its bytes, their sha256
 * and a gzip member of them. An install then reads only the files it installs, from one file,
 * hashes and compresses only the texts it renders, and writes each shipped text's merge base
 * as the member made here. Layout: a JSON line {format, digest, files: [[path, size, sha256,
 * gzipSize]…]}, then for each file in that order its bytes and its member.
 */
function packImage(digest) {
  const files = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(repo, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) files.push([child, readFileSync(path.join(repo, child))]);
    }
  };
  for (const dir of ['prompts', 'templates']) walk(dir);
  // The run reads each file as UTF-8 text: bytes that do not survive that would get a wrong hash.
  for (const [rel, data] of files) if (!Buffer.from(data.toString('utf8'), 'utf8').equals(data)) throw new Error(`${rel} is not valid UTF-8`);
  const members = files.map(([, data]) => gzipSync(data, { level: 9 }));
  const head = { format: 2, digest, files: files.map(([rel, data], i) => [rel, data.length, createHash('sha256').update(data).digest('hex'), members[i].length]) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), ...files.flatMap(([, data], i) => [data, members[i]])]);
}

/** src/core/sha256.wat assembled, as the source of a module exporting its bytes. */
async function sha256WasmModule() {
  const wabt = await wabtModule();
  const parsed = wabt.parseWat('sha256.wat', readFileSync(path.join(repo, 'src/core/sha256.wat'), 'utf8'));
  parsed.validate();
  return `export default Buffer.from(${JSON.stringify(Buffer.from(parsed.toBinary({}).buffer).toString('base64'))}, 'base64');\n`;
}

const dist = path.join(repo, 'dist');
const readable = process.env.AI_FLOW_BUILD_READABLE === '1';
const digest = buildDigest();
rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: repo,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { __AI_FLOW_BUILD_DIGEST__: JSON.stringify(digest), 'import.meta.url': '__aiFlowModuleUrl' },
  write: false,
  metafile: true,
  legalComments: 'none',
  // Less to parse at every start; names are kept so --verbose stack traces stay readable.
  // AI_FLOW_BUILD_READABLE=1 keeps the layout, for reading a CPU profile line by line.
  minifyWhitespace: !readable,
  minifySyntax: !readable,
  // handlebars only uses source-map for compiler source maps, which ai-flow never asks for; its
  // code catches the failed require and carries on. Not bundling it saves 42 KB to parse.
  plugins: [{
    // commander loads child_process for executable subcommands, which ai-flow never uses:
    // a stub saves loading it (and what it pulls in) at every start.
    name: 'no-child-process-for-commander',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'stub-cp' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'stub-cp' }, () => ({ contents: "module.exports = new Proxy({}, { get() { throw new Error('ai-flow: child_process is not bundled for commander'); } });", loader: 'js' }));
    },
  }, {
    // handlebars' main file hooks require.extensions, which a bundle cannot; its prebuilt CJS
    // builds do not. The compiler is required where src/core/handlebars.ts first needs it, so
    // its code is bundled but runs only then: a run of the built-in pack needs the runtime alone.
    name: 'handlebars-prebuilt',
    setup(b) {
      const cjs = path.join(repo, 'node_modules/handlebars/dist/cjs');
      b.onResolve({ filter: /^handlebars$/ }, () => ({ path: path.join(cjs, 'handlebars.js') }));
      b.onResolve({ filter: /^handlebars\/runtime$/ }, () => ({ path: path.join(cjs, 'handlebars.runtime.js') }));
      b.onLoad({ filter: /[\\/]src[\\/]core[\\/]handlebars-compiler\.ts$/ }, () => ({
        contents: "export function loadCompiler() { return require('handlebars'); }",
        loader: 'js',
      }));
    },
  }, {
    name: 'precompiled-templates',
    setup(b) {
      b.onResolve({ filter: /^ai-flow:precompiled$/ }, () => ({ path: 'precompiled', namespace: 'ai-flow' }));
      b.onLoad({ filter: /.*/, namespace: 'ai-flow' }, () => ({ contents: precompiledModule(), loader: 'js' }));
    },
  }, {
    name: 'sha256-wasm',
    setup(b) {
      b.onResolve({ filter: /^ai-flow:sha256-wasm$/ }, () => ({ path: 'sha256-wasm', namespace: 'ai-flow-wasm' }));
      b.onLoad({ filter: /.*/, namespace: 'ai-flow-wasm' }, async () => ({ contents: await sha256WasmModule(), loader: 'js' }));
    },
  }, {
    name: 'no-source-map',
    setup(b) {
      b.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: "throw new Error('source-map is not bundled');", loader: 'js' }));
    },
  }],
  logLevel: 'warning',
  // The sources' import.meta.url (they are ES modules), as the bundle's own URL; strict first, as in a module.
  banner: { js: "'use strict'; const __aiFlowModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The first line names the build: bin/ai-flow.cjs keys its code cache by it, so a cache is
// only ever used with the very text it was made from.
const bundle = result.outputFiles[0].contents;
// ASCII only (esbuild escapes strings; a regular expression must use \u escapes itself): bin reads
// the bundle as Latin-1, and V8 keeps it one byte per character. (A readable build keeps the
// comments, some of them not ASCII; read as Latin-1 they only look wrong.)
const wide = readable ? -1 : bundle.findIndex((byte) => byte > 0x7f);
if (wide >= 0) throw new Error(`dist/cli.cjs has a non-ASCII character near ${JSON.stringify(Buffer.from(bundle.subarray(Math.max(0, wide - 40), wide + 10)).toString('utf8'))}: write it as a \\u escape in the source`);
mkdirSync(dist, { recursive: true });
writeFileSync(path.join(dist, 'cli.cjs'), Buffer.concat([Buffer.from(`// ai-flow build ${createHash('sha256').update(bundle).digest('hex')}\n`), bundle]));

// Kept out of dist/ (it is not shipped): tests read its module graph to check what each command evaluates.
mkdirSync(path.join(repo, '.build'), { recursive: true });
writeFileSync(path.join(repo, '.build/meta.json'), JSON.stringify(result.metafile));
writeFileSync(path.join(dist, 'THIRD-PARTY-LICENSES.md'), licences(Object.keys(result.metafile.inputs)));
writeFileSync(path.join(dist, 'pack-image.bin'), packImage(digest));

function licences(inputs) {
  const roots = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) roots.add(m[1]);
  }
  const parts = ['# Third-party licences', '', 'dist/ bundles the following packages. Their licences follow.', ''];
  for (const root of [...roots].sort()) {
    const pkg = JSON.parse(readFileSync(path.join(repo, root, 'package.json'), 'utf8'));
    const file = readdirSync(path.join(repo, root)).find((f) => /^(licen[cs]e|copying)([-.]|$)/i.test(f));
    if (!file) throw new Error(`no licence file in ${root}; cannot bundle it`);
    parts.push(`## ${pkg.name}@${pkg.version} (${pkg.license})`, '', '```', readFileSync(path.join(repo, root, file), 'utf8').trim(), '```', '');
  }
  return parts.join('\n');
}

if (!existsSync(path.join(dist, 'cli.cjs'))) throw new Error('build produced no dist/cli.cjs');
