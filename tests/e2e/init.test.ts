import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackType } from '../../src/types.js';
import { PACK_TYPES } from '../../src/types.js';
import { TOOLS } from '../../src/tools/registry.js';
import { installedCommands } from '../../src/pack/commands.js';
import { exists, listFiles, packFiles, read, runCli, tmpDir, write } from '../helpers.js';

describe('ai-flow init, per project type', () => {
  const combos: PackType[][] = [...PACK_TYPES.map((t) => [t]), ['backend', 'frontend'], ['backend', 'mobile'], ['backend', 'desktop'], ['frontend', 'mobile'], [...PACK_TYPES]];
  for (const types of combos) {
    const type = types.join(',');
    it(`installs exactly the ${type} pack, AGENTS.md and the chosen tool`, () => {
      const dir = tmpDir();
      const dirs = types.length > 1 ? ['--part-dir', types.map((t) => `${t}=apps/${t}`).join(',')] : [];
      const r = runCli(['init', dir, '--yes', '--type', type, ...dirs, '--ai', 'claude', '--name', 'Demo']);
      expect(r.code, r.stderr).toBe(0);
      const files = listFiles(dir);
      const homes = ['shared', ...types];
      // The installed prompts are the pack's files for those homes, read from the pack itself.
      for (const kind of ['prompts', 'templates']) {
        const expected = homes.flatMap((h) => packFiles(`${kind}/${h}`).map((f) => `.ai-flow/${kind}/${h}/${f}`)).sort();
        expect(files.filter((f) => f.startsWith(`.ai-flow/${kind}/`))).toEqual(expected);
      }
      for (const h of homes) {
        for (const f of packFiles(`prompts/${h}`)) expect(read(dir, `.ai-flow/prompts/${h}/${f}`)).toBe(read(path.resolve('prompts', h), f));
      }
      const commands = installedCommands(types).map((c) => `.claude/commands/${c.name}.md`).sort();
      expect(files.filter((f) => f.startsWith('.claude/'))).toEqual(commands);
      expect(read(dir, 'AGENTS.md')).toContain('# Demo — instructions for AI coding assistants');
      expect(read(dir, 'CLAUDE.md')).toContain('@AGENTS.md');
      const config = JSON.parse(read(dir, '.ai-flow/ai-flow.json'));
      expect(config).toMatchObject({ schemaVersion: 2, name: 'Demo', tools: ['claude'] });
      expect(config.parts.map((p: { type: string; dir: string }) => `${p.type}@${p.dir}`)).toEqual(types.map((t) => `${t}@${types.length > 1 ? `apps/${t}` : '.'}`));
      expect(runCli(['doctor', dir]).code).toBe(0);
      const manifest = JSON.parse(read(dir, '.ai-flow/manifest.json'));
      const managed = files.filter((f) => !['.ai-flow/ai-flow.json', '.ai-flow/manifest.json', '.ai-flow/bases.gz'].includes(f));
      expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(managed);
    });
  }

  it('--ai all installs every tool: its rules file and the files it runs each command from', () => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', '--type', 'fullstack', '--ai', 'all']);
    expect(r.code, r.stderr).toBe(0);
    const names = installedCommands(['backend', 'frontend']).map((c) => c.name);
    const listed = JSON.parse(runCli(['list', '--json', '--ai', 'all']).stdout) as { tools: { id: string; files: string[]; commands: { invoke: string }[] }[] };
    expect(listed.tools.map((t) => t.id)).toEqual(TOOLS.map((t) => t.id));
    for (const tool of listed.tools) {
      for (const pattern of tool.files) for (const name of names) expect(exists(dir, pattern.replace('<command>', name)), `${tool.id}: ${pattern}`).toBe(true);
    }
    expect(read(dir, '.agents/skills/backend-flow-build/SKILL.md')).toContain('name: backend-flow-build');
    expect(read(dir, '.claude/skills/backend-flow-build/SKILL.md')).toBe(read(dir, '.agents/skills/backend-flow-build/SKILL.md'));
    expect(exists(dir, '.gemini/commands/backend-flow-build.toml')).toBe(false);
    expect(read(dir, 'AGENTS.md')).toContain('| OpenAI Codex | `$<command>` | `$backend-flow-build` |');
    expect(read(dir, 'AGENTS.md')).toContain('docs/backend/api.md');
    expect(r.stdout).toMatch(/Next: .*run \/backend-flow-build and \/frontend-flow-build \(.*OpenAI Codex: \$backend-flow-build and \$frontend-flow-build/);
  });

  it('each tool alone writes its own native files; --ai takes aliases in any case', () => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'Windsurf,GEMINI']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json'))).toMatchObject({ tools: ['gemini', 'devin'], delivery: 'auto' });
    expect(read(dir, '.gemini/commands/flow-build.toml')).toContain('{{args}}');
    expect(read(dir, '.devin/workflows/flow-build.md')).toContain('.ai-flow/prompts/backend/flow-build.md');
    expect(read(dir, '.devin/rules/ai-flow.md')).toContain('trigger: always_on');
    expect(listFiles(dir).some((f) => f.startsWith('.windsurf/'))).toBe(false);
  });

  it('--delivery skills is saved and puts every command in skill folders', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,copilot', '--delivery', 'skills']).code).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).delivery).toBe('skills');
    expect(listFiles(dir).filter((f) => /^\.(claude|github)\/(commands|prompts)\//.test(f))).toEqual([]);
    expect(exists(dir, '.claude/skills/flow-work/SKILL.md')).toBe(true);
    expect(exists(dir, '.agents/skills/flow-work/SKILL.md')).toBe(true);
  });

  it('writes hostile answers exactly as typed', () => {
    const dir = tmpDir();
    const name = 'R&D <Tools> "Q" {{y}}';
    const description = 'Uses `ticks` & <b>tags</b> 🚀 and {{z}} ${HOME} \\n "quoted"';
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,cursor,gemini', '--name', name, '--description', description]);
    expect(r.code, r.stderr).toBe(0);
    const agents = read(dir, 'AGENTS.md');
    expect(agents).toContain(`# ${name} — instructions`);
    expect(agents).toContain(description);
    expect(read(dir, '.cursor/rules/ai-flow.mdc')).toContain(JSON.stringify(`${name} project rules from ai-flow; read AGENTS.md first`));
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).description).toBe(description);
  });

  it('reads answers from a file, flags winning over it', () => {
    const dir = tmpDir();
    const answers = path.join(tmpDir(), 'a.json');
    writeFileSync(answers, JSON.stringify({ name: 'From file', type: 'mobile', tools: ['codex'], scope: 'mvp' }));
    expect(runCli(['init', dir, '--answers', answers, '--scope', 'enterprise']).code).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json'))).toMatchObject({ name: 'From file', parts: [{ type: 'mobile', dir: '.' }], tools: ['codex'], scope: 'enterprise' });
    expect(exists(dir, '.agents/skills/flow-build/SKILL.md')).toBe(true);
  });

  it('without a terminal and without flags, detects and never waits', () => {
    const dir = tmpDir();
    write(dir, 'package.json', JSON.stringify({ name: 'shop-web', dependencies: { next: '15' }, scripts: { test: 'vitest' } }));
    mkdirSync(path.join(dir, '.cursor'));
    const r = runCli(['init', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json'))).toMatchObject({ name: 'shop-web', parts: [{ type: 'frontend', dir: '.', stack: { framework: 'Next.js', testCommand: 'npm test' } }], tools: ['cursor'] });
    expect(read(dir, 'AGENTS.md')).toContain('| Frontend | repository root | Next.js, JavaScript (npm) | — | `npm test` | — |');
  });

  it('--dry-run prints every path and writes nothing; --json is one document', () => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', '--type', 'desktop', '--ai', 'cline', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('create   .clinerules/ai-flow.md');
    expect(r.stdout).toContain('create   .ai-flow/prompts/shared/flow-work.md');
    expect(listFiles(dir)).toEqual([]);
    const j = runCli(['init', dir, '--yes', '--type', 'desktop', '--ai', 'cline', '--dry-run', '--json']);
    const doc = JSON.parse(j.stdout);
    expect(doc).toMatchObject({ command: 'init', dryRun: true, exitCode: 0 });
    expect(doc.actions.some((a: { path: string; action: string }) => a.path === 'AGENTS.md' && a.action === 'create')).toBe(true);
    expect(listFiles(dir)).toEqual([]);
  });

  it('keeps every byte of existing root files and adds its block', () => {
    const dir = tmpDir();
    const mine = '# Team rules\n\nUse tabs. <!-- a comment --> & more\n';
    write(dir, 'AGENTS.md', mine);
    write(dir, 'CLAUDE.md', mine);
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    for (const f of ['AGENTS.md', 'CLAUDE.md']) {
      const text = read(dir, f);
      expect(text.startsWith(mine)).toBe(true);
      expect(text).toContain('<!-- ai-flow:begin -->');
    }
  });

  it('never overwrites a file it did not write: reports it and exits 1', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, '.claude/commands'), { recursive: true });
    write(dir, '.claude/commands/flow-work.md', 'my own command\n');
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('refuse   .claude/commands/flow-work.md');
    expect(read(dir, '.claude/commands/flow-work.md')).toBe('my own command\n');
    expect(exists(dir, '.claude/commands/flow-build.md')).toBe(true);
  });

  it('re-running init refuses without --force, and --force keeps the user edits', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    const prompt = '.ai-flow/prompts/shared/flow-commit.md';
    const edited = `${read(dir, prompt)}\nOur team signs every commit.\n`;
    write(dir, prompt, edited);
    const again = runCli(['init', dir, '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^ai-flow: ai-flow is already installed in .* — run `ai-flow update`/);
    const forced = runCli(['init', dir, '--yes', '--force', '--ai', 'claude,copilot']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(read(dir, prompt)).toBe(edited);
    expect(exists(dir, '.agents/skills/flow-build/SKILL.md')).toBe(true);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).parts[0].type).toBe('backend');
  });

  it('refuses to write through a symlink that leaves the target, naming it, and writes nothing', () => {
    const dir = tmpDir();
    const outside = tmpDir();
    symlinkSync(outside, path.join(dir, '.claude'));
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ai-flow: \.claude is a symbolic link, where ai-flow needs a folder; nothing was written — /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(listFiles(outside)).toEqual([]);
    expect(exists(dir, '.ai-flow')).toBe(false);
  });

  it('does not follow a symlink even when it stays inside the target', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'shared-claude'));
    symlinkSync(path.join(dir, 'shared-claude'), path.join(dir, '.claude'));
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(3);
    expect(listFiles(path.join(dir, 'shared-claude'))).toEqual([]);
  });
});

describe('ai-flow init, bad input', () => {
  it.each([
    [['--type', 'web'], /--type: unknown project type "web" \(allowed: backend, frontend, mobile, desktop, fullstack; several separated by commas\)/],
    [['--ai', 'claude,emacs'], /--ai: unknown AI tool "emacs" \(allowed: claude, cursor, copilot, gemini, devin, codex, .*, their aliases \(`ai-flow list`\), or all\)/],
    [['--delivery', 'both'], /--delivery: unknown delivery "both" \(allowed: auto, commands, skills\)/],
    [['--scope', 'big'], /--scope: unknown scope "big" \(allowed: mvp, production, enterprise\)/],
    [['--answers', '/nonexistent/a.json'], /--answers .*: file not found/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('%j exits 2 with one line and writes nothing', (args, message) => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith('ai-flow: ')).toBe(true);
    expect(listFiles(dir)).toEqual([]);
  });

  it('with --json, an error is also one JSON document on stdout', () => {
    const r = runCli(['init', tmpDir(), '--json', '--scope', 'huge']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: { message: expect.stringContaining('--scope: unknown scope "huge"'), hint: expect.any(String) }, exitCode: 2 });
  });

  it('a target that is a file is refused with exit 2', () => {
    const dir = tmpDir();
    write(dir, 'f', 'x');
    const r = runCli(['init', path.join(dir, 'f'), '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a file, not a folder/);
  });

  it('a corrupt or newer-schema ai-flow.json is exit 4 and left untouched', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, '.ai-flow'));
    write(dir, '.ai-flow/ai-flow.json', '{ broken');
    const r = runCli(['init', dir, '--yes', '--force']);
    expect(r.code).toBe(4);
    expect(read(dir, '.ai-flow/ai-flow.json')).toBe('{ broken');
    const newer = JSON.stringify({ schemaVersion: 99 });
    write(dir, '.ai-flow/ai-flow.json', newer);
    expect(runCli(['init', dir, '--yes', '--force']).stderr).toMatch(/newer ai-flow \(schema 99/);
    expect(read(dir, '.ai-flow/ai-flow.json')).toBe(newer);
  });

  it('prints no stack trace unless --verbose', () => {
    const dir = tmpDir();
    write(dir, 'f', 'x');
    expect(runCli(['init', path.join(dir, 'f')]).stderr).not.toMatch(/\n\s+at /);
    expect(runCli(['--verbose', 'init', path.join(dir, 'f')]).stderr).toMatch(/\n\s+at /);
  });
});

describe('ai-flow init, tool deliveries', () => {
  it('says why a tool runs the commands as skills when another selected tool forces it', () => {
    const r = runCli(['init', tmpDir(), '--yes', '--type', 'backend', '--ai', 'gemini,zed']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Note: Gemini CLI runs them as skills: .*\.agents\/skills.*; with `gemini -p`, add `--allowed-tools activate_skill`\.$/m);
    const alone = tmpDir();
    expect(runCli(['init', alone, '--yes', '--type', 'backend', '--ai', 'gemini']).stdout).not.toMatch(/^Note:/m);
    expect(read(alone, 'AGENTS.md')).toContain('| Gemini CLI | `/<command>` | `/flow-build` |');
  });

  it('says, in AGENTS.md and in the last lines, what headless Gemini needs to run skills', () => {
    const dir = tmpDir();
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'gemini', '--delivery', 'skills']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Note: Gemini CLI runs them as skills; with `gemini -p`, add `--allowed-tools activate_skill`\.$/m);
    expect(read(dir, 'AGENTS.md')).toContain('| Gemini CLI | `/<command>` (with `gemini -p`, add `--allowed-tools activate_skill`) | `/flow-build` |');
  });
});
