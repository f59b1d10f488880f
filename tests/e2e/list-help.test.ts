import { describe, expect, it } from 'vitest';
import { PACK_TYPES } from '../../src/types.js';
import { TOOLS } from '../../src/tools/registry.js';
import { runCli } from '../helpers.js';

describe('ai-flow list', () => {
  it('lists types, every phase of every type, and every tool with its files and invocations', () => {
    const r = runCli(['list', '--json']);
    expect(r.code).toBe(0);
    type Tool = { id: string; aliases: string[]; delivery: string; files: string[]; commands: { name: string; invoke: string }[] };
    const doc = JSON.parse(r.stdout) as { types: { id: string }[]; phases: Record<string, string[]>; tools: Tool[] };
    expect(doc.types.map((t) => t.id)).toEqual([...PACK_TYPES]);
    for (const t of PACK_TYPES) expect(doc.phases[t]).toHaveLength(11);
    expect(doc.phases.desktop[3]).toMatch(/^ 3 {2}Application architecture/);
    expect(doc.tools.map((t) => t.id)).toEqual(TOOLS.map((t) => t.id));
    const gemini = doc.tools.find((t) => t.id === 'gemini')!;
    expect(gemini).toMatchObject({ delivery: 'commands', files: ['GEMINI.md', '.gemini/commands/<command>.toml'] });
    expect(gemini.commands).toContainEqual({ name: 'flow-build', invoke: '/flow-build' });
    expect(doc.tools.find((t) => t.id === 'devin')!.aliases).toContain('windsurf');
    expect(doc.tools.find((t) => t.id === 'codex')!.commands).toContainEqual({ name: 'flow-work', invoke: '$flow-work' });
  });

  it('--ai shows the tools as installed together, with the reason for each switch', () => {
    type Doc = { tools: { id: string; delivery: string; files: string[]; reason: string | null }[] };
    const pair = JSON.parse(runCli(['list', '--json', '--ai', 'gemini,codex']).stdout) as Doc;
    expect(pair.tools.map((t) => t.id)).toEqual(['gemini', 'codex']);
    expect(pair.tools[0]).toMatchObject({ delivery: 'commands', files: ['GEMINI.md', '.gemini/commands/<command>.toml'], reason: null });
    expect(pair.tools[1]).toMatchObject({ files: ['.codex/skills/<command>/SKILL.md'] });
    const doc = JSON.parse(runCli(['list', '--json', '--ai', 'gemini,codex,zed']).stdout) as Doc;
    expect(doc.tools[0]).toMatchObject({ delivery: 'skills', files: ['GEMINI.md', '.agents/skills/<command>/SKILL.md'] });
    expect(doc.tools[0].reason).toContain('would list each command twice');
    expect(runCli(['list', '--ai', 'emacs']).code).toBe(2);
  });

  it('prints a readable table without --json: one line per tool', () => {
    const r = runCli(['list']);
    expect(r.stdout).toContain('Phases of /flow-build — mobile');
    expect(r.stdout).toContain('Store release & updates');
    expect(r.stdout).toMatch(/^ {2}codex +OpenAI Codex +\$<command> +\.agents\/skills\/<command>\/SKILL\.md$/m);
    expect(r.stdout).toContain('windsurf, devin-desktop, cascade → devin');
    const toolLines = r.stdout.split('\n').filter((l) => TOOLS.some((t) => l.startsWith(`  ${t.id} `)));
    expect(toolLines).toHaveLength(TOOLS.length);
  });
});

describe('--help', () => {
  it('shows every command, and each command shows every flag', () => {
    const top = runCli(['--help']).stdout;
    for (const cmd of ['init', 'update', 'doctor', 'pack', 'list']) expect(top).toContain(cmd);
    expect(top).toContain('Exit codes');
    const flags: Record<string, string[]> = {
      init: ['--type', '--ai', '--delivery', '--name', '--description', '--scope', '--pack', '--answers', '--force', '--yes', '--dry-run', '--json'],
      update: ['--ai', '--delivery', '--restore', '--check', '--dry-run', '--json'],
      doctor: ['--pack', '--json'],
      list: ['--json', '--ai', '--delivery'],
    };
    flags['pack new'] = ['<dir>', '--json'];
    flags['pack lint'] = ['<source...>', '--json'];
    for (const [cmd, expected] of Object.entries(flags)) {
      const help = runCli([...cmd.split(' '), '--help']);
      expect(help.code).toBe(0);
      for (const f of expected) expect(help.stdout, `${cmd} --help mentions ${f}`).toContain(f);
    }
  });

  it('prints the version', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
