import { describe, expect, it } from 'vitest';
import { documentPath, documentTitle, Pack } from '../../src/pack/pack.js';
import { installedCommands } from '../../src/pack/commands.js';
import { REPO } from '../helpers.js';

describe('pack reading', () => {
  it('maps template paths to project document paths, fullstack under docs/<type>/', () => {
    expect(documentPath('docs/api.md', 'backend', false)).toBe('docs/api.md');
    expect(documentPath('docs/api.md', 'backend', true)).toBe('docs/backend/api.md');
    expect(documentPath('specs/security.md', 'frontend', true)).toBe('specs/frontend/security.md');
    expect(documentPath('README.md', 'frontend', true)).toBe('README.md');
    expect(documentPath('env.example', 'backend', true)).toBe('.env.example');
  });

  it('takes a document title from the template heading without placeholders', () => {
    expect(documentTitle('# Data model — {{PROJECT_NAME}}\n')).toBe('Data model');
    expect(documentTitle('# {{PROJECT_NAME}} — project brief\n')).toBe('Project brief');
    expect(documentTitle('# Environment variables for {{PROJECT_NAME}}\n')).toBe('Environment variables');
    expect(documentTitle('# {{PROJECT_NAME}}\n')).toBe('');
  });

  it('installs only shared files and the chosen types', () => {
    const pack = new Pack(REPO);
    const homes = (types: ('backend' | 'frontend' | 'mobile')[]) => new Set(pack.copiedFiles(types).map((f) => f.target.split('/')[2]));
    expect(homes(['mobile'])).toEqual(new Set(['shared', 'mobile']));
    expect(homes(['backend', 'mobile'])).toEqual(new Set(['shared', 'backend', 'mobile']));
  });

  it('gives several parts per-part build and docs-sync commands, each shared command once', () => {
    const names = installedCommands(['backend', 'mobile']).map((c) => c.name);
    expect(names.filter((n) => /flow-(build|docs-sync)$/.test(n))).toEqual(['backend-flow-build', 'mobile-flow-build', 'backend-flow-docs-sync', 'mobile-flow-docs-sync']);
    expect(names.filter((n) => n === 'flow-work' || n === 'flow-hotfix')).toEqual(['flow-work', 'flow-hotfix']);
    expect(new Set(names).size).toBe(names.length);
    expect(installedCommands(['desktop']).find((c) => c.name === 'flow-build')?.prompt).toBe('.ai-flow/prompts/desktop/flow-build.md');
  });

  it('puts each part\'s documents under docs/<type>/ with several parts, and its .env.example in its folder', () => {
    const pack = new Pack(REPO);
    const single = pack.plannedDocuments('backend', false).map((d) => d.path);
    expect(single).toContain('docs/api.md');
    expect(single).toContain('.env.example');
    const multi = pack.plannedDocuments('backend', true, 'server').map((d) => d.path);
    expect(multi).toContain('docs/backend/api.md');
    expect(multi).toContain('server/.env.example');
    expect(multi).toContain('README.md');
  });
});
