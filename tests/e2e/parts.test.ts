import { describe, expect, it } from 'vitest';
import { exists, read, repoWith, runCli, tmpDir, write } from '../helpers.js';
import { changedPaths, snapshot } from '../hostile/tree.js';

const repo = (files: Record<string, string>): string => repoWith(files, 'ai-flow-parts-');
const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}, extra: object = {}) => JSON.stringify({ name: 'p', dependencies: deps, scripts, ...extra });
const gin = 'module example.com/api\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n';

/** The Parts table of AGENTS.md: part → [folder, build, test, lint]. */
function partsTable(agents: string): Record<string, string[]> {
  const rows = agents.split('\n').filter((l) => /^\| (Backend|Frontend|Mobile|Desktop) \|/.test(l));
  return Object.fromEntries(rows.map((r) => {
    const cells = r.split('|').slice(1, -1).map((c) => c.trim());
    return [cells[0], [cells[1], cells[3], cells[4], cells[5]]];
  }));
}

/** Every folder a command says it runs in (`cd X &&`, `-w X`, `--filter ./X`) exists. */
function expectPlacesExist(dir: string, commands: string[]): void {
  for (const cmd of commands) {
    for (const m of cmd.matchAll(/cd ([^\s&]+) &&|-w ([^\s`]+)|--filter \.\/([^\s`]+)/g)) {
      const place = m[1] ?? m[2] ?? m[3];
      expect(exists(dir, place), `${cmd}: ${place} exists`).toBe(true);
    }
  }
}

const layouts: { name: string; files: Record<string, string>; parts: Record<string, string[]> }[] = [
  {
    name: 'npm workspaces with client/ and server/',
    files: { 'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['client', 'server'] }), 'client/package.json': pkg({ react: '19', vite: '7' }, { build: 'vite build', test: 'vitest' }), 'server/package.json': pkg({ express: '5' }, { test: 'node --test' }) },
    parts: { Backend: ['`server/`', '—', '`npm test -w server`', '—'], Frontend: ['`client/`', '`npm run build -w client`', '`npm test -w client`', '—'] },
  },
  {
    name: 'a Go server/ and a web/ front end',
    files: { 'server/go.mod': gin, 'web/package.json': pkg({ vue: '3' }, { build: 'vite build', test: 'vitest' }) },
    parts: { Backend: ['`server/`', '`cd server && go build ./...`', '`cd server && go test ./...`', '`cd server && go vet ./...`'], Frontend: ['`web/`', '`cd web && npm run build`', '`cd web && npm test`', '—'] },
  },
  {
    name: 'Django in backend/, Vue in frontend/',
    files: { 'backend/pyproject.toml': '[project]\nname = "api"\ndependencies = ["django>=5", "pytest"]\n', 'frontend/package.json': pkg({ vue: '3' }, { build: 'vite build' }) },
    parts: { Backend: ['`backend/`', '—', '`cd backend && pytest`', '—'], Frontend: ['`frontend/`', '`cd frontend && npm run build`', '—', '—'] },
  },
  {
    name: 'backend and mobile in a pnpm workspace',
    files: { 'package.json': JSON.stringify({ name: 'm', packageManager: 'pnpm@10.0.0' }), 'pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - services/*\n', 'services/api/package.json': pkg({ fastify: '5' }, { test: 'vitest' }), 'apps/mobile/package.json': pkg({ expo: '54', 'react-native': '0.80' }, { test: 'jest' }) },
    parts: { Backend: ['`services/api/`', '—', '`pnpm --filter ./services/api test`', '—'], Mobile: ['`apps/mobile/`', '—', '`pnpm --filter ./apps/mobile test`', '—'] },
  },
  {
    name: 'backend and desktop',
    files: { 'server/go.mod': gin, 'desktop/package.json': pkg({ electron: '38', react: '19' }, { test: 'vitest', lint: 'eslint .' }) },
    parts: { Backend: ['`server/`', '`cd server && go build ./...`', '`cd server && go test ./...`', '`cd server && go vet ./...`'], Desktop: ['`desktop/`', '—', '`cd desktop && npm test`', '`cd desktop && npm run lint`'] },
  },
  {
    name: 'frontend and mobile',
    files: { 'web/package.json': pkg({ next: '15' }, { build: 'next build' }), 'mobile/pubspec.yaml': 'name: app\ndependencies:\n  flutter:\n    sdk: flutter\n' },
    parts: { Frontend: ['`web/`', '`cd web && npm run build`', '—', '—'], Mobile: ['`mobile/`', '—', '`cd mobile && flutter test`', '`cd mobile && flutter analyze`'] },
  },
  {
    name: 'all four parts',
    files: { 'api/go.mod': gin, 'web/package.json': pkg({ svelte: '5' }, { test: 'vitest' }), 'app/pubspec.yaml': 'name: app\ndependencies:\n  flutter:\n    sdk: flutter\n', 'desk/src-tauri/tauri.conf.json': '{"productName": "Desk"}', 'desk/package.json': pkg({ '@tauri-apps/api': '2' }) },
    parts: { Backend: ['`api/`'], Frontend: ['`web/`'], Mobile: ['`app/`'], Desktop: ['`desk/`'] },
  },
];

describe('projects with several parts', () => {
  for (const layout of layouts) {
    it(`${layout.name}: each part found in its folder, with commands that say where they run`, () => {
      const dir = repo(layout.files);
      const r = runCli(['init', dir, '--yes', '--ai', 'claude,codex']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Parts:$/m);
      const table = partsTable(read(dir, 'AGENTS.md'));
      expect(Object.keys(table).sort()).toEqual(Object.keys(layout.parts).sort());
      for (const [part, cells] of Object.entries(layout.parts)) expect(table[part].slice(0, cells.length), part).toEqual(cells);
      expectPlacesExist(dir, Object.values(table).flat());
      for (const part of Object.keys(layout.parts)) expect(exists(dir, `.claude/commands/${part.toLowerCase()}-flow-build.md`)).toBe(true);
      expect(exists(dir, '.claude/commands/flow-build.md')).toBe(false);
      expect(exists(dir, '.claude/commands/flow-work.md')).toBe(true);
      const doctor = runCli(['doctor', dir]);
      expect(doctor.code, doctor.stdout).toBe(0);
    });
  }

  it('--part-dir puts a part where detection did not, and reads its stack there', () => {
    const dir = repo({ 'services/billing/go.mod': gin, 'ui/package.json': pkg({ react: '19' }, { test: 'vitest' }) });
    const r = runCli(['init', dir, '--yes', '--type', 'backend,frontend', '--part-dir', 'backend=services/billing', '--part-dir', 'frontend=ui', '--ai', 'claude']);
    expect(r.code, r.stderr).toBe(0);
    const table = partsTable(read(dir, 'AGENTS.md'));
    expect(table.Backend[2]).toBe('`cd services/billing && go test ./...`');
    expect(table.Frontend[2]).toBe('`cd ui && npm test`');
    expect(exists(dir, '.claude/commands/backend-flow-docs-sync.md')).toBe(true);
  });

  it('an installation made with type fullstack (schema 1) is migrated by update with no change to the files', () => {
    const dir = tmpDir();
    write(dir, 'README.md', '# Mine\n');
    expect(runCli(['init', dir, '--yes', '--type', 'fullstack', '--part-dir', 'backend=.,frontend=.', '--ai', 'claude']).code).toBe(0);
    const config = JSON.parse(read(dir, '.ai-flow/ai-flow.json'));
    const { parts, language: _language, ...rest } = config;
    write(dir, '.ai-flow/ai-flow.json', `${JSON.stringify({ ...rest, schemaVersion: 1, type: 'fullstack', stack: parts[0].stack }, null, 2)}\n`);
    const before = snapshot(dir);
    const r = runCli(['update', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(changedPaths(before, snapshot(dir))).toEqual(['.ai-flow/ai-flow.json']);
    expect(JSON.parse(read(dir, '.ai-flow/ai-flow.json'))).toMatchObject({ schemaVersion: 2, parts: [{ type: 'backend', dir: '.' }, { type: 'frontend', dir: '.' }] });
    expect(runCli(['update', dir, '--check']).code).toBe(0);
  });

  it('an empty folder is not silently a backend project: init says so', () => {
    const r = runCli(['init', tmpDir(), '--yes', '--ai', 'claude']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no framework found .* pass --type/);
  });
});
