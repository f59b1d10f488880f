import { describe, expect, it } from 'vitest';
import type { DesiredFile } from '../../src/core/desired.js';
import type { Manifest } from '../../src/core/state.js';
import { planChanges, type PlanInput } from '../../src/core/plan.js';
import { sha256 } from '../../src/core/hash.js';
import { wrapBlock } from '../../src/core/blocks.js';
import type { DiskEntry } from '../../src/core/disk.js';
import { decodeText } from '../../src/core/text.js';

const file = (path: string, content: string, owner: 'file' | 'block' = 'file'): DesiredFile => ({ path, content, owner, source: 'test' });

function installed(entries: [string, string, ('file' | 'block')?][]): { manifest: Manifest; bases: Map<string, string> } {
  return {
    manifest: { schemaVersion: 1, packVersion: '1.0.0', files: entries.map(([path, text, owner]) => ({ path, sha256: sha256(text), owner: owner ?? 'file' })) },
    bases: new Map(entries.map(([p, t]) => [p, t])),
  };
}

/** Disk texts as a test writes them (null: missing), read as ai-flow reads them. */
function asRead(disk: Map<string, string | null>): Map<string, DiskEntry> {
  return new Map([...disk].map(([p, t]) => [p, t === null ? { kind: 'missing' } : { kind: 'text', file: decodeText(Buffer.from(t, 'utf8'))! }]));
}

function plan(input: Partial<Omit<PlanInput, 'disk'>> & Pick<PlanInput, 'desired'> & { disk: Map<string, string | null> }) {
  return planChanges({ manifest: null, bases: new Map(), restore: false, oldVersion: '1.0.0', newVersion: '2.0.0', ...input, disk: asRead(input.disk) });
}

const only = (p: ReturnType<typeof plan>, path: string) => {
  const a = p.actions.find((x) => x.path === path);
  if (!a) throw new Error(`no action for ${path}`);
  return a;
};

describe('planner on a fresh install', () => {
  it('creates missing files and records their hash and base', () => {
    const p = plan({ desired: [file('a.md', 'A\n')], disk: new Map([['a.md', null]]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'create', write: 'A\n' });
    expect(p.manifest).toEqual([{ path: 'a.md', sha256: sha256('A\n'), owner: 'file' }]);
    expect(p.bases.get('a.md')).toBe('A\n');
  });

  it('refuses to overwrite a file ai-flow did not write, and does not claim it', () => {
    const p = plan({ desired: [file('a.md', 'ours\n')], disk: new Map([['a.md', 'theirs\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'skip', refused: true });
    expect(only(p, 'a.md').write).toBeUndefined();
    expect(p.manifest).toEqual([]);
  });

  it('adopts an existing file that already has the exact text', () => {
    const p = plan({ desired: [file('a.md', 'same\n')], disk: new Map([['a.md', 'same\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'skip', reason: 'up to date' });
    expect(p.manifest).toHaveLength(1);
  });

  it('appends a managed block to a user file and keeps every byte of it', () => {
    const user = '# My notes\n\nkeep this `exactly` & <so>\n';
    const p = plan({ desired: [file('CLAUDE.md', 'block text', 'block')], disk: new Map([['CLAUDE.md', user]]) });
    const a = only(p, 'CLAUDE.md');
    expect(a.action).toBe('update');
    expect(a.write!.startsWith(user)).toBe(true);
    expect(a.write).toContain(wrapBlock('block text'));
  });
});

describe('planner on update (SPEC §6 table)', () => {
  it('overwrites an unedited file whose pack text changed', () => {
    const s = installed([['a.md', 'v1\n']]);
    const p = plan({ ...s, desired: [file('a.md', 'v2\n')], disk: new Map([['a.md', 'v1\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'update', write: 'v2\n' });
  });

  it('keeps an edited file when the pack did not change', () => {
    const s = installed([['a.md', 'v1\n']]);
    const p = plan({ ...s, desired: [file('a.md', 'v1\n')], disk: new Map([['a.md', 'v1 edited\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'keep' });
    expect(only(p, 'a.md').write).toBeUndefined();
  });

  it('merges cleanly when the user and the pack changed different lines', () => {
    const base = 'one\ntwo\nthree\nfour\nfive\n';
    const s = installed([['a.md', base]]);
    const ours = 'one\ntwo (mine)\nthree\nfour\nfive\n';
    const theirs = 'one\ntwo\nthree\nfour\nfive (new pack)\n';
    const p = plan({ ...s, desired: [file('a.md', theirs)], disk: new Map([['a.md', ours]]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'merge', write: 'one\ntwo (mine)\nthree\nfour\nfive (new pack)\n' });
    expect(p.manifest[0].sha256).toBe(sha256(theirs));
    expect(p.bases.get('a.md')).toBe(theirs);
  });

  it('writes conflict markers when both changed the same line', () => {
    const s = installed([['a.md', 'title\nbody\n']]);
    const p = plan({ ...s, desired: [file('a.md', 'title\nbody from pack\n')], disk: new Map([['a.md', 'title\nbody from user\n']]) });
    const a = only(p, 'a.md');
    expect(a.action).toBe('conflict');
    expect(a.conflicts).toBe(1);
    expect(a.write).toContain('<<<<<<< your version\nbody from user\n||||||| ai-flow 1.0.0\nbody\n=======\nbody from pack\n>>>>>>> ai-flow 2.0.0\n');
  });

  it('leaves a file the user deleted deleted, and --restore brings it back', () => {
    const s = installed([['a.md', 'v1\n']]);
    const kept = plan({ ...s, desired: [file('a.md', 'v2\n')], disk: new Map([['a.md', null]]) });
    expect(only(kept, 'a.md')).toMatchObject({ action: 'skip', userDeleted: true });
    expect(kept.manifest).toHaveLength(1);
    const restored = plan({ ...s, restore: true, desired: [file('a.md', 'v2\n')], disk: new Map([['a.md', null]]) });
    expect(only(restored, 'a.md')).toMatchObject({ action: 'create', write: 'v2\n' });
  });

  it('deletes an unedited file the new pack dropped, keeps an edited one', () => {
    const s = installed([['gone.md', 'x\n'], ['mine.md', 'y\n']]);
    const p = plan({ ...s, desired: [], disk: new Map([['gone.md', 'x\n'], ['mine.md', 'y edited\n']]) });
    expect(only(p, 'gone.md')).toMatchObject({ action: 'delete', write: null });
    expect(only(p, 'mine.md')).toMatchObject({ action: 'keep' });
    expect(p.manifest).toEqual([]);
  });

  it('replaces only the managed block and leaves the user text around it', () => {
    const s = installed([['AGENTS.md', 'old block', 'block']]);
    const disk = `intro by user\n\n${wrapBlock('old block')}\n\noutro by user\n`;
    const p = plan({ ...s, desired: [file('AGENTS.md', 'new block', 'block')], disk: new Map([['AGENTS.md', disk]]) });
    expect(only(p, 'AGENTS.md')).toMatchObject({ action: 'update', write: `intro by user\n\n${wrapBlock('new block')}\n\noutro by user\n` });
  });

  it('merges edits made inside a managed block', () => {
    const s = installed([['AGENTS.md', 'a\nb\nc\nd', 'block']]);
    const disk = `${wrapBlock('a (mine)\nb\nc\nd')}\n`;
    const p = plan({ ...s, desired: [file('AGENTS.md', 'a\nb\nc\nd (new)', 'block')], disk: new Map([['AGENTS.md', disk]]) });
    expect(only(p, 'AGENTS.md')).toMatchObject({ action: 'merge', write: `${wrapBlock('a (mine)\nb\nc\nd (new)')}\n` });
  });

  it('removes a dropped block but keeps the rest of the file', () => {
    const s = installed([['GEMINI.md', 'ours', 'block']]);
    const p = plan({ ...s, desired: [], disk: new Map([['GEMINI.md', `user text\n\n${wrapBlock('ours')}\n`]]) });
    expect(only(p, 'GEMINI.md')).toMatchObject({ action: 'update', write: 'user text\n' });
  });

  it('treats a file that already has the new text as done (an interrupted update re-run)', () => {
    const s = installed([['a.md', 'v1\n']]);
    const p = plan({ ...s, desired: [file('a.md', 'v2\n')], disk: new Map([['a.md', 'v2\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'skip', reason: 'up to date' });
    expect(p.manifest[0].sha256).toBe(sha256('v2\n'));
  });

  it('is a no-op when planned again over its own result', () => {
    const s = installed([['a.md', 'v1\n'], ['b.md', 'b\n']]);
    const desired = [file('a.md', 'v2\n'), file('b.md', 'b\n')];
    const first = plan({ ...s, desired, disk: new Map([['a.md', 'v1\n'], ['b.md', 'b edited\n']]) });
    const manifest: Manifest = { schemaVersion: 1, packVersion: '2.0.0', files: first.manifest };
    const second = plan({ manifest, bases: first.bases, desired, disk: new Map([['a.md', 'v2\n'], ['b.md', 'b edited\n']]) });
    expect(second.actions.every((a) => a.write === undefined)).toBe(true);
    expect(second.actions.map((a) => a.action).sort()).toEqual(['keep', 'skip']);
  });

  it('flags unpaired block markers instead of guessing', () => {
    const s = installed([['AGENTS.md', 'x', 'block']]);
    const p = plan({ ...s, desired: [file('AGENTS.md', 'y', 'block')], disk: new Map([['AGENTS.md', '<!-- ai-flow:begin -->\nx\n']]) });
    expect(only(p, 'AGENTS.md')).toMatchObject({ action: 'skip', refused: true });
  });
});

describe('planner: line endings, BOM and files it will not touch', () => {
  it('treats a CRLF copy of its own text as up to date, and writes an update in CRLF', () => {
    const s = installed([['a.md', 'one\ntwo\n']]);
    expect(only(plan({ ...s, desired: [file('a.md', 'one\ntwo\n')], disk: new Map([['a.md', 'one\r\ntwo\r\n']]) }), 'a.md').action).toBe('skip');
    const p = plan({ ...s, desired: [file('a.md', 'one\ntwo\nthree\n')], disk: new Map([['a.md', 'one\r\ntwo\r\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'update', write: 'one\r\ntwo\r\nthree\r\n' });
  });

  it('merges an edited CRLF file without a line-ending conflict', () => {
    const s = installed([['a.md', 'a\nb\nc\nd\n']]);
    const p = plan({ ...s, desired: [file('a.md', 'a\nb\nc\nd (new)\n')], disk: new Map([['a.md', 'a (mine)\r\nb\r\nc\r\nd\r\n']]) });
    expect(only(p, 'a.md')).toMatchObject({ action: 'merge', write: 'a (mine)\r\nb\r\nc\r\nd (new)\r\n' });
  });

  it('keeps a BOM and CRLF around a new block, and writes the block in CRLF', () => {
    const p = plan({ desired: [file('AGENTS.md', 'x\ny', 'block')], disk: new Map([['AGENTS.md', '\ufeffmine\r\n']]) });
    expect(only(p, 'AGENTS.md').write).toBe(`\ufeffmine\r\n\r\n${wrapBlock('x\ny', '\r\n')}\r\n`);
  });

  it('refuses a file read as refused (not UTF-8, a link, a FIFO) and does not claim it', () => {
    const p = planChanges({ manifest: null, bases: new Map(), restore: false, oldVersion: '1', newVersion: '1', desired: [file('CLAUDE.md', 'x', 'block')], disk: new Map([['CLAUDE.md', { kind: 'refused', reason: 'is not UTF-8 text' }]]) });
    expect(only(p, 'CLAUDE.md')).toMatchObject({ action: 'skip', refused: true, reason: 'is not UTF-8 text' });
    expect(p.manifest).toEqual([]);
  });
});
