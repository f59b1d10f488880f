import { describe, expect, it } from 'vitest';
import { checkRange, satisfies } from '../../src/pack/semver.js';
import { parsePackManifest } from '../../src/pack/manifest.js';
import { readTgz } from '../../src/pack/tar.js';
import { layoutProblem } from '../../src/pack/layout.js';
import { installedCommands } from '../../src/pack/commands.js';
import { tgz } from '../tar.js';

describe('aiFlow ranges (npm semver syntax)', () => {
  it.each([
    ['0.1.0', '^0.1.0', true], ['0.1.9', '^0.1.0', true], ['0.2.0', '^0.1.0', false],
    ['1.4.2', '^1.2.3', true], ['2.0.0', '^1.2.3', false], ['0.0.3', '^0.0.3', true], ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true], ['1.3.0', '~1.2.3', false], ['1.9.0', '~1', true],
    ['0.5.0', '>=0.1.0 <0.6.0', true], ['0.6.0', '>=0.1.0 <0.6.0', false],
    ['1.2.7', '1.2.x', true], ['1.3.0', '1.2.x', false], ['3.0.0', '*', true], ['1.0.0', '', true],
    ['1.5.0', '1.2.3 - 1.6', true], ['1.7.0', '1.2.3 - 1.6', false],
    ['2.1.0', '^1.0.0 || ^2.0.0', true], ['3.0.0', '^1.0.0 || ^2.0.0', false],
    ['0.2.0-rc.1', '^0.2.0', true], ['1.3.0', '>1.2', true], ['1.2.5', '>1.2', false], ['1.2.5', '<=1.2', true],
  ])('%s satisfies %j: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('rejects a range it cannot read, saying which part', () => {
    expect(checkRange('^banana')).toMatch(/banana/);
    expect(checkRange('>=1.2.3.4')).not.toBeNull();
  });
});

describe('ai-flow-pack.json', () => {
  const overlay = { name: '@acme/pack', version: '1.0.0', description: 'Acme rules', aiFlow: '^0.1.0', extends: 'ai-flow' };

  it('reads an overlay: types inherited when omitted, commands in the shape of the built-in table', () => {
    const m = parsePackManifest(JSON.stringify({ ...overlay, commands: [{ name: 'flow-deploy', description: 'Deploy', argumentHint: '[env]', prompt: 'prompts/<type>/deploy/flow-deploy.md' }] }));
    expect(m).toMatchObject({ name: '@acme/pack', extends: 'ai-flow', types: null, commands: [{ name: 'flow-deploy', home: 'type', file: 'deploy/flow-deploy.md', argumentHint: '[env]' }] });
  });

  it('requires the types of a full pack', () => {
    const { extends: _e, ...full } = overlay;
    expect(parsePackManifest(JSON.stringify(full))).toEqual([expect.stringContaining('a full pack must name them')]);
  });

  it.each([
    [{ extend: 'ai-flow' }, /unknown key "extend"/],
    [{ version: 'one' }, /"version" "one" must be a semantic version/],
    [{ name: 'Acme Pack' }, /must be an npm package name/],
    [{ aiFlow: '^x.y' }, /"aiFlow"/],
    [{ description: 'two\nlines' }, /"description" must be one line/],
    [{ types: ['backend', 'backend'] }, /"types"/],
    [{ commands: [{ name: 'flow-build', description: 'x', prompt: 'prompts/shared/x.md' }] }, /standard command/],
    [{ commands: [{ name: 'backend-flow-build', description: 'x', prompt: 'prompts/shared/x.md' }] }, /standard command/],
    [{ commands: [{ name: 'deploy', description: 'x', prompt: 'prompts/shared/../../etc/passwd.md' }] }, /a path inside the pack/],
    [{ commands: [{ name: 'deploy', description: 'x', prompt: '/etc/x.md' }] }, /a path inside the pack/],
    [{ commands: [{ name: 'Deploy!', description: 'x', prompt: 'prompts/shared/x.md' }] }, /lower-case letters/],
  ])('refuses %j with a message naming the field', (change, message) => {
    const problems = parsePackManifest(JSON.stringify({ ...overlay, ...change }));
    expect(Array.isArray(problems)).toBe(true);
    expect((problems as string[]).join('\n')).toMatch(message);
  });

  it('refuses text that is not a JSON object', () => {
    expect(parsePackManifest('{')).toEqual([expect.stringContaining('not valid JSON')]);
    expect(parsePackManifest('[]')).toEqual(['must be a JSON object']);
  });

  it('adds a pack command after the standard ones, per part when it is per type', () => {
    const added = [{ name: 'flow-deploy', description: 'Deploy', argumentHint: '', home: 'type' as const, file: 'flow-deploy.md' }];
    const names = installedCommands(['backend', 'mobile'], added).map((c) => c.name);
    expect(names.slice(-2)).toEqual(['backend-flow-deploy', 'mobile-flow-deploy']);
    expect(installedCommands(['backend'], added).at(-1)).toMatchObject({ name: 'flow-deploy', prompt: '.ai-flow/prompts/backend/flow-deploy.md' });
  });
});

describe('pack archives (.tgz) are read in memory as data', () => {
  const limits = { file: 1024, total: 4096, files: 10 };

  it('reads regular files, and refuses links, special entries, absolute and .. paths, oversized files', () => {
    const { files, refused } = readTgz(tgz([
      { name: 'package/', type: 'dir' },
      { name: 'package/ai-flow-pack.json', content: '{}' },
      { name: 'package/prompts/shared/a.md', content: 'A' },
      { name: 'package/prompts/shared/link.md', type: 'symlink', link: '/etc/passwd' },
      { name: 'package/prompts/shared/hard.md', type: 'hardlink', link: 'package/prompts/shared/a.md' },
      { name: 'package/prompts/shared/pipe', type: 'fifo' },
      { name: '/etc/cron.d/x', content: 'x' },
      { name: 'package/../../evil.md', content: 'x' },
      { name: 'package/prompts/shared/big.md', content: 'x'.repeat(2000) },
    ]), limits);
    expect([...files.keys()]).toEqual(['package/ai-flow-pack.json', 'package/prompts/shared/a.md']);
    expect(refused).toEqual([
      expect.stringMatching(/^package\/prompts\/shared\/link\.md: is a symbolic link/),
      expect.stringMatching(/^package\/prompts\/shared\/hard\.md: is a hard link/),
      expect.stringMatching(/^package\/prompts\/shared\/pipe: is a special entry/),
      expect.stringMatching(/^\/etc\/cron\.d\/x: is an absolute path/),
      expect.stringMatching(/^package\/\.\.\/\.\.\/evil\.md: leaves its folder/),
      expect.stringMatching(/^package\/prompts\/shared\/big\.md: is larger than 1024 bytes/),
    ]);
  });

  it('stops at the file-count and total-size bounds', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `p/f${i}.md`, content: 'x' }));
    expect(() => readTgz(tgz(many), limits)).toThrow(/more than 10 files/);
    const heavy = Array.from({ length: 5 }, (_, i) => ({ name: `p/f${i}.md`, content: 'x'.repeat(1000) }));
    expect(() => readTgz(tgz(heavy), limits)).toThrow(/4096 bytes/);
  });

  it('refuses what is not a gzipped tar, and a gzip bomb at the bound', () => {
    expect(() => readTgz(Buffer.from('hello'), limits)).toThrow(/not a gzipped tar/);
    const bomb = tgz([{ name: 'p/zeros.md', content: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(() => readTgz(bomb, limits)).toThrow(/unpacks to more than/);
  });
});

describe('the pack layout an overlay may use', () => {
  const partials = new Set(['rules-body.hbs', 'wrapper-body.hbs']);

  it.each([
    'prompts/shared/flow-deploy.md', 'prompts/backend/flow-build-phase-7.md', 'templates/shared/runbook.md',
    'templates/AGENTS.md.hbs', 'templates/rules/claude.md.hbs', 'templates/commands/x.md.hbs', 'templates/partials/rules-body.hbs',
  ])('accepts %s', (file) => {
    expect(layoutProblem(file, partials)).toBeNull();
  });

  it.each([
    ['prompts/devops/x.md', /outside the layout/], ['prompts/x.md', /outside the layout/], ['templates/partials/mine.hbs', /adds a partial/],
    ['templates/rules/x.md', /not a template/], ['templates/other/x.hbs', /outside the pack layout/], ['prompts/shared/.hidden', /name ai-flow does not install/],
    [`prompts/shared/${'a'.repeat(300)}.md`, /never installs/],
  ])('refuses %s', (file, why) => {
    expect(layoutProblem(file, partials)).toMatch(why);
  });
});
