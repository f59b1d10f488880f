import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parseBases } from '../../src/core/state.js';
import { BIN, NODE, copyPack, copyTree, exists, listFiles, read, runCli, tmpDir, write } from '../helpers.js';

/**
 * Two packs on disk stand for two released versions (no network): v1 is the shipped pack,
 * v2 changes, adds and drops files so that every row of SPEC §6 is exercised.
 */
let v1: string;
let v2: string;
const P = '.ai-flow/prompts/shared/';
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `line ${i + 1} ${tag}`).join('\n') + '\n';

beforeAll(() => {
  v1 = copyPack('1.0.0');
  v2 = copyPack('2.0.0');
  const set = (pack: string, rel: string, text: string) => writeFileSync(path.join(pack, rel), text);
  for (const pack of [v1, v2]) {
    set(pack, 'prompts/shared/x-unedited.md', lines(10, 'v1'));
    set(pack, 'prompts/shared/x-edited-same.md', lines(10, 'v1'));
    set(pack, 'prompts/shared/x-merge.md', lines(10, 'v1'));
    set(pack, 'prompts/shared/x-conflict.md', lines(10, 'v1'));
    set(pack, 'prompts/shared/x-deleted.md', lines(10, 'v1'));
  }
  set(v1, 'prompts/shared/x-dropped.md', 'dropped\n');
  set(v1, 'prompts/shared/x-dropped-edited.md', 'dropped\n');
  set(v2, 'prompts/shared/x-unedited.md', lines(10, 'v2'));
  set(v2, 'prompts/shared/x-merge.md', lines(10, 'v1').replace('line 10 v1', 'line 10 v2'));
  set(v2, 'prompts/shared/x-conflict.md', lines(10, 'v1').replace('line 1 v1', 'line 1 v2'));
  set(v2, 'prompts/shared/x-deleted.md', lines(10, 'v2'));
  set(v2, 'prompts/shared/x-new.md', 'new in v2\n');
  const agents = path.join(v2, 'templates/AGENTS.md.hbs');
  writeFileSync(agents, readFileSync(agents, 'utf8').replace('## Working rules', '## Working rules\n- v2 rule.'));
});

/** Whether a run's journal is on disk: the run has started moving files into place. */
const hasJournal = (dir: string): boolean => {
  try {
    return readdirSync(path.join(dir, '.ai-flow')).some((n) => n.startsWith('.run-') && exists(dir, `.ai-flow/${n}/journal.json`));
  } catch {
    return false;
  }
};
const withPack = (pack: string) => ({ env: { AI_FLOW_PACK_DIR: pack } });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Polls every millisecond until `condition` holds, for at most `limitMs`. */
async function until(condition: () => boolean, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition() && Date.now() < end) await sleep(1);
}

function installV1(): string {
  const dir = tmpDir();
  const r = runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude,cursor'], withPack(v1));
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** The user's edits between the two versions. */
function editAsUser(dir: string): void {
  appendFileSync(path.join(dir, `${P}x-edited-same.md`), 'my note\n');
  write(dir, `${P}x-merge.md`, read(dir, `${P}x-merge.md`).replace('line 2 v1', 'line 2 mine'));
  write(dir, `${P}x-conflict.md`, read(dir, `${P}x-conflict.md`).replace('line 1 v1', 'line 1 mine'));
  unlinkSync(path.join(dir, `${P}x-deleted.md`));
  appendFileSync(path.join(dir, `${P}x-dropped-edited.md`), 'mine\n');
  write(dir, 'AGENTS.md', `My preface.\n\n${read(dir, 'AGENTS.md')}\nMy appendix.\n`);
}

function actions(stdout: string): Record<string, string> {
  const doc = JSON.parse(stdout) as { actions: { path: string; action: string }[] };
  return Object.fromEntries(doc.actions.map((a) => [a.path, a.action]));
}

describe('ai-flow update (SPEC §6, end to end over two packs)', () => {
  it('applies every row of the table and reports it', () => {
    const dir = installV1();
    editAsUser(dir);
    const r = runCli(['update', dir, '--json'], withPack(v2));
    expect(r.code, r.stderr).toBe(1); // one conflict
    const a = actions(r.stdout);
    expect(a).toMatchObject({
      [`${P}x-unedited.md`]: 'update',
      [`${P}x-edited-same.md`]: 'keep',
      [`${P}x-merge.md`]: 'merge',
      [`${P}x-conflict.md`]: 'conflict',
      [`${P}x-deleted.md`]: 'skip',
      [`${P}x-new.md`]: 'create',
      [`${P}x-dropped.md`]: 'delete',
      [`${P}x-dropped-edited.md`]: 'keep',
      'AGENTS.md': 'update',
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ created: 1, merged: 1, conflicted: 1, removed: 1, leftDeleted: 1 });

    expect(read(dir, `${P}x-unedited.md`)).toBe(lines(10, 'v2'));
    expect(read(dir, `${P}x-edited-same.md`)).toBe(`${lines(10, 'v1')}my note\n`);
    expect(read(dir, `${P}x-merge.md`)).toBe(lines(10, 'v1').replace('line 2 v1', 'line 2 mine').replace('line 10 v1', 'line 10 v2'));
    expect(read(dir, `${P}x-conflict.md`)).toMatch(/^<<<<<<< your version\nline 1 mine\n\|\|\|\|\|\|\| ai-flow 1\.0\.0\nline 1 v1\n=======\nline 1 v2\n>>>>>>> ai-flow 2\.0\.0\nline 2 v1\n/);
    expect(exists(dir, `${P}x-deleted.md`)).toBe(false);
    expect(exists(dir, `${P}x-dropped.md`)).toBe(false);
    expect(read(dir, `${P}x-dropped-edited.md`)).toBe('dropped\nmine\n');
    const agents = read(dir, 'AGENTS.md');
    expect(agents.startsWith('My preface.\n\n<!-- ai-flow:begin -->')).toBe(true);
    expect(agents).toContain('- v2 rule.');
    expect(agents.endsWith('<!-- ai-flow:end -->\n\nMy appendix.\n')).toBe(true);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).packVersion).toBe('2.0.0');
    // No side files (.orig, .rej, .bak, temp) anywhere, and no staging left behind.
    expect(listFiles(dir).filter((f) => /\.(orig|rej|bak|tmp)$|\.staging/.test(f))).toEqual([]);
  });

  it('a second update right after is a no-op that writes nothing', () => {
    const dir = installV1();
    editAsUser(dir);
    runCli(['update', dir], withPack(v2));
    const before = listFiles(dir).map((f) => `${f}@${statSync(path.join(dir, f)).mtimeMs}`);
    const again = runCli(['update', dir, '--json'], withPack(v2));
    expect(Object.values(actions(again.stdout)).every((x) => x === 'skip' || x === 'keep')).toBe(true);
    expect(listFiles(dir).map((f) => `${f}@${statSync(path.join(dir, f)).mtimeMs}`)).toEqual(before);
    const check = runCli(['update', dir, '--check'], withPack(v2));
    expect(check.code, check.stdout).toBe(0);
  });

  it('--restore brings back a file the user deleted', () => {
    const dir = installV1();
    editAsUser(dir);
    runCli(['update', dir], withPack(v2));
    expect(exists(dir, `${P}x-deleted.md`)).toBe(false);
    // The unresolved conflict file now counts as edited and pack-unchanged: kept, not re-conflicted.
    expect(runCli(['update', dir, '--restore'], withPack(v2)).code).toBe(0);
    expect(read(dir, `${P}x-deleted.md`)).toBe(lines(10, 'v2'));
  });

  it('--check and --dry-run write nothing; --check exits 1 when out of date', () => {
    const dir = installV1();
    const snapshot = () => listFiles(dir).map((f) => `${f}:${read(dir, f).length}`);
    const before = snapshot();
    const check = runCli(['update', dir, '--check'], withPack(v2));
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('update   .ai-flow/prompts/shared/x-unedited.md');
    const dry = runCli(['update', dir, '--dry-run'], withPack(v2));
    expect(dry.code).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(runCli(['update', dir, '--check'], withPack(v1)).code).toBe(0);
  });

  it('a teammate with a fresh clone can merge: the base travels with the repository', () => {
    const dir = installV1();
    editAsUser(dir);
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'install');
    const clone = path.join(tmpDir(), 'clone');
    git(path.dirname(clone), 'clone', '-q', dir, clone);
    const r = runCli(['update', clone, '--json'], withPack(v2));
    expect(actions(r.stdout)[`${P}x-merge.md`]).toBe('merge');
    expect(read(clone, `${P}x-merge.md`)).toContain('line 2 mine');
    expect(read(clone, `${P}x-merge.md`)).toContain('line 10 v2');
  });

  it('an interrupted update is repaired by running it again', () => {
    const clean = installV1();
    editAsUser(clean);
    const crashed = path.join(tmpDir(), 'crashed');
    copyTree(clean, crashed);
    runCli(['update', clean], withPack(v2));
    // Simulate a crash after some files were renamed into place but before the state files:
    // half the changed files already hold v2 text, a staging folder is left over, manifest is v1.
    write(crashed, `${P}x-unedited.md`, lines(10, 'v2'));
    write(crashed, `${P}x-new.md`, 'new in v2\n');
    rmSync(path.join(crashed, `${P}x-dropped.md`));
    mkdirSync(path.join(crashed, '.ai-flow/.staging'), { recursive: true });
    writeFileSync(path.join(crashed, '.ai-flow/.staging/0'), 'half-written');
    const r = runCli(['update', crashed], withPack(v2));
    expect(r.code).toBe(1);
    // A staging folder ai-flow cannot prove it made is reported and left alone, never used.
    expect(r.stderr).toMatch(/ignoring \.ai-flow\/\.staging/);
    const tree = (d: string) => listFiles(d).filter((f) => !f.startsWith('.ai-flow/.staging/')).map((f) => [f, f.endsWith('.br') ? '' : read(d, f)]);
    expect(tree(crashed)).toEqual(tree(clean));
  });

  it('an update killed at any moment is finished by the next run, with no doubled conflict markers', async () => {
    // A pack with many extra files makes the apply long enough to be killed in the middle.
    const big = copyPack('3.0.0');
    copyTree(path.join(v2, 'prompts'), path.join(big, 'prompts'));
    copyTree(path.join(v2, 'templates'), path.join(big, 'templates'));
    mkdirSync(path.join(big, 'prompts/shared/bulk'));
    for (let i = 0; i < 3000; i++) writeFileSync(path.join(big, `prompts/shared/bulk/f${i}.md`), `bulk ${i}\n`);
    const base = installV1();
    editAsUser(base);
    const clean = path.join(tmpDir(), 'clean');
    copyTree(base, clean);
    const started = Date.now();
    runCli(['update', clean], withPack(big));
    const full = Date.now() - started;
    const tree = (d: string) => listFiles(d).map((f) => [f, f.endsWith('.br') ? '' : read(d, f)]);
    const expected = tree(clean);
    // Kill points: early ones by the clock (during planning and staging), the rest measured from
    // the moment the journal appears, i.e. while files are being moved into place.
    const points: { label: string; wait: (dir: string) => Promise<void> }[] = [
      ...[0.15, 0.3].map((f) => ({ label: `${Math.round(f * full)} ms`, wait: () => sleep(Math.round(f * full)) })),
      ...[0, 5, 20, 50, 100].map((d) => ({ label: `journal + ${d} ms`, wait: async (dir: string) => {
        await until(() => hasJournal(dir), 3 * full + 5_000);
        await sleep(d);
      } })),
    ];
    let killedMidway = 0;
    for (const point of points) {
      const dir = path.join(tmpDir(), 'killed');
      copyTree(base, dir);
      const child = spawn(NODE, [BIN, 'update', dir], { env: { ...process.env, AI_FLOW_PACK_DIR: big, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
      let printed = '';
      child.stdout.on('data', (d: Buffer) => (printed += d.toString()));
      const closed = new Promise((r) => child.on('close', r));
      await Promise.race([point.wait(dir), closed]);
      child.kill('SIGKILL');
      await closed;
      const reported = printed.includes('1 conflicted');
      if (hasJournal(dir)) killedMidway++;
      const again = runCli(['update', dir], withPack(big));
      // A conflict is never left unreported: if the killed run did not print it, the next run must.
      expect(again.code, `killed at ${point.label}: ${again.stderr}`).toBe(reported ? 0 : 1);
      expect(tree(dir), `killed at ${point.label}`).toEqual(expected);
    }
    expect(killedMidway, 'kills landed while files were being moved').toBeGreaterThanOrEqual(3);
  }, 180_000);

  it.each([
    ['.ai-flow/bases.br', 'the Brotli framing of schema 2'],
    ['.ai-flow/base.json.gz', 'the gzip JSON of ai-flow 0.1'],
  ])('reads older bases (%s, %s) to merge, then replaces them with the new file', (older) => {
    const dir = installV1();
    editAsUser(dir);
    const bases = parseBases(readFileSync(path.join(dir, '.ai-flow/bases.gz')));
    rmSync(path.join(dir, '.ai-flow/bases.gz'));
    if (older === '.ai-flow/bases.br') {
      // Schema 2: a JSON header line of [path, byte length], then the texts, all in one Brotli stream.
      const bodies = [...bases.values()].map((t) => Buffer.from(t, 'utf8'));
      const head = JSON.stringify({ schemaVersion: 2, files: [...bases.keys()].map((p, i) => [p, bodies[i].length]) });
      writeFileSync(path.join(dir, older), brotliCompressSync(Buffer.concat([Buffer.from(`${head}\n`), ...bodies])));
    } else {
      // 0.1: gzip of {"schemaVersion": 1, "files": {path: text}}.
      writeFileSync(path.join(dir, older), gzipSync(JSON.stringify({ schemaVersion: 1, files: Object.fromEntries(bases) })));
    }
    const r = runCli(['update', dir, '--json'], withPack(v2));
    expect(actions(r.stdout)[`${P}x-merge.md`]).toBe('merge');
    expect(exists(dir, older)).toBe(false);
    expect(exists(dir, '.ai-flow/bases.gz')).toBe(true);
  });

  it('without the base texts, an edited and changed file is marked as a conflict, never overwritten', () => {
    const dir = installV1();
    editAsUser(dir);
    rmSync(path.join(dir, '.ai-flow/bases.gz'));
    const r = runCli(['update', dir, '--json'], withPack(v2));
    expect(r.stderr).toMatch(/bases\.gz is missing/);
    expect(actions(r.stdout)[`${P}x-merge.md`]).toBe('conflict');
    expect(read(dir, `${P}x-merge.md`)).toContain('line 2 mine');
    expect(read(dir, `${P}x-merge.md`)).toContain('line 10 v2');
  });

  it('--ai adds and removes tools; an edited file of a removed tool is kept and reported', () => {
    const dir = installV1();
    write(dir, '.cursor/commands/flow-work.md', 'customised\n');
    const r = runCli(['update', dir, '--ai', 'claude,gemini', '--json'], withPack(v1));
    expect(r.code, r.stderr).toBe(0);
    const a = actions(r.stdout);
    expect(a['.cursor/commands/flow-build.md']).toBe('delete');
    expect(a['.cursor/commands/flow-work.md']).toBe('keep');
    expect(a['.gemini/commands/flow-build.toml']).toBe('create');
    expect(exists(dir, '.cursor/commands/flow-build.md')).toBe(false);
    expect(exists(dir, '.cursor/rules')).toBe(false);
    expect(read(dir, '.cursor/commands/flow-work.md')).toBe('customised\n');
    expect(read(dir, 'GEMINI.md')).toContain('<!-- ai-flow:begin -->');
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json')).tools).toEqual(['claude', 'gemini']);
  });

  it('refuses corrupt, newer-schema and missing state with clear errors', () => {
    const dir = installV1();
    write(dir, '.ai-flow/ai-flow.json', '{"schemaVersion": 3}');
    const newer = runCli(['update', dir], withPack(v2));
    expect(newer.code).toBe(4);
    expect(newer.stderr).toMatch(/^ai-flow: .*newer ai-flow \(schema 3, this one reads 2\) — upgrade ai-flow/);
    expect(read(dir, '.ai-flow/ai-flow.json')).toBe('{"schemaVersion": 3}');
    write(dir, '.ai-flow/ai-flow.json', 'garbage');
    expect(runCli(['update', dir], withPack(v2)).code).toBe(4);
    const fromNewer = installV1();
    const older = runCli(['update', fromNewer], withPack(copyPack('0.9.0')));
    expect(older.code).toBe(4);
    expect(older.stderr).toMatch(/installed by ai-flow 1\.0\.0, newer than this 0\.9\.0 — upgrade ai-flow/);
    rmSync(path.join(fromNewer, '.ai-flow/manifest.json'));
    expect(runCli(['update', fromNewer], withPack(v2)).stderr).toMatch(/manifest\.json is missing/);
    const empty = tmpDir();
    const none = runCli(['update', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/not installed .* — run `ai-flow init` there first/);
  });
});

describe('update when nothing ai-flow writes has changed (same build, same answers)', () => {
  it('judges every file by its hash: up to date, edited (kept), deleted (left deleted); --restore and --ai still render', () => {
    const dir = tmpDir();
    expect(runCli(['init', dir, '--yes', '--type', 'backend', '--ai', 'claude']).code).toBe(0);
    expect(JSON.parse(read(dir, '.ai-flow/manifest.json')).digest).toMatch(/^[0-9a-f]{64}$/);
    expect(runCli(['update', dir]).stdout).toMatch(/is up to date/);
    appendFileSync(path.join(dir, '.ai-flow/prompts/shared/flow-commit.md'), 'mine\n');
    unlinkSync(path.join(dir, '.claude/commands/flow-work.md'));
    const r = runCli(['update', dir, '--json']);
    expect(r.code).toBe(0);
    expect(actions(r.stdout)).toMatchObject({ '.ai-flow/prompts/shared/flow-commit.md': 'keep', '.claude/commands/flow-work.md': 'skip' });
    // A manifest from another build (or tampered digest) is planned by rendering: the same answer.
    const manifest = JSON.parse(read(dir, '.ai-flow/manifest.json'));
    write(dir, '.ai-flow/manifest.json', `${JSON.stringify({ ...manifest, digest: '0'.repeat(64) }, null, 2)}\n`);
    expect(actions(runCli(['update', dir, '--json', '--dry-run']).stdout)).toMatchObject({ '.ai-flow/prompts/shared/flow-commit.md': 'keep', '.claude/commands/flow-work.md': 'skip' });
    expect(runCli(['update', dir, '--restore']).code).toBe(0);
    expect(exists(dir, '.claude/commands/flow-work.md')).toBe(true);
    expect(runCli(['update', dir, '--ai', 'claude,cursor']).code).toBe(0);
    expect(exists(dir, '.cursor/rules/ai-flow.mdc')).toBe(true);
    expect(runCli(['update', dir, '--check']).code).toBe(0);
  });
});
