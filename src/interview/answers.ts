import type { Answers, PackType, Part, Scope, StackFacts } from '../types.js';
import { DEFAULT_LANGUAGE, sortParts, TYPE_LABELS, typesOf } from '../types.js';
import { UsageError } from '../errors.js';
import { DEFAULT_TOOLS, normalizeToolIds } from '../tools/registry.js';
import { normalizeDir } from '../values.js';
import type { Detected } from './detect.js';
import type { Prompter } from './prompter.js';
import {
  checkDescription, checkLanguage, checkName, checkPartDir, checkScope, checkStackValue, normalizeId, parsePartDirs, parseTools, parseTypes,
  SCOPE_CHOICES, TYPE_CHOICES, checkDelivery, toolChoices,
} from './questions.js';
import type { DeliveryPreference } from '../tools/types.js';

/** Answers given up front, by flags, an answers file or a saved config; each key may be missing. */
export interface GivenAnswers {
  name?: string;
  description?: string;
  types?: PackType[];
  dirs?: Partial<Record<PackType, string>>;
  stacks?: Partial<Record<PackType, Partial<StackFacts>>>;
  /** A stack given without naming its part: only for a project of one part. */
  stack?: Partial<StackFacts>;
  scope?: Scope;
  tools?: string[];
  delivery?: DeliveryPreference;
  language?: string;
}

export interface InitFlags {
  name?: string;
  description?: string;
  type?: string;
  partDir?: string[];
  scope?: string;
  ai?: string | string[];
  delivery?: string;
  language?: string;
}

/** Validates flags; a bad value is a UsageError naming the flag and the allowed values. */
export function answersFromFlags(flags: InitFlags): GivenAnswers {
  const out: GivenAnswers = {};
  const fail = (flag: string, why: string | null): void => {
    if (why) throw new UsageError(`--${flag}: ${why}`, `run \`ai-flow init --help\` for the allowed values`);
  };
  if (flags.name !== undefined) { fail('name', checkName(flags.name)); out.name = flags.name; }
  if (flags.description !== undefined) { fail('description', checkDescription(flags.description)); out.description = flags.description; }
  if (flags.type !== undefined) {
    const types = parseTypes(flags.type);
    if (typeof types === 'string') fail('type', types);
    else out.types = types;
  }
  if (flags.partDir !== undefined) {
    const dirs = parsePartDirs(flags.partDir, out.types);
    if (typeof dirs === 'string') fail('part-dir', dirs);
    else out.dirs = dirs;
  }
  if (flags.scope !== undefined) { fail('scope', checkScope(flags.scope)); out.scope = normalizeId(flags.scope) as Scope; }
  if (flags.ai !== undefined) {
    const tools = parseTools(flags.ai);
    if (typeof tools === 'string') fail('ai', tools);
    else out.tools = tools;
  }
  if (flags.language !== undefined) { fail('language', checkLanguage(flags.language)); out.language = flags.language.trim(); }
  if (flags.delivery !== undefined) { fail('delivery', checkDelivery(flags.delivery)); out.delivery = normalizeId(flags.delivery) as DeliveryPreference; }
  return out;
}

/** The saved answers of an installation, as given answers (init --force starts from them). */
export function givenFromAnswers(a: Answers): GivenAnswers {
  return {
    name: a.name,
    description: a.description,
    types: typesOf(a.parts),
    dirs: Object.fromEntries(a.parts.map((p) => [p.type, p.dir])),
    stacks: Object.fromEntries(a.parts.map((p) => [p.type, p.stack])),
    scope: a.scope,
    tools: a.tools,
    delivery: a.delivery,
    language: a.language,
  };
}

/** Merges answer sources: earlier wins (flags, then file, then saved). */
export function mergeGiven(...sources: GivenAnswers[]): GivenAnswers {
  const out: GivenAnswers = {};
  for (const s of [...sources].reverse()) Object.assign(out, Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)));
  const later = [...sources].reverse();
  out.dirs = Object.assign({}, ...later.map((s) => s.dirs ?? {}));
  out.stacks = {};
  for (const s of later) for (const [t, st] of Object.entries(s.stacks ?? {})) out.stacks[t as PackType] = { ...out.stacks[t as PackType], ...st };
  out.stack = Object.assign({}, ...later.map((s) => s.stack ?? {}));
  return out;
}

/**
 * Completes the answers. Given values are never asked again; with a prompter the rest is asked
 * with the detected value as default; without one, detected values then defaults apply.
 */
export async function completeAnswers(given: GivenAnswers, detected: Detected, prompter: Prompter | null, warn: (m: string) => void): Promise<Answers> {
  const ask = <T>(value: T | undefined, question: () => Promise<T>, fallback: T): Promise<T> | T => (value !== undefined ? value : prompter ? question() : fallback);
  const name = await ask(given.name, () => prompter!.input({ message: 'Project name', default: detected.name, validate: checkName }), detected.name);
  const description = await ask(given.description, () => prompter!.input({ message: 'One-line description (optional)', default: detected.description, validate: checkDescription }), detected.description);
  const parts = await askParts(given, detected, prompter, warn);
  const detectedTools = detected.tools.length > 0 ? detected.tools : [...DEFAULT_TOOLS];
  // The picker lists found tools first and the rest grouped: saved answers keep table order.
  const tools = normalizeToolIds(await ask(given.tools, () => prompter!.checkbox({
    message: 'AI tools to install for (space to toggle)',
    choices: toolChoices(detected.tools, detectedTools),
    validate: (v) => (v.length === 0 ? 'choose at least one tool' : null),
  }), detectedTools));
  const scope = await ask(given.scope, async () => (await prompter!.select({ message: 'Scope', choices: SCOPE_CHOICES, default: 'production' })) as Scope, 'production');
  const language = await ask(given.language, async () => (await prompter!.input({ message: 'Language of the project documents', default: DEFAULT_LANGUAGE, validate: checkLanguage })).trim(), DEFAULT_LANGUAGE);
  return { name, description, parts: prompter ? await confirmStacks(parts, given, prompter) : parts, scope, tools, delivery: given.delivery ?? 'auto', language };
}

/** The parts: their types, each one's folder and its stack (detected where it is, given values on top). */
async function askParts(given: GivenAnswers, detected: Detected, prompter: Prompter | null, warn: (m: string) => void): Promise<Part[]> {
  const detectedTypes = detected.parts.map((p) => p.type);
  let types = given.types;
  if (!types && prompter) {
    types = (await prompter.checkbox({
      message: 'Project parts (space to toggle; a repository may have several)',
      choices: TYPE_CHOICES.map((c) => ({ ...c, checked: detectedTypes.includes(c.value as PackType) })),
      validate: (v) => (v.length === 0 ? 'choose at least one type' : null),
    })) as PackType[];
  }
  if (!types || types.length === 0) {
    types = detectedTypes.length > 0 ? detectedTypes : ['backend'];
    if (detectedTypes.length === 0) warn('no framework found in the manifests; installing for a backend project — pass --type to choose (backend, frontend, mobile, desktop)');
  }
  const chosen = sortParts(types.map((type) => ({ type })));
  if (Object.keys(given.stack ?? {}).length > 0 && chosen.length > 1) {
    throw new UsageError('the answers file has "stack" but the project has several parts', 'give each part its stack in "parts": [{"type": …, "dir": …, "stack": {…}}]');
  }
  const parts: Part[] = [];
  for (const { type } of chosen) {
    const found = detected.parts.find((p) => p.type === type);
    let dir = given.dirs?.[type] ?? found?.dir ?? '.';
    if (prompter && chosen.length > 1 && given.dirs?.[type] === undefined) {
      dir = normalizeDir(await prompter.input({ message: `Folder of the ${TYPE_LABELS[type].toLowerCase()} part (relative to the repository root; . for the root)`, default: dir, validate: checkPartDir }));
    }
    const base = found && found.dir === dir ? found.stack : detected.stackAt(dir, type);
    parts.push({ type, dir, stack: { ...base, ...(chosen.length === 1 ? given.stack : {}), ...given.stacks?.[type] } });
  }
  return parts;
}

const STACK_LABELS: Record<keyof StackFacts, string> = {
  language: 'Language',
  framework: 'Framework',
  packageManager: 'Package manager',
  buildCommand: 'Build command',
  testCommand: 'Test command',
  lintCommand: 'Lint command',
};

/** Every part's detected stack is shown on one screen for one confirmation, and edited only on request. */
async function confirmStacks(parts: Part[], given: GivenAnswers, prompter: Prompter): Promise<Part[]> {
  const open = (p: Part): (keyof StackFacts)[] => (Object.keys(STACK_LABELS) as (keyof StackFacts)[]).filter((k) => given.stacks?.[p.type]?.[k] === undefined && (parts.length > 1 || given.stack?.[k] === undefined));
  if (parts.every((p) => open(p).length === 0)) return parts;
  const screen = parts
    .map((p) => [`  ${TYPE_LABELS[p.type]} — ${p.dir === '.' ? 'repository root' : `${p.dir}/`}`, ...open(p).map((k) => `    ${STACK_LABELS[k].padEnd(16)} ${p.stack[k] || '(not found)'}`)].join('\n'))
    .join('\n');
  const ok = await prompter.confirm({ message: `Detected (commands run from the repository root):\n${screen}\n  Correct?`, default: true });
  if (ok) return parts;
  const out: Part[] = [];
  for (const p of parts) {
    const stack = { ...p.stack };
    for (const k of open(p)) stack[k] = (await prompter.input({ message: `${TYPE_LABELS[p.type]}: ${STACK_LABELS[k]}`, default: stack[k], validate: checkStackValue })).trim();
    out.push({ ...p, stack });
  }
  return out;
}
