import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PackType, StackFacts } from '../types.js';
import { EMPTY_STACK, PACK_TYPES, TYPE_LABELS } from '../types.js';
import { TOOLS } from '../tools/registry.js';
import { checkLine, LIMITS, shown } from '../values.js';
import { FRAMEWORK_SIGNALS } from './detect-tables.js';
import type { ManifestFacts } from './manifests.js';
import { onManifestWarning, readManifests } from './manifests.js';
import { candidateDirs } from './workspaces.js';

/** A part found in the repository. */
export interface DetectedPart {
  type: PackType;
  dir: string;
  stack: StackFacts;
  /** Manifest files it was found from, relative to the root. */
  evidence: string[];
}

/** What ai-flow can tell about a repository before asking anything. */
export interface Detected {
  name: string;
  description: string;
  /** At most one per type, in PACK_TYPES order. */
  parts: DetectedPart[];
  tools: string[];
  /** The stack of a `type` part in `dir`: for a part the user puts somewhere detection did not. */
  stackAt(dir: string, type: PackType): StackFacts;
}

/**
 * Reads manifests at the root, in the members its workspaces declare, and in sub-folders up to
 * two levels that hold one (a bounded scan); each folder with framework signals is a part. Detected
 * values obey the same rules as typed ones: a value that does not is dropped and `warn` says so.
 */
export function detectProject(root: string, warn: (message: string) => void = () => undefined): Detected {
  onManifestWarning(warn);
  const cache = new Map<string, ManifestFacts[]>();
  const factsAt = (dir: string): ManifestFacts[] => {
    let facts = cache.get(dir);
    if (!facts) {
      facts = readManifests(dir === '.' ? root : path.join(root, dir));
      cache.set(dir, facts);
    }
    return facts;
  };
  const rootFacts = factsAt('.');
  const workspace = workspaceOf(rootFacts);
  const found: DetectedPart[] = [];
  for (const dir of ['.', ...candidateDirs(root, rootFacts)]) {
    for (const type of typesIn(factsAt(dir))) {
      const taken = found.find((p) => p.type === type);
      if (taken) {
        warn(`also found a ${type} part in ${dir === '.' ? 'the root' : `${dir}/`}; using ${taken.dir === '.' ? 'the root' : `${taken.dir}/`} (choose with --part-dir ${type}=${dir})`);
        continue;
      }
      found.push({ type, dir, stack: stackOf(factsAt(dir), dir, type, workspace), evidence: factsAt(dir).map((f) => (dir === '.' ? f.file : `${dir}/${f.file}`)) });
    }
  }
  const parts = PACK_TYPES.flatMap((t) => found.filter((p) => p.type === t)).map((p) => ({ ...p, stack: usableStack(p.stack, p.evidence[0] ?? p.dir, warn) }));
  const allFacts = [...cache.values()].flat();
  const named = allFacts.find((f) => f.file.endsWith('tauri.conf.json') && f.name) ?? rootFacts.find((f) => f.name) ?? (parts.length === 1 ? factsAt(parts[0].dir).find((f) => f.name) : undefined);
  const described = rootFacts.find((f) => f.description) ?? (parts.length === 1 ? factsAt(parts[0].dir).find((f) => f.description) : undefined);
  return {
    name: usable(named?.name, LIMITS.name, 'name', named?.file ?? '', warn) ?? fallbackName(root),
    description: usable(described?.description, LIMITS.description, 'description', described?.file ?? '', warn) ?? '',
    parts,
    tools: TOOLS.filter((t) => t.detect.some((p) => existsSync(path.join(root, p)))).map((t) => t.id),
    stackAt: (dir, type) => usableStack(stackOf(factsAt(dir), dir, type, workspace), dir, warn),
  };
}

/** The types a folder's manifests show. A mobile or desktop app pulls in web libraries: those win. */
function typesIn(facts: readonly ManifestFacts[]): PackType[] {
  const types = classify(facts).map((f) => f.type);
  if (types.includes('mobile')) return ['mobile'];
  if (types.includes('desktop')) return ['desktop'];
  return PACK_TYPES.filter((t) => types.includes(t));
}

interface Found {
  framework: string;
  type: PackType;
}

/** The framework signals present, in table priority, one per type. */
function classify(facts: readonly ManifestFacts[]): Found[] {
  const deps = new Set(facts.flatMap((f) => f.deps));
  const found: Found[] = [];
  for (const signal of FRAMEWORK_SIGNALS) {
    if (found.some((f) => f.type === signal.type)) continue;
    if ([...deps].some((d) => signal.match.test(d))) found.push({ framework: signal.framework, type: signal.type });
  }
  return found;
}

/** How the root runs its node workspaces, when it has them. */
interface Workspace {
  pm: string;
  hasNodeWorkspaces: boolean;
}

function workspaceOf(rootFacts: readonly ManifestFacts[]): Workspace {
  const pkg = rootFacts.find((f) => f.file === 'package.json');
  return { pm: pkg?.packageManager ?? 'npm', hasNodeWorkspaces: Boolean(pkg?.workspaces?.length) };
}

/** A part's stack; every command in the form that runs from the repository root. */
function stackOf(facts: readonly ManifestFacts[], dir: string, type: PackType, ws: Workspace): StackFacts {
  if (facts.length === 0) return { ...EMPTY_STACK };
  const own = classify(facts).filter((f) => f.type === type);
  const vite = facts.some((f) => f.deps.includes('vite')) && /^(React|Vue|Svelte|Preact|Solid)$/.test(own[0]?.framework ?? '');
  const node = facts.find((f) => f.file === 'package.json');
  const pm = node && dir !== '.' && ws.hasNodeWorkspaces ? ws.pm : (facts[0].packageManager);
  const command = (key: 'buildCommand' | 'testCommand' | 'lintCommand', script: string): string => {
    const fromNode = node?.scripts?.includes(script) ? nodeCommand(pm, script, dir, ws, node.name) : '';
    const others = facts.filter((f) => f.file !== 'package.json' && f[key]).map((f) => located(f[key], dir));
    return [...new Set([fromNode, ...others].filter(Boolean))].slice(0, key === 'testCommand' ? 2 : 1).join(' && ');
  };
  return {
    language: [...new Set(facts.map((f) => f.language))].join(', '),
    framework: own.length > 0 ? `${own[0].framework}${vite ? ' + Vite' : ''}` : '',
    packageManager: node ? pm : facts[0].packageManager,
    buildCommand: command('buildCommand', 'build'),
    testCommand: command('testCommand', 'test'),
    lintCommand: command('lintCommand', 'lint'),
  };
}

/** A package.json script as it runs from the root: the workspace form where the root has workspaces. */
function nodeCommand(pm: string, script: string, dir: string, ws: Workspace, name: string | undefined): string {
  const run = script === 'test' && pm !== 'bun' ? `${pm} test` : `${pm} run ${script}`;
  if (dir === '.') return run;
  if (ws.hasNodeWorkspaces && pm === 'npm') return `${run} -w ${dir}`;
  if (ws.hasNodeWorkspaces && pm === 'pnpm') return `pnpm --filter ./${dir} ${script === 'test' ? 'test' : `run ${script}`}`;
  if (ws.hasNodeWorkspaces && pm === 'yarn' && name && /^[@\w./-]+$/.test(name)) return `yarn workspace ${name} ${script === 'test' ? 'test' : `run ${script}`}`;
  return located(run, dir);
}

function located(cmd: string, dir: string): string {
  return dir === '.' ? cmd : `cd ${dir} && ${cmd}`;
}

function usable(value: string | undefined, max: number, what: string, file: string, warn: (m: string) => void): string | undefined {
  if (value === undefined) return undefined;
  const why = checkLine(value, max);
  if (why) warn(`ignoring the ${what} in ${file}: ${shown(value, 40)} ${why}`);
  return why ? undefined : value;
}

function usableStack(stack: StackFacts, from: string, warn: (m: string) => void): StackFacts {
  const out = { ...stack };
  for (const key of Object.keys(out) as (keyof StackFacts)[]) out[key] = usable(out[key], LIMITS.stack, key, from, warn) ?? '';
  return out;
}

/** The folder's name, when it is a usable project name; else a neutral one. */
function fallbackName(root: string): string {
  const name = path.basename(path.resolve(root));
  return checkLine(name, LIMITS.name) === null && name.trim() !== '' ? name : 'project';
}

/** "backend in server/ (Go)". */
export function describePart(p: { type: PackType; dir: string; stack: StackFacts }): string {
  const what = [p.stack.framework, p.stack.language].filter(Boolean).join(', ');
  return `${TYPE_LABELS[p.type].toLowerCase()} in ${p.dir === '.' ? 'the repository root' : `${p.dir}/`}${what ? ` (${what})` : ''}`;
}
