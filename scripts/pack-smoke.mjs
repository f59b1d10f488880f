#!/usr/bin/env node
// Packaging smoke test (SPEC §9): pack the tarball, install it globally into a temporary
// prefix, and run the installed `ai-flow init --yes` in a temporary git repo per project type.
// With $AI_FLOW_TEST_NODE (the Node matrix), the installed CLI runs on that node: its folder
// comes first on the PATH its `#!/usr/bin/env node` line searches; npm keeps the machine's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'ai-flow-smoke-'));
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const testNode = process.env.AI_FLOW_TEST_NODE;
const cliEnv = testNode ? { ...process.env, PATH: `${path.dirname(testNode)}${path.delimiter}${process.env.PATH}` } : process.env;
/** Runs the installed CLI (or `node`) as a user's shell would, on the node under test. */
const cli = (cmd, args) => sh(cmd, args, { env: cliEnv });
const fail = (msg) => {
  console.error(`smoke: FAIL — ${msg}`);
  process.exit(1);
};

try {
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo }))[0];
  const tarball = path.join(work, packed.filename);
  const tops = [...new Set(packed.files.map((f) => f.path.split('/')[0]))].sort();
  // The pack's prompts and templates ship inside dist/pack-image.bin (scripts/build.mjs).
  const allowed = ['LICENSE', 'README.md', 'ai-flow-pack.json', 'bin', 'dist', 'package.json'];
  const extra = tops.filter((t) => !allowed.includes(t));
  if (extra.length > 0) fail(`tarball ships unexpected entries: ${extra.join(', ')}`);
  for (const must of allowed) if (!tops.includes(must)) fail(`tarball is missing ${must}`);
  console.log(`smoke: tarball ${packed.filename}: ${packed.entryCount} files, ${(statSync(tarball).size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked`);

  const prefix = path.join(work, 'prefix');
  sh('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball]);
  const bin = path.join(prefix, 'bin', 'ai-flow');
  if (!existsSync(bin)) fail(`installed bin not found at ${bin}`);
  const nodeVersion = cli('node', ['--version']).trim();
  if (testNode && nodeVersion !== sh(testNode, ['--version']).trim()) fail(`the CLI would run on node ${nodeVersion}, not on ${testNode}`);
  console.log(`smoke: the installed CLI runs on node ${nodeVersion}`);
  const version = cli(bin, ['--version']).trim();
  if (version !== JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version) fail(`--version printed ${version}`);

  // Each single type, the fullstack alias, and a project of all four parts in their folders.
  const projects = [
    ...['backend', 'frontend', 'mobile', 'desktop'].map((t) => ({ label: t, args: ['--type', t], types: [t] })),
    { label: 'fullstack', args: ['--type', 'fullstack', '--part-dir', 'backend=server,frontend=web'], types: ['backend', 'frontend'] },
    { label: 'four parts', args: ['--type', 'backend,frontend,mobile,desktop', '--part-dir', 'backend=api,frontend=web,mobile=app,desktop=desk'], types: ['backend', 'frontend', 'mobile', 'desktop'] },
  ];
  for (const p of projects) {
    const dir = path.join(work, `repo-${p.label.replace(/ /g, '-')}`);
    sh('git', ['init', '-q', dir]);
    writeFileSync(path.join(dir, 'README.md'), `# ${p.label} smoke\n`);
    cli(bin, ['init', dir, '--yes', ...p.args, '--ai', 'all']);
    const config = JSON.parse(readFileSync(path.join(dir, '.ai-flow/ai-flow.json'), 'utf8'));
    const types = (config.parts ?? []).map((part) => part.type).join(',');
    if (types !== p.types.join(',')) fail(`${p.label}: ai-flow.json has parts ${types}`);
    const builds = p.types.length > 1 ? p.types.map((t) => `${t}-flow-build`) : ['flow-build'];
    for (const f of ['AGENTS.md', 'CLAUDE.md', '.ai-flow/prompts/shared/flow-work.md']) {
      if (!existsSync(path.join(dir, f))) fail(`${p.label}: ${f} was not written`);
    }
    // Claude Code gets each build command as a command or, beside tools that share skills, a skill.
    for (const b of builds) {
      if (![`.claude/commands/${b}.md`, `.claude/skills/${b}/SKILL.md`].some((f) => existsSync(path.join(dir, f)))) fail(`${p.label}: no Claude Code command or skill for ${b}`);
    }
    cli(bin, ['doctor', dir]);
    cli(bin, ['update', dir, '--check']);
    cli(bin, ['uninstall', dir]);
    if (sh('git', ['-C', dir, 'status', '--porcelain']).trim() !== '?? README.md') fail(`${p.label}: uninstall left files behind`);
    console.log(`smoke: ${p.label}: init, doctor, update --check and uninstall passed`);
  }
  console.log('smoke: 1 passed, 0 failed');
} catch (err) {
  fail(`${err.message.split('\n')[0]}\n${err.stderr ?? ''}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
