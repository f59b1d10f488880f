import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProject } from '../../src/interview/detect.js';
import { repoWith } from '../helpers.js';
import { EMPTY_STACK } from '../../src/types.js';

const repo = (files: Record<string, string>): string => repoWith(files, 'ai-flow-detect-');

const pkg = (deps: Record<string, string>, extra: object = {}) => JSON.stringify({ name: 'x', dependencies: deps, ...extra });

/** The detected parts as "type@dir". */
const partsOf = (d: ReturnType<typeof detectProject>) => d.parts.map((p) => `${p.type}@${p.dir}`);
const one = (d: ReturnType<typeof detectProject>) => {
  expect(d.parts).toHaveLength(1);
  return d.parts[0];
};

describe('project detection', () => {
  it('finds a TypeScript Express backend with pnpm and its scripts', () => {
    const d = detectProject(repo({
      'package.json': pkg({ express: '5' }, { devDependencies: { typescript: '5' }, scripts: { build: 'tsc', test: 'vitest', lint: 'eslint .' } }),
      'pnpm-lock.yaml': '',
    }));
    expect(partsOf(d)).toEqual(['backend@.']);
    expect(one(d).stack).toEqual({ language: 'TypeScript', framework: 'Express', packageManager: 'pnpm', buildCommand: 'pnpm run build', testCommand: 'pnpm test', lintCommand: 'pnpm run lint' });
    expect(d.name).toBe('x');
  });

  it('classifies web, mobile and desktop frameworks; a build tool shows next to its UI library', () => {
    expect(partsOf(detectProject(repo({ 'package.json': pkg({ next: '15', react: '19' }) })))).toEqual(['frontend@.']);
    expect(one(detectProject(repo({ 'package.json': pkg({ react: '19', vite: '7' }) }))).stack.framework).toBe('React + Vite');
    expect(partsOf(detectProject(repo({ 'package.json': pkg({ 'react-native': '0.80', react: '19', expo: '54' }) })))).toEqual(['mobile@.']);
    expect(one(detectProject(repo({ 'package.json': pkg({ electron: '38', react: '19' }) }))).stack.framework).toBe('Electron');
    expect(partsOf(detectProject(repo({ 'pubspec.yaml': 'name: app\ndependencies:\n  flutter:\n    sdk: flutter\n' })))).toEqual(['mobile@.']);
  });

  it('names a Tauri app by its productName and tests its Rust side too', () => {
    const d = detectProject(repo({ 'src-tauri/tauri.conf.json': JSON.stringify({ productName: 'Notes Desk' }), 'package.json': pkg({ svelte: '5' }, { scripts: { test: 'vitest' } }) }));
    expect(partsOf(d)).toEqual(['desktop@.']);
    expect(d.name).toBe('Notes Desk');
    expect(one(d).stack.testCommand).toBe('npm test && cargo test --manifest-path src-tauri/Cargo.toml');
  });

  it('finds each part of npm workspaces and gives their commands in the workspace form', () => {
    const d = detectProject(repo({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['client', 'server'] }),
      'client/package.json': pkg({ react: '19', vite: '7' }, { scripts: { build: 'vite build', test: 'vitest' } }),
      'server/package.json': pkg({ fastify: '5' }, { scripts: { test: 'node --test' } }),
    }));
    expect(partsOf(d)).toEqual(['backend@server', 'frontend@client']);
    expect(d.parts[0].stack.testCommand).toBe('npm test -w server');
    expect(d.parts[1].stack).toMatchObject({ framework: 'React + Vite', buildCommand: 'npm run build -w client' });
    expect(d.name).toBe('shop');
  });

  it('finds pnpm workspace globs and uses the filter form', () => {
    const d = detectProject(repo({
      'package.json': JSON.stringify({ name: 'mono', packageManager: 'pnpm@10.0.0' }),
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - services/*\n',
      'apps/web/package.json': pkg({ next: '15' }, { scripts: { build: 'next build' } }),
      'apps/mobile/package.json': pkg({ expo: '54', 'react-native': '0.80' }, { scripts: { test: 'jest' } }),
      'services/api/package.json': pkg({ '@nestjs/core': '11' }, { scripts: { test: 'jest' } }),
    }));
    expect(partsOf(d)).toEqual(['backend@services/api', 'frontend@apps/web', 'mobile@apps/mobile']);
    expect(d.parts[0].stack.testCommand).toBe('pnpm --filter ./services/api test');
    expect(d.parts[1].stack.buildCommand).toBe('pnpm --filter ./apps/web run build');
  });

  it('runs other ecosystems inside their folder: Go server, Vue web, Django backend', () => {
    const go = detectProject(repo({ 'server/go.mod': 'module example.com/api\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n', 'web/package.json': pkg({ vue: '3' }, { scripts: { build: 'vite build' } }) }));
    expect(partsOf(go)).toEqual(['backend@server', 'frontend@web']);
    expect(go.parts[0].stack).toMatchObject({ language: 'Go', testCommand: 'cd server && go test ./...' });
    expect(go.parts[1].stack.buildCommand).toBe('cd web && npm run build');
    const dj = detectProject(repo({ 'backend/pyproject.toml': '[project]\nname = "api"\ndependencies = ["django>=5", "pytest"]\n', 'frontend/package.json': pkg({ vue: '3' }) }));
    expect(dj.parts.map((p) => [p.type, p.stack.packageManager])).toEqual([['backend', 'pip'], ['frontend', 'npm']]);
    expect(dj.parts[0].stack.testCommand).toBe('cd backend && pytest');
  });

  it('reads go.work and Cargo workspace members', () => {
    const gw = detectProject(repo({ 'go.work': 'go 1.23\n\nuse (\n\t./api\n\t./tools\n)\n', 'api/go.mod': 'module x/api\n\nrequire github.com/labstack/echo/v4 v4.12.0\n', 'tools/go.mod': 'module x/tools\n' }));
    expect(partsOf(gw)).toEqual(['backend@api']);
    const cargo = detectProject(repo({ 'Cargo.toml': '[workspace]\nmembers = ["crates/server"]\n', 'crates/server/Cargo.toml': '[package]\nname = "server"\ndescription = "The server"\n\n[dependencies]\naxum = "0.8"\n' }));
    expect(partsOf(cargo)).toEqual(['backend@crates/server']);
    expect(cargo.description).toBe('The server');
  });

  it('reads descriptions from pyproject ([project] and [tool.poetry]) and Cargo', () => {
    expect(detectProject(repo({ 'pyproject.toml': '[project]\nname = "svc"\ndescription = "Billing service"\ndependencies = ["fastapi"]\n' })).description).toBe('Billing service');
    expect(detectProject(repo({ 'pyproject.toml': '[tool.poetry]\nname = "svc"\ndescription = "Poetry svc"\n\n[tool.poetry.dependencies]\nflask = "^3"\n' })).description).toBe('Poetry svc');
    expect(detectProject(repo({ 'Cargo.toml': '[package]\nname = "r"\ndescription = "Rusty"\n\n[dependencies]\naxum = "0.8"\n' })).description).toBe('Rusty');
  });

  it('skips dependencies and build output, and looks two levels deep at most', () => {
    const d = detectProject(repo({ 'node_modules/x/package.json': pkg({ express: '5' }), 'dist/package.json': pkg({ react: '19' }), 'a/b/c/package.json': pkg({ vue: '3' }), 'a/b/package.json': pkg({ hono: '4' }) }));
    expect(partsOf(d)).toEqual(['backend@a/b']);
  });

  it('reads Python, Go, Rust, Java, Ruby, PHP, .NET manifests', () => {
    const py = detectProject(repo({ 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi>=0.115", "pytest", "ruff"]\n', 'uv.lock': '' }));
    expect(py.name).toBe('svc');
    expect(one(py)).toMatchObject({ type: 'backend', stack: { language: 'Python', framework: 'FastAPI', packageManager: 'uv', testCommand: 'uv run pytest', lintCommand: 'uv run ruff check .' } });
    const go = detectProject(repo({ 'go.mod': 'module example.com/api\n\ngo 1.23\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n)\n' }));
    expect(one(go)).toMatchObject({ type: 'backend', stack: { language: 'Go', framework: 'Gin', testCommand: 'go test ./...' } });
    const rust = detectProject(repo({ 'Cargo.toml': '[package]\nname = "r"\n\n[dependencies]\naxum = "0.8"\n' }));
    expect(one(rust).stack).toMatchObject({ language: 'Rust', framework: 'Axum', testCommand: 'cargo test' });
    const java = detectProject(repo({ 'pom.xml': '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent></project>', mvnw: '' }));
    expect(one(java).stack).toMatchObject({ language: 'Java', framework: 'Spring Boot', buildCommand: './mvnw -B package' });
    const ruby = detectProject(repo({ Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'rspec-rails'\n" }));
    expect(one(ruby).stack).toMatchObject({ framework: 'Ruby on Rails', testCommand: 'bundle exec rspec' });
    const php = detectProject(repo({ 'composer.json': JSON.stringify({ require: { 'laravel/framework': '^12' }, scripts: { test: 'phpunit' } }) }));
    expect(one(php).stack).toMatchObject({ language: 'PHP', framework: 'Laravel', testCommand: 'composer test' });
    const dotnet = detectProject(repo({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }));
    expect(dotnet.name).toBe('Api');
    expect(one(dotnet)).toMatchObject({ type: 'backend', stack: { language: 'C#', framework: 'ASP.NET Core' } });
    const wpf = detectProject(repo({ 'App.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><UseWPF>true</UseWPF></PropertyGroup></Project>' }));
    expect(one(wpf)).toMatchObject({ type: 'desktop', stack: { framework: 'WPF' } });
  });

  it('finds AI tools already used in the repo', () => {
    expect(detectProject(repo({ 'CLAUDE.md': '', '.cursor/rules/x.mdc': '', '.github/copilot-instructions.md': '' })).tools).toEqual(['claude', 'cursor', 'copilot']);
  });

  it('falls back to the folder name and no parts in an empty folder', () => {
    const dir = repo({});
    const d = detectProject(dir);
    expect(d).toMatchObject({ name: path.basename(dir), parts: [], tools: [] });
    expect(d.stackAt('.', 'backend')).toEqual(EMPTY_STACK);
  });

  it('survives a broken package.json', () => {
    expect(detectProject(repo({ 'package.json': '{ not json' })).parts).toEqual([]);
  });
});
