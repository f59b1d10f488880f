import { describe, expect, it } from 'vitest';
import { PACK_TYPES } from '../../src/types.js';
import { TOOLS } from '../../src/tools/registry.js';
import { runCli } from '../helpers.js';

describe('ai-flow list', () => {
  it('lists types, every phase of every type, and every tool with its files', () => {
    const r = runCli(['list', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { types: { id: string }[]; phases: Record<string, string[]>; tools: { id: string; commands: string; runs: string }[] };
    expect(doc.types.map((t) => t.id)).toEqual([...PACK_TYPES]);
    for (const t of PACK_TYPES) expect(doc.phases[t]).toHaveLength(11);
    expect(doc.phases.desktop[3]).toMatch(/^ 3 {2}Application architecture/);
    expect(doc.tools.map((t) => t.id)).toEqual(TOOLS.map((t) => t.id));
    expect(doc.tools.find((t) => t.id === 'gemini')?.commands).toBe('.gemini/commands/<command>.toml');
  });

  it('prints a readable table without --json', () => {
    const r = runCli(['list']);
    expect(r.stdout).toContain('Phases of /flow-build — mobile');
    expect(r.stdout).toContain('Store release & updates');
    expect(r.stdout).toContain('run as $flow-build');
  });
});

describe('--help', () => {
  it('shows every command, and each command shows every flag', () => {
    const top = runCli(['--help']).stdout;
    for (const cmd of ['init', 'update', 'doctor', 'list']) expect(top).toContain(cmd);
    expect(top).toContain('Exit codes');
    const flags: Record<string, string[]> = {
      init: ['--type', '--ai', '--name', '--description', '--scope', '--answers', '--force', '--yes', '--dry-run', '--json'],
      update: ['--ai', '--restore', '--check', '--dry-run', '--json'],
      doctor: ['--pack', '--json'],
      list: ['--json'],
    };
    for (const [cmd, expected] of Object.entries(flags)) {
      const help = runCli([cmd, '--help']);
      expect(help.code).toBe(0);
      for (const f of expected) expect(help.stdout, `${cmd} --help mentions ${f}`).toContain(f);
    }
  });

  it('prints the version', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
