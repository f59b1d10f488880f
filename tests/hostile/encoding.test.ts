import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPack, listFiles, read, runCli, tmpDir, write } from '../helpers.js';

const bytes = (dir: string, rel: string) => readFileSync(path.join(dir, rel));

describe('bytes outside ai-flow blocks are preserved exactly', () => {
  it('a Latin-1 CLAUDE.md and a UTF-16 GEMINI.md are refused and stay byte-identical', () => {
    const dir = tmpDir();
    const latin1 = Buffer.from('# Notes\n\nCaf\xe9 r\xe9sum\xe9 na\xefve\n', 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Gemini\n\nhello\n', 'utf16le')]);
    writeFileSync(path.join(dir, 'CLAUDE.md'), latin1);
    writeFileSync(path.join(dir, 'GEMINI.md'), utf16);
    const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,gemini']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CLAUDE\.md.*UTF-8/);
    expect(r.stdout).toMatch(/GEMINI\.md.*UTF-8/);
    expect(bytes(dir, 'CLAUDE.md').equals(latin1)).toBe(true);
    expect(bytes(dir, 'GEMINI.md').equals(utf16)).toBe(true);
    expect(listFiles(dir)).toContain('.claude/commands/flow-build.md');
  });

  it('a UTF-8 BOM and CRLF line endings are kept; the block is written with CRLF', () => {
    const dir = tmpDir();
    const user = '\ufeff# Ours\r\n\r\nLine one.\r\nLine two.\r\n';
    writeFileSync(path.join(dir, 'AGENTS.md'), user, 'utf8');
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    const text = bytes(dir, 'AGENTS.md').toString('utf8');
    expect(text.startsWith(user)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const again = runCli(['update', dir, '--check']);
    expect(again.code, again.stdout).toBe(0);
    expect(runCli(['doctor', dir]).code).toBe(0);
  });

  it('with the shipped pack, CRLF and BOM copies of unedited files are up to date; an edit in one is still found', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    for (const rel of listFiles(dir)) {
      if (rel.endsWith('.gz')) continue;
      // Half the files as git converts them (CRLF), the other half with a BOM an editor added.
      const crlf = rel.length % 2 === 0;
      writeFileSync(path.join(dir, rel), crlf ? read(dir, rel).replace(/\r?\n/g, '\r\n') : `\ufeff${read(dir, rel)}`);
    }
    const check = runCli(['update', dir, '--check']);
    expect(check.code, check.stdout).toBe(0);
    const prompt = '.ai-flow/prompts/shared/flow-commit.md';
    writeFileSync(path.join(dir, prompt), read(dir, prompt).replace('## ', '## Mine — '));
    const r = runCli(['update', dir, '--json']);
    expect(r.code, r.stdout).toBe(0);
    expect((JSON.parse(r.stdout) as { actions: { path: string; action: string }[] }).actions.find((a) => a.path === prompt)?.action).toBe('keep');
  });

  describe('after git converts every file to CRLF', () => {
    let v1: string;
    let v2: string;
    beforeAll(() => {
      v1 = copyPack('1.0.0');
      v2 = copyPack('2.0.0');
      const commit = path.join(v2, 'prompts/shared/flow-commit.md');
      writeFileSync(commit, readFileSync(commit, 'utf8').replace(/^## /m, 'A new v2 paragraph.\n\n## '));
    });

    it('an update with pack changes merges without a single conflict and keeps CRLF', () => {
      const dir = tmpDir();
      write(dir, 'AGENTS.md', '# Mine\n\nHand-written.\n');
      expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude'], { env: { AI_FLOW_PACK_DIR: v1 } }).code).toBe(0);
      for (const rel of listFiles(dir)) {
        if (rel.endsWith('.gz')) continue;
        writeFileSync(path.join(dir, rel), read(dir, rel).replace(/\r?\n/g, '\r\n'));
      }
      const check = runCli(['update', dir, '--check'], { env: { AI_FLOW_PACK_DIR: v1 } });
      expect(check.code, check.stdout).toBe(0);
      const r = runCli(['update', dir, '--json'], { env: { AI_FLOW_PACK_DIR: v2 } });
      expect(r.code, r.stdout).toBe(0);
      const doc = JSON.parse(r.stdout) as { summary: { conflicted: number }; actions: { path: string; action: string }[] };
      expect(doc.summary.conflicted).toBe(0);
      expect(doc.actions.find((a) => a.path === '.ai-flow/prompts/shared/flow-commit.md')?.action).toBe('update');
      const commit = read(dir, '.ai-flow/prompts/shared/flow-commit.md');
      expect(commit).toContain('A new v2 paragraph.\r\n');
      expect(commit.replace(/\r\n/g, '')).not.toContain('\n');
      expect(read(dir, 'AGENTS.md').startsWith('# Mine\r\n\r\nHand-written.\r\n')).toBe(true);
    });
  });
});
