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
    const homes = (type: 'mobile' | 'fullstack') => new Set(pack.copiedFiles(type).map((f) => f.target.split('/')[2]));
    expect(homes('mobile')).toEqual(new Set(['shared', 'mobile']));
    expect(homes('fullstack')).toEqual(new Set(['shared', 'backend', 'frontend']));
  });

  it('gives fullstack prefixed build and docs-sync commands, each shared command once', () => {
    const names = installedCommands('fullstack').map((c) => c.name);
    expect(names).toEqual(['backend-flow-build', 'frontend-flow-build', 'flow-work', 'flow-check', 'flow-commit', 'flow-finish', 'flow-release', 'backend-flow-docs-sync', 'frontend-flow-docs-sync']);
    expect(installedCommands('desktop').find((c) => c.name === 'flow-build')?.prompt).toBe('.ai-flow/prompts/desktop/flow-build.md');
  });
});
