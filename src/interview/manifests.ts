import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isRecord } from '../core/state.js';
import { formatBytes, readRegularFile } from '../core/fs-safe.js';
import { decodeText } from '../core/text.js';

/** Manifests are small; a larger one is not read (and said so). */
const MAX_MANIFEST = 1024 * 1024;

/** Where detection reports a manifest it would not read. */
let warn: (message: string) => void = () => undefined;

export function onManifestWarning(fn: (message: string) => void): void {
  warn = fn;
}

/** What one manifest file says about the project it sits in. */
export interface ManifestFacts {
  file: string;
  language: string;
  packageManager: string;
  name?: string;
  description?: string;
  /** Dependency identifiers, matched against FRAMEWORK_SIGNALS. */
  deps: string[];
  /** package.json: the names of the scripts it defines (build, test, lint …). */
  scripts?: string[];
  /** Workspace members it declares (globs, relative to its folder): npm/yarn/pnpm, Cargo, go.work. */
  workspaces?: string[];
  buildCommand: string;
  testCommand: string;
  lintCommand: string;
}

type Reader = (dir: string) => ManifestFacts | null;

/** Reads only files at known paths: detection never walks the tree (fast in huge repos). */
export function readManifests(dir: string): ManifestFacts[] {
  const readers: Reader[] = [readPackageJson, readPyproject, readRequirements, readGoMod, readCargo, readPom, readGradle, readGemfile, readComposer, readCsproj, readPubspec, readTauri, readWails];
  return readers.map((r) => r(dir)).filter((f): f is ManifestFacts => f !== null);
}

/** A manifest's text; only regular UTF-8 files under the size limit, never through a link. */
function text(dir: string, file: string): string | null {
  try {
    const data = readRegularFile(path.join(dir, file), MAX_MANIFEST);
    if (data === null) return null;
    const decoded = decodeText(data);
    if (!decoded) warn(`${file} is not UTF-8 text; not read`);
    return decoded?.text ?? null;
  } catch (err) {
    const why = err instanceof Error && /regular file|larger/.test(err.message) ? err.message : `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    warn(`${file} ${why.replace(String(MAX_MANIFEST), formatBytes(MAX_MANIFEST))}; not read`);
    return null;
  }
}

const has = (dir: string, file: string): boolean => existsSync(path.join(dir, file));

function facts(file: string, language: string, packageManager: string, rest: Partial<ManifestFacts>): ManifestFacts {
  return { file, language, packageManager, deps: [], buildCommand: '', testCommand: '', lintCommand: '', ...rest };
}

function readPackageJson(dir: string): ManifestFacts | null {
  const raw = text(dir, 'package.json');
  if (raw === null) return null;
  let pkg: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    pkg = isRecord(parsed) ? parsed : {};
  } catch {
    return null;
  }
  const deps = [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies].flatMap((d) => (isRecord(d) ? Object.keys(d) : []));
  const pm = nodePackageManager(dir, pkg.packageManager);
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  const run = (name: string): string => (typeof scripts[name] === 'string' ? (name === 'test' && pm !== 'bun' ? `${pm} test` : `${pm} run ${name}`) : '');
  const ws = Array.isArray(pkg.workspaces) ? pkg.workspaces : isRecord(pkg.workspaces) && Array.isArray(pkg.workspaces.packages) ? pkg.workspaces.packages : [];
  const pnpmWs = text(dir, 'pnpm-workspace.yaml');
  const pnpmMembers = pnpmWs ? [...pnpmWs.matchAll(/^\s*-\s*["']?([^"'\s#]+)["']?/gm)].map((m) => m[1]).filter((g) => !g.startsWith('!')) : [];
  return facts('package.json', deps.includes('typescript') || has(dir, 'tsconfig.json') ? 'TypeScript' : 'JavaScript', pm, {
    name: typeof pkg.name === 'string' ? pkg.name : undefined,
    description: typeof pkg.description === 'string' ? pkg.description : undefined,
    deps,
    scripts: Object.keys(scripts).filter((k) => typeof scripts[k] === 'string'),
    workspaces: [...ws.filter((w): w is string => typeof w === 'string'), ...pnpmMembers],
    buildCommand: run('build'),
    testCommand: run('test'),
    lintCommand: run('lint'),
  });
}

function nodePackageManager(dir: string, field: unknown): string {
  if (typeof field === 'string') {
    const name = field.split('@')[0];
    if (['npm', 'pnpm', 'yarn', 'bun'].includes(name)) return name;
  }
  if (has(dir, 'pnpm-lock.yaml')) return 'pnpm';
  if (has(dir, 'yarn.lock')) return 'yarn';
  if (has(dir, 'bun.lockb') || has(dir, 'bun.lock')) return 'bun';
  return 'npm';
}

function readPyproject(dir: string): ManifestFacts | null {
  const raw = text(dir, 'pyproject.toml');
  if (raw === null) return null;
  const pm = has(dir, 'uv.lock') ? 'uv' : /\[tool\.poetry\]/.test(raw) || has(dir, 'poetry.lock') ? 'poetry' : has(dir, 'pdm.lock') ? 'pdm' : 'pip';
  const prefix = pm === 'pip' ? '' : `${pm} run `;
  // Quoted requirement strings (PEP 621 arrays) and bare keys (Poetry tables).
  const quoted = [...raw.matchAll(/["']([A-Za-z0-9_.-]+)\s*(?:[<>=~!;\[ ]|["'])/g)].map((m) => m[1]);
  const keys = [...raw.matchAll(/^\s*([A-Za-z0-9_.-]+)\s*=/gm)].map((m) => m[1]);
  const deps = [...quoted, ...keys].map((d) => d.toLowerCase());
  const table = tomlTable(raw, 'project') ?? tomlTable(raw, 'tool.poetry') ?? '';
  return facts('pyproject.toml', 'Python', pm, {
    name: tomlString(table, 'name'),
    description: tomlString(table, 'description'),
    deps,
    testCommand: /pytest/.test(raw) ? `${prefix}pytest` : '',
    lintCommand: /\bruff\b/.test(raw) ? `${prefix}ruff check .` : '',
  });
}

function readRequirements(dir: string): ManifestFacts | null {
  if (has(dir, 'pyproject.toml')) return null;
  const raw = text(dir, 'requirements.txt');
  if (raw === null) return null;
  const deps = raw.split('\n').map((l) => /^\s*([A-Za-z0-9_.-]+)/.exec(l)?.[1]?.toLowerCase() ?? '').filter(Boolean);
  return facts('requirements.txt', 'Python', 'pip', { deps, testCommand: deps.includes('pytest') ? 'pytest' : '', lintCommand: deps.includes('ruff') ? 'ruff check .' : '' });
}

function readGoMod(dir: string): ManifestFacts | null {
  const raw = text(dir, 'go.mod');
  if (raw === null) return null;
  const deps = [...raw.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v/gm)].map((m) => m[1]);
  const golangci = has(dir, '.golangci.yml') || has(dir, '.golangci.yaml');
  return facts('go.mod', 'Go', 'go modules', {
    name: /^module\s+(\S+)/m.exec(raw)?.[1]?.split('/').pop(),
    deps,
    buildCommand: 'go build ./...',
    testCommand: 'go test ./...',
    lintCommand: golangci ? 'golangci-lint run' : 'go vet ./...',
  });
}

function readCargo(dir: string): ManifestFacts | null {
  const raw = text(dir, 'Cargo.toml');
  if (raw === null) return null;
  const deps = [...raw.matchAll(/^\s*([A-Za-z0-9_-]+)\s*=/gm)].map((m) => m[1]);
  const pkg = tomlTable(raw, 'package') ?? '';
  const members = /members\s*=\s*\[([^\]]*)\]/.exec(tomlTable(raw, 'workspace') ?? '')?.[1] ?? '';
  return facts('Cargo.toml', 'Rust', 'cargo', {
    name: tomlString(pkg, 'name'),
    description: tomlString(pkg, 'description'),
    workspaces: [...members.matchAll(/"([^"]+)"/g)].map((m) => m[1]),
    deps,
    buildCommand: 'cargo build',
    testCommand: 'cargo test',
    lintCommand: 'cargo clippy --all-targets -- -D warnings',
  });
}

function readPom(dir: string): ManifestFacts | null {
  const raw = text(dir, 'pom.xml');
  if (raw === null) return null;
  const deps = [...raw.matchAll(/<groupId>([^<]+)<\/groupId>\s*<artifactId>([^<]+)<\/artifactId>/g)].map((m) => `${m[1]}:${m[2]}`);
  const mvn = has(dir, 'mvnw') ? './mvnw' : 'mvn';
  return facts('pom.xml', /kotlin-maven-plugin/.test(raw) ? 'Kotlin' : 'Java', 'maven', {
    deps,
    buildCommand: `${mvn} -B package`,
    testCommand: `${mvn} -B test`,
  });
}

function readGradle(dir: string): ManifestFacts | null {
  const file = has(dir, 'build.gradle.kts') ? 'build.gradle.kts' : has(dir, 'build.gradle') ? 'build.gradle' : null;
  const appFile = file ?? (has(dir, 'app/build.gradle.kts') ? 'app/build.gradle.kts' : has(dir, 'app/build.gradle') ? 'app/build.gradle' : null);
  if (!appFile) return null;
  const raw = [text(dir, appFile), text(dir, 'app/build.gradle.kts'), text(dir, 'app/build.gradle')].filter(Boolean).join('\n');
  const deps = [...raw.matchAll(/["']([a-zA-Z0-9_.-]+:[a-zA-Z0-9_.-]+)(?::[^"']*)?["']/g)].map((m) => m[1]);
  if (/org\.springframework\.boot/.test(raw)) deps.push('org.springframework.boot:plugin');
  const android = /com\.android\.application/.test(raw);
  const gradle = has(dir, 'gradlew') ? './gradlew' : 'gradle';
  return facts(appFile, appFile.endsWith('.kts') || /kotlin/.test(raw) ? 'Kotlin' : 'Java', 'gradle', {
    deps: android ? [...deps, 'android-app'] : deps,
    buildCommand: `${gradle} build`,
    testCommand: `${gradle} test`,
    lintCommand: android ? `${gradle} lint` : '',
  });
}

function readGemfile(dir: string): ManifestFacts | null {
  const raw = text(dir, 'Gemfile');
  if (raw === null) return null;
  const deps = [...raw.matchAll(/^\s*gem\s+["']([^"']+)["']/gm)].map((m) => m[1]);
  return facts('Gemfile', 'Ruby', 'bundler', {
    deps,
    testCommand: deps.includes('rspec-rails') || deps.includes('rspec') ? 'bundle exec rspec' : 'bundle exec rake test',
    lintCommand: deps.some((d) => d.startsWith('rubocop')) ? 'bundle exec rubocop' : '',
  });
}

function readComposer(dir: string): ManifestFacts | null {
  const raw = text(dir, 'composer.json');
  if (raw === null) return null;
  let pkg: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isRecord(parsed)) pkg = parsed;
  } catch {
    return null;
  }
  const deps = [pkg.require, pkg['require-dev']].flatMap((d) => (isRecord(d) ? Object.keys(d) : []));
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  return facts('composer.json', 'PHP', 'composer', {
    name: typeof pkg.name === 'string' ? pkg.name : undefined,
    description: typeof pkg.description === 'string' ? pkg.description : undefined,
    deps,
    testCommand: 'test' in scripts ? 'composer test' : deps.includes('phpunit/phpunit') ? 'vendor/bin/phpunit' : '',
    lintCommand: 'lint' in scripts ? 'composer lint' : '',
  });
}

function readCsproj(dir: string): ManifestFacts | null {
  let file: string | undefined;
  try {
    file = readdirSync(dir).find((f) => f.endsWith('.csproj'));
  } catch {
    return null;
  }
  if (!file) return null;
  const raw = text(dir, file) ?? '';
  const deps = [...raw.matchAll(/PackageReference\s+Include="([^"]+)"/g)].map((m) => m[1]);
  const sdk = /<Project\s+Sdk="([^"]+)"/.exec(raw)?.[1];
  if (sdk) deps.push(sdk);
  for (const [flag, id] of [['UseWPF', 'dotnet:wpf'], ['UseWinUI', 'dotnet:winui'], ['UseWindowsForms', 'dotnet:winforms'], ['UseMaui', 'dotnet:maui']]) {
    if (new RegExp(`<${flag}>true`, 'i').test(raw)) deps.push(id);
  }
  return facts(file, 'C#', 'dotnet', {
    name: file.replace(/\.csproj$/, ''),
    deps,
    buildCommand: 'dotnet build',
    testCommand: 'dotnet test',
    lintCommand: 'dotnet format --verify-no-changes',
  });
}

function readPubspec(dir: string): ManifestFacts | null {
  const raw = text(dir, 'pubspec.yaml');
  if (raw === null) return null;
  const flutter = /^\s+flutter:\s*\n\s+sdk:\s*flutter/m.test(raw);
  return facts('pubspec.yaml', 'Dart', flutter ? 'flutter pub' : 'dart pub', {
    name: /^name:\s*(\S+)/m.exec(raw)?.[1],
    description: /^description:\s*"?([^"\n]+)"?/m.exec(raw)?.[1],
    deps: flutter ? ['flutter'] : [],
    testCommand: flutter ? 'flutter test' : 'dart test',
    lintCommand: flutter ? 'flutter analyze' : 'dart analyze',
  });
}

function readTauri(dir: string): ManifestFacts | null {
  const raw = text(dir, 'src-tauri/tauri.conf.json');
  if (raw === null) return null;
  let conf: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isRecord(parsed)) conf = parsed;
  } catch {
    // Tauri also accepts JSON5; the product name is then simply not read.
  }
  // Tauri 2 keeps productName at the top; Tauri 1 under "package".
  const productName = typeof conf.productName === 'string' ? conf.productName : isRecord(conf.package) && typeof conf.package.productName === 'string' ? conf.package.productName : undefined;
  return facts('src-tauri/tauri.conf.json', 'Rust', 'cargo', {
    name: productName,
    deps: ['tauri'],
    testCommand: 'cargo test --manifest-path src-tauri/Cargo.toml',
    lintCommand: 'cargo clippy --manifest-path src-tauri/Cargo.toml',
  });
}

/** The text of a `[name]` table of a TOML file, up to the next table header; null when absent. */
function tomlTable(raw: string, name: string): string | null {
  const header = new RegExp(`^\\[${name.replace(/\./g, '\\.')}\\]\\s*$`, 'm').exec(raw);
  if (!header) return null;
  const rest = raw.slice(header.index + header[0].length);
  const next = /^\[/m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** A basic string value `key = "…"` of a TOML table. */
function tomlString(table: string, key: string): string | undefined {
  return new RegExp(`^\\s*${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(table)?.[1];
}

function readWails(dir: string): ManifestFacts | null {
  if (!has(dir, 'wails.json')) return null;
  return facts('wails.json', 'Go', 'go modules', { deps: ['github.com/wailsapp/wails/v2'], buildCommand: 'wails build' });
}
