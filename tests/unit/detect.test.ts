import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProject } from '../../src/interview/detect.js';
import { tmpDir } from '../helpers.js';

function repo(files: Record<string, string>): string {
  const dir = tmpDir('ai-flow-detect-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const pkg = (deps: Record<string, string>, extra: object = {}) => JSON.stringify({ name: 'x', dependencies: deps, ...extra });

describe('project detection', () => {
  it('finds a TypeScript Express backend with pnpm and its scripts', () => {
    const d = detectProject(repo({
      'package.json': pkg({ express: '5' }, { devDependencies: { typescript: '5' }, scripts: { build: 'tsc', test: 'vitest', lint: 'eslint .' } }),
      'pnpm-lock.yaml': '',
    }));
    expect(d.type).toBe('backend');
    expect(d.stack).toEqual({ language: 'TypeScript', framework: 'Express', packageManager: 'pnpm', buildCommand: 'pnpm run build', testCommand: 'pnpm test', lintCommand: 'pnpm run lint' });
    expect(d.name).toBe('x');
  });

  it('classifies web, mobile and desktop frameworks', () => {
    expect(detectProject(repo({ 'package.json': pkg({ next: '15', react: '19' }) })).type).toBe('frontend');
    expect(detectProject(repo({ 'package.json': pkg({ 'react-native': '0.80', react: '19', expo: '54' }) })).type).toBe('mobile');
    expect(detectProject(repo({ 'package.json': pkg({ electron: '38', react: '19' }) })).stack.framework).toBe('Electron');
    expect(detectProject(repo({ 'pubspec.yaml': 'name: app\ndependencies:\n  flutter:\n    sdk: flutter\n' })).type).toBe('mobile');
    expect(detectProject(repo({ 'src-tauri/tauri.conf.json': '{}', 'package.json': pkg({ svelte: '5' }) })).type).toBe('desktop');
  });

  it('calls a repo with a front end and a back end fullstack', () => {
    const d = detectProject(repo({ 'client/package.json': pkg({ react: '19' }), 'server/package.json': pkg({ fastify: '5' }) }));
    expect(d.type).toBe('fullstack');
    expect(d.stack.framework).toBe('Fastify + React');
  });

  it('reads Python, Go, Rust, Java, Ruby, PHP, .NET manifests', () => {
    const py = detectProject(repo({ 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi>=0.115", "pytest", "ruff"]\n', 'uv.lock': '' }));
    expect(py).toMatchObject({ type: 'backend', name: 'svc', stack: { language: 'Python', framework: 'FastAPI', packageManager: 'uv', testCommand: 'uv run pytest', lintCommand: 'uv run ruff check .' } });
    const go = detectProject(repo({ 'go.mod': 'module example.com/api\n\ngo 1.23\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n)\n' }));
    expect(go).toMatchObject({ type: 'backend', stack: { language: 'Go', framework: 'Gin', testCommand: 'go test ./...' } });
    const rust = detectProject(repo({ 'Cargo.toml': '[package]\nname = "r"\n\n[dependencies]\naxum = "0.8"\n' }));
    expect(rust.stack).toMatchObject({ language: 'Rust', framework: 'Axum', testCommand: 'cargo test' });
    const java = detectProject(repo({ 'pom.xml': '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent></project>', mvnw: '' }));
    expect(java.stack).toMatchObject({ language: 'Java', framework: 'Spring Boot', buildCommand: './mvnw -B package' });
    const ruby = detectProject(repo({ Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'rspec-rails'\n" }));
    expect(ruby.stack).toMatchObject({ framework: 'Ruby on Rails', testCommand: 'bundle exec rspec' });
    const php = detectProject(repo({ 'composer.json': JSON.stringify({ require: { 'laravel/framework': '^12' }, scripts: { test: 'phpunit' } }) }));
    expect(php.stack).toMatchObject({ language: 'PHP', framework: 'Laravel', testCommand: 'composer test' });
    const dotnet = detectProject(repo({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' }));
    expect(dotnet).toMatchObject({ type: 'backend', name: 'Api', stack: { language: 'C#', framework: 'ASP.NET Core' } });
    const wpf = detectProject(repo({ 'App.csproj': '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><UseWPF>true</UseWPF></PropertyGroup></Project>' }));
    expect(wpf).toMatchObject({ type: 'desktop', stack: { framework: 'WPF' } });
  });

  it('finds AI tools already used in the repo', () => {
    expect(detectProject(repo({ 'CLAUDE.md': '', '.cursor/rules/x.mdc': '', '.github/copilot-instructions.md': '' })).tools).toEqual(['claude', 'cursor', 'copilot']);
  });

  it('falls back to the folder name and unknown stack in an empty folder', () => {
    const dir = repo({});
    const d = detectProject(dir);
    expect(d).toMatchObject({ name: path.basename(dir), type: null, tools: [], stack: { language: '', testCommand: '' } });
  });

  it('survives a broken package.json', () => {
    expect(detectProject(repo({ 'package.json': '{ not json' })).type).toBeNull();
  });
});
