import type { Answers, ProjectType, Scope, StackFacts } from '../types.js';
import { EMPTY_STACK } from '../types.js';
import { UsageError } from '../errors.js';
import { isRecord } from '../core/state.js';
import { DEFAULT_TOOLS } from '../tools/registry.js';
import type { Detected } from './detect.js';
import type { Prompter } from './prompter.js';
import type { DeliveryPreference } from '../tools/types.js';
import { checkDelivery, checkDescription, checkName, checkScope, checkStackValue, checkType, normalizeId, parseTools, SCOPE_CHOICES, toolChoices, TYPE_CHOICES } from './questions.js';
import { readAnswersFile } from './answers-file.js';
import { shown } from '../values.js';

/** Answers given up front, by flags or an answers file; each key may be missing. */
export interface GivenAnswers {
  name?: string;
  description?: string;
  type?: ProjectType;
  scope?: Scope;
  tools?: string[];
  delivery?: DeliveryPreference;
  stack?: Partial<StackFacts>;
}

export interface InitFlags {
  name?: string;
  description?: string;
  type?: string;
  scope?: string;
  ai?: string | string[];
  delivery?: string;
}

/** Validates flags; a bad value is a UsageError naming the flag and the allowed values. */
export function answersFromFlags(flags: InitFlags): GivenAnswers {
  const out: GivenAnswers = {};
  const fail = (flag: string, why: string | null): void => {
    if (why) throw new UsageError(`--${flag}: ${why}`, `run \`ai-flow init --help\` for the allowed values`);
  };
  if (flags.name !== undefined) { fail('name', checkName(flags.name)); out.name = flags.name; }
  if (flags.description !== undefined) { fail('description', checkDescription(flags.description)); out.description = flags.description; }
  if (flags.type !== undefined) { fail('type', checkType(flags.type)); out.type = normalizeId(flags.type) as ProjectType; }
  if (flags.scope !== undefined) { fail('scope', checkScope(flags.scope)); out.scope = normalizeId(flags.scope) as Scope; }
  if (flags.ai !== undefined) {
    const tools = parseTools(flags.ai);
    if (typeof tools === 'string') fail('ai', tools);
    else out.tools = tools;
  }
  if (flags.delivery !== undefined) { fail('delivery', checkDelivery(flags.delivery)); out.delivery = normalizeId(flags.delivery) as DeliveryPreference; }
  return out;
}

const ANSWER_KEYS = ['name', 'description', 'type', 'scope', 'tools', 'ai', 'delivery', 'stack'];

/** Reads and validates an `--answers` JSON file with the same rules as the flags. */
export function answersFromFile(file: string): GivenAnswers {
  const raw = readAnswersFile(file);
  if (!isRecord(raw)) throw new UsageError(`--answers ${file}: must hold a JSON object`, 'see the README, "Answers file"');
  const bad = (key: string, why: string): never => {
    throw new UsageError(`--answers ${file}: ${shown(key, 40)}: ${why}`, 'fix the file; see the README, "Answers file"');
  };
  // A misspelt key would otherwise be ignored without a word, and its answer silently defaulted.
  for (const key of Object.keys(raw)) if (!ANSWER_KEYS.includes(key)) bad(key, `unknown key (allowed: ${ANSWER_KEYS.join(', ')})`);
  const str = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    return typeof v === 'string' ? v : bad(key, 'must be a string');
  };
  const flags: InitFlags = { name: str('name'), description: str('description'), type: str('type'), scope: str('scope'), delivery: str('delivery') };
  const out: GivenAnswers = {};
  for (const [key, check] of [['name', checkName], ['description', checkDescription], ['type', checkType], ['scope', checkScope], ['delivery', checkDelivery]] as const) {
    const v = flags[key];
    if (v !== undefined) {
      const why = check(v);
      if (why) bad(key, why);
      (out as Record<string, string>)[key] = key === 'name' || key === 'description' ? v : normalizeId(v);
    }
  }
  const toolsRaw = raw.tools ?? raw.ai;
  if (toolsRaw !== undefined) {
    if (typeof toolsRaw !== 'string' && !(Array.isArray(toolsRaw) && toolsRaw.every((t) => typeof t === 'string'))) bad('tools', 'must be a list of tool ids');
    const tools = parseTools(toolsRaw as string | string[]);
    if (typeof tools === 'string') bad('tools', tools);
    else out.tools = tools;
  }
  if (raw.stack !== undefined) {
    if (!isRecord(raw.stack)) bad('stack', 'must be an object');
    const stack: Partial<StackFacts> = {};
    for (const key of Object.keys(raw.stack as object)) {
      if (!(key in EMPTY_STACK)) bad(`stack.${key}`, `unknown key (allowed: ${Object.keys(EMPTY_STACK).join(', ')})`);
    }
    for (const key of Object.keys(EMPTY_STACK) as (keyof StackFacts)[]) {
      const v = (raw.stack as Record<string, unknown>)[key];
      if (v === undefined) continue;
      if (typeof v !== 'string') bad(`stack.${key}`, 'must be a string');
      const why = checkStackValue(v as string);
      if (why) bad(`stack.${key}`, why);
      stack[key] = v as string;
    }
    out.stack = stack;
  }
  return out;
}

/** Merges answer sources: earlier wins (flags, then file, then saved). */
export function mergeGiven(...sources: GivenAnswers[]): GivenAnswers {
  const out: GivenAnswers = {};
  for (const s of [...sources].reverse()) Object.assign(out, Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)));
  out.stack = Object.assign({}, ...[...sources].reverse().map((s) => s.stack ?? {}));
  return out;
}

/**
 * Completes the answers. Given values are never asked again; with a prompter the rest is
 * asked with the detected value as default; without one, detected values then defaults apply.
 */
export async function completeAnswers(given: GivenAnswers, detected: Detected, prompter: Prompter | null): Promise<Answers> {
  const type = given.type ?? detected.type ?? 'backend';
  const tools = given.tools ?? (detected.tools.length > 0 ? detected.tools : [...DEFAULT_TOOLS]);
  const defaults: Answers = {
    name: given.name ?? detected.name,
    description: given.description ?? detected.description,
    type,
    scope: given.scope ?? 'production',
    tools,
    delivery: given.delivery ?? 'auto',
    stack: { ...detected.stack, ...given.stack },
  };
  if (!prompter) return defaults;

  const name = given.name ?? (await prompter.input({ message: 'Project name', default: defaults.name, validate: checkName }));
  const description = given.description ?? (await prompter.input({ message: 'One-line description (optional)', default: defaults.description, validate: checkDescription }));
  const chosenType = given.type ?? ((await prompter.select({ message: 'Project type', choices: TYPE_CHOICES, default: defaults.type })) as ProjectType);
  const chosenTools =
    given.tools ??
    (await prompter.checkbox({
      message: 'AI tools to install for (space to toggle)',
      choices: toolChoices(detected.tools, defaults.tools),
      validate: (v) => (v.length === 0 ? 'choose at least one tool' : null),
    }));
  const scope = given.scope ?? ((await prompter.select({ message: 'Scope', choices: SCOPE_CHOICES, default: defaults.scope })) as Scope);
  const stack = await confirmStack(defaults.stack, given.stack ?? {}, prompter);
  return { name, description, type: chosenType, scope, tools: chosenTools, delivery: defaults.delivery, stack };
}

const STACK_LABELS: Record<keyof StackFacts, string> = {
  language: 'Language',
  framework: 'Framework',
  packageManager: 'Package manager',
  buildCommand: 'Build command',
  testCommand: 'Test command',
  lintCommand: 'Lint command',
};

/** Stack facts are shown together for one confirmation, and edited only on request. */
async function confirmStack(stack: StackFacts, given: Partial<StackFacts>, prompter: Prompter): Promise<StackFacts> {
  const keys = (Object.keys(STACK_LABELS) as (keyof StackFacts)[]).filter((k) => given[k] === undefined);
  if (keys.length === 0) return stack;
  const lines = keys.map((k) => `  ${STACK_LABELS[k].padEnd(16)} ${stack[k] || '(not found)'}`).join('\n');
  const ok = await prompter.confirm({ message: `Detected stack:\n${lines}\n  Correct?`, default: true });
  if (ok) return stack;
  const out = { ...stack };
  for (const k of keys) out[k] = (await prompter.input({ message: STACK_LABELS[k], default: stack[k], validate: checkStackValue })).trim();
  return out;
}
