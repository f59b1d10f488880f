import { appendFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPack, read, runCli, tmpDir, write } from '../helpers.js';

function install(): string {
  const dir = tmpDir();
  expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,copilot']).code).toBe(0);
  return dir;
}

describe('ai-flow doctor [dir]', () => {
  it('reports a fresh installation healthy', () => {
    const r = runCli(['doctor', install()]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Installation healthy');
  });

  it('lists edited and deleted files; deleted alone does not fail', () => {
    const dir = install();
    appendFileSync(path.join(dir, '.ai-flow/prompts/shared/flow-commit.md'), 'mine\n');
    unlinkSync(path.join(dir, '.claude/commands/flow-check.md'));
    const r = runCli(['doctor', dir, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.edited).toEqual(['.ai-flow/prompts/shared/flow-commit.md']);
    expect(doc.findings).toEqual([expect.objectContaining({ file: '.claude/commands/flow-check.md', rule: 'file-missing', severity: 'info' })]);
    expect(r.code).toBe(0);
  });

  it('fails on unpaired block markers, conflict markers and missing tool files', () => {
    const dir = install();
    write(dir, 'CLAUDE.md', read(dir, 'CLAUDE.md').replace('<!-- ai-flow:end -->', ''));
    write(dir, '.ai-flow/prompts/shared/flow-work.md', '<<<<<<< your version\na\n=======\nb\n>>>>>>> ai-flow 2\n');
    const config = JSON.parse(read(dir, '.ai-flow/ai-flow.json'));
    write(dir, '.ai-flow/ai-flow.json', JSON.stringify({ ...config, tools: ['claude', 'copilot', 'gemini'] }));
    const r = runCli(['doctor', dir, '--json']);
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).findings.map((f: { rule: string; file: string }) => `${f.rule}:${f.file}`);
    expect(rules).toEqual(expect.arrayContaining(['block-markers:CLAUDE.md', 'conflict-markers:.ai-flow/prompts/shared/flow-work.md', 'not-installed:GEMINI.md']));
  });

  it('exit 4 on corrupt state, 2 when not installed', () => {
    const dir = install();
    write(dir, '.ai-flow/manifest.json', '{');
    expect(runCli(['doctor', dir]).code).toBe(4);
    rmSync(path.join(dir, '.ai-flow/manifest.json'));
    expect(runCli(['doctor', dir]).code).toBe(4);
    expect(runCli(['doctor', tmpDir()]).code).toBe(2);
  });
});

describe('ai-flow doctor --pack on seeded defects', () => {
  /** Lints a copy of the pack after `damage`; returns findings as "rule file". */
  function lintAfter(damage: (pack: string) => void): { code: number; findings: { rule: string; file: string; line: number; message: string }[] } {
    const pack = copyPack('0.0.1');
    damage(pack);
    const r = runCli(['doctor', '--pack', '--json'], { env: { AI_FLOW_PACK_DIR: pack } });
    return { code: r.code, findings: JSON.parse(r.stdout).findings };
  }
  const edit = (pack: string, rel: string, fn: (t: string) => string) => {
    const p = path.join(pack, rel);
    writeFileSync(p, fn(read(pack, rel)));
  };

  it('catches a broken .ai-flow reference with file and line', () => {
    const { code, findings } = lintAfter((p) => edit(p, 'prompts/shared/flow-commit.md', (t) => `${t}\nSee \`.ai-flow/prompts/shared/nowhere.md\`.\n`));
    expect(code).toBe(1);
    const f = findings.find((x) => x.rule === 'path-exists' && x.file === 'prompts/shared/flow-commit.md');
    expect(f?.message).toContain('.ai-flow/prompts/shared/nowhere.md');
    expect(f?.line).toBeGreaterThan(1);
  });

  it('catches a shared prompt that names a type-only file', () => {
    const { findings } = lintAfter((p) => edit(p, 'prompts/shared/flow-work.md', (t) => `${t}\nRead \`.ai-flow/prompts/backend/flow-build.md\`.\n`));
    expect(findings.some((f) => f.rule === 'path-exists' && f.message.includes('a frontend install does not have'))).toBe(true);
  });

  it('catches a missing phase', () => {
    const { findings } = lintAfter((p) => rmSync(path.join(p, 'prompts/mobile/flow-build-phase-4.md')));
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'phase-chain', file: 'prompts/mobile/flow-build-phase-4.md' })]));
  });

  it('catches a template with an unknown variable, naming its full path and what exists at that level', () => {
    const { findings } = lintAfter((p) => edit(p, 'templates/AGENTS.md.hbs', (t) => `${t}\n{{project.owner}}\n`));
    const f = findings.find((x) => x.rule === 'template-render' && x.file === 'templates/AGENTS.md.hbs');
    expect(f?.message).toMatch(/"project\.owner" is not defined — project has: name, description, /);
    expect(f?.line).toBeGreaterThan(1);
  });

  it('catches a wrapper pointing nowhere', () => {
    const { findings } = lintAfter((p) => edit(p, 'templates/commands/markdown-hint.md.hbs', (t) => t.replace('{{> wrapper-body}}', 'Do the thing.')));
    expect(findings.some((f) => f.rule === 'wrapper-target' && f.file === 'templates/commands/markdown-hint.md.hbs')).toBe(true);
  });

  it('catches a prompt a command needs that is missing', () => {
    const { findings } = lintAfter((p) => rmSync(path.join(p, 'prompts/shared/flow-release.md')));
    expect(findings.some((f) => f.rule === 'wrapper-target' && f.message.includes('/flow-release (type desktop)'))).toBe(true);
  });

  it('catches unpaired markers in a rendered block', () => {
    const { findings } = lintAfter((p) => edit(p, 'templates/rules/gemini.md.hbs', (t) => `${t}\n<!-- ai-flow:end -->\n`));
    expect(findings.some((f) => f.rule === 'block-markers' && f.file === 'templates/rules/gemini.md.hbs')).toBe(true);
  });

  it('catches a phase whose Next points at the wrong file, and a question without a recommendation', () => {
    const { findings } = lintAfter((p) => {
      edit(p, 'prompts/backend/flow-build-phase-3.md', (t) => t.replace('.ai-flow/prompts/backend/flow-build-phase-4.md', '.ai-flow/prompts/backend/flow-build-phase-5.md'));
      edit(p, 'prompts/frontend/flow-build-phase-2.md', (t) => t.replace('**Recommended:**', 'Recommended'));
    });
    expect(findings.some((f) => f.rule === 'phase-next' && f.file === 'prompts/backend/flow-build-phase-3.md')).toBe(true);
    expect(findings.some((f) => f.rule === 'question-recommended' && f.file === 'prompts/frontend/flow-build-phase-2.md')).toBe(true);
  });

  it('catches a document template that no prompt uses', () => {
    const { findings } = lintAfter((p) => writeFileSync(path.join(p, 'templates/desktop/docs/orphan.md'), '# Orphan — {{PROJECT_NAME}}\n'));
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'template-unused', file: 'templates/desktop/docs/orphan.md' })]));
  });

  it('catches a lower-case placeholder in a document template', () => {
    const { findings } = lintAfter((p) => edit(p, 'templates/backend/docs/api.md', (t) => `${t}\n{{apiName}}\n`));
    expect(findings.some((f) => f.rule === 'template-placeholder' && f.file === 'templates/backend/docs/api.md')).toBe(true);
  });
});
