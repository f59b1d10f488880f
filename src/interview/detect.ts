import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PackType, ProjectType, StackFacts } from '../types.js';
import { EMPTY_STACK } from '../types.js';
import { TOOLS } from '../tools/registry.js';
import { FRAMEWORK_SIGNALS, PART_DIRS } from './detect-tables.js';
import type { ManifestFacts } from './manifests.js';
import { onManifestWarning, readManifests } from './manifests.js';
import { checkLine, LIMITS, shown } from '../values.js';

/** What ai-flow can tell about a repository before asking anything. */
export interface Detected {
  name: string;
  description: string;
  type: ProjectType | null;
  tools: string[];
  stack: StackFacts;
  /** Manifest files the facts came from, for the confirmation screen. */
  evidence: string[];
}

/**
 * Reads manifests at the root and in a few well-known sub-folders; never walks the tree.
 * Detected values obey the same rules as typed ones: a value that does not is dropped (the
 * default applies) and `warn` says so.
 */
export function detectProject(root: string, warn: (message: string) => void = () => undefined): Detected {
  onManifestWarning(warn);
  const rootFacts = readManifests(root);
  const partFacts = PART_DIRS.flatMap((d) => readManifests(path.join(root, d)).map((f) => ({ ...f, file: `${d}/${f.file}` })));
  const all = [...rootFacts, ...partFacts];
  const frameworks = classify(all);
  const primary = rootFacts[0] ?? partFacts[0];
  const usable = (value: string | undefined, max: number, what: string, file: string): string | undefined => {
    if (value === undefined) return undefined;
    const why = checkLine(value, max);
    if (why) warn(`ignoring the ${what} in ${file}: ${shown(value, 40)} ${why}`);
    return why ? undefined : value;
  };
  const named = rootFacts.find((f) => f.name);
  const described = rootFacts.find((f) => f.description);
  const stack = primary ? stackFrom(primary, all, frameworks) : { ...EMPTY_STACK };
  for (const key of Object.keys(stack) as (keyof StackFacts)[]) stack[key] = usable(stack[key], LIMITS.stack, key, 'the manifests') ?? '';
  return {
    name: usable(named?.name, LIMITS.name, 'name', named?.file ?? '') ?? fallbackName(root),
    description: usable(described?.description, LIMITS.description, 'description', described?.file ?? '') ?? '',
    type: projectType(frameworks.map((f) => f.type)),
    tools: TOOLS.filter((t) => t.detect.some((p) => existsSync(path.join(root, p)))).map((t) => t.id),
    stack,
    evidence: all.map((f) => f.file),
  };
}

/** The folder's name, when it is a usable project name; else a neutral one. */
function fallbackName(root: string): string {
  const name = path.basename(path.resolve(root));
  return checkLine(name, LIMITS.name) === null && name.trim() !== '' ? name : 'project';
}

interface Found {
  framework: string;
  type: PackType;
}

/** The framework signals present, in table priority, one per type. */
function classify(all: ManifestFacts[]): Found[] {
  const deps = new Set(all.flatMap((f) => f.deps));
  const found: Found[] = [];
  for (const signal of FRAMEWORK_SIGNALS) {
    if (found.some((f) => f.type === signal.type)) continue;
    if ([...deps].some((d) => signal.match.test(d))) found.push({ framework: signal.framework, type: signal.type });
  }
  return found;
}

function projectType(types: PackType[]): ProjectType | null {
  if (types.includes('mobile')) return 'mobile';
  if (types.includes('desktop')) return 'desktop';
  if (types.includes('backend') && types.includes('frontend')) return 'fullstack';
  return types[0] ?? null;
}

function stackFrom(primary: ManifestFacts, all: ManifestFacts[], frameworks: Found[]): StackFacts {
  const first = (key: 'buildCommand' | 'testCommand' | 'lintCommand'): string => primary[key] || (all.find((f) => f[key])?.[key] ?? '');
  const wanted = frameworks.filter((f) => !(frameworks.some((g) => g.type === 'mobile' || g.type === 'desktop') && f.type === 'frontend'));
  const languages = [...new Set(all.map((f) => f.language))];
  return {
    language: languages.join(', '),
    framework: wanted.map((f) => f.framework).join(' + '),
    packageManager: primary.packageManager,
    buildCommand: first('buildCommand'),
    testCommand: first('testCommand'),
    lintCommand: first('lintCommand'),
  };
}
