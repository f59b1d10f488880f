import type { Answers, PackType } from '../types.js';
import type { Part, StackFacts } from '../types.js';
import { DEFAULT_LANGUAGE, EMPTY_STACK, PACK_TYPES } from '../types.js';
import { AiFlowError, RenderError } from '../errors.js';
import type { Pack } from '../pack/pack.js';
import type { PackStack } from '../pack/stack.js';
import { installedCommands } from '../pack/commands.js';
import { isInstallablePath } from '../core/path-set.js';
import { TOOL_IDS } from '../tools/registry.js';
import type { DeliveryPreference } from '../tools/types.js';
import { Renderer } from '../core/render.js';
import type { DesiredFile } from '../core/desired.js';
import { desiredFiles } from '../core/desired.js';
import { markerCounts, upsertBlock } from '../core/blocks.js';
import type { Finding } from './finding.js';
import { finding, lineAt } from './finding.js';
import { checkPhase } from './phase-rules.js';
import { expectedPhaseName } from './phase-names.js';
import { checkOrchestrator, checkPackText, checkPhaseConventions } from './convention-rules.js';

/** A sample project: everything but its parts and tools. */
interface Sample {
  answers: Omit<Answers, 'parts' | 'tools'>;
  stack: StackFacts;
  /** Part folders when there are several parts. */
  dirs: Record<string, string>;
}

/** Hostile sample answers: every character class SPEC §5 says must pass through untouched. */
export const HOSTILE_SAMPLE: Sample = {
  answers: { name: 'R&D <Tools> "Q" {{y}} \'x\' `t` 🚀', description: 'Line one & <b>two</b> "quoted" {{handlebars}} ${shell} with emoji 🧪 and a backslash \\n', scope: 'enterprise', language: 'Português (Brasil) & {{x}}' },
  stack: { language: 'TypeScript & <Go>', framework: 'Next.js "15" {{x}}', packageManager: 'pnpm', buildCommand: 'pnpm run build && echo "<ok>"', testCommand: 'pnpm test -- --grep "{{a}}"', lintCommand: 'pnpm run lint' },
  dirs: { backend: 'services/api', frontend: 'apps/web', mobile: 'apps/mobile', desktop: 'desktop' },
};

const EMPTY_SAMPLE: Sample = {
  answers: { name: 'plain', description: '', scope: 'mvp', language: DEFAULT_LANGUAGE },
  stack: { ...EMPTY_STACK },
  dirs: { backend: '.', frontend: 'web', mobile: 'app', desktop: 'desktop' },
};

/** Every single type, every pair of types, and all of them: the part combinations the lint installs. */
export function partCombinations(types: readonly PackType[] = PACK_TYPES): PackType[][] {
  const singles = types.map((t) => [t]);
  const pairs = types.flatMap((a, i) => types.slice(i + 1).map((b) => [a, b]));
  return types.length > 2 ? [...singles, ...pairs, [...types]] : [...singles, ...pairs];
}

function partsOf(types: readonly (typeof PACK_TYPES)[number][], sample: Sample): Part[] {
  return types.map((type) => ({ type, dir: types.length === 1 ? '.' : sample.dirs[type], stack: { ...sample.stack } }));
}

/** `.ai-flow/...` paths that are created while the prompts run, not installed. */
const RUNTIME_PATHS = [/^\.ai-flow\/ai-flow\.json$/, /^\.ai-flow\/manifest\.json$/, /^\.ai-flow\/(build|work|archive)(\/|$)/];

/**
 * Lints a stack of packs as one (SPEC §8, §11): what was refused while reading it (links, sizes,
 * layout, manifests, helpers), then every rule of `lintPack` on the combined pack.
 */
export function lintStack(stack: PackStack): Finding[] {
  const several = new Set(stack.problems.map((p) => p.pack)).size > 1;
  const refused = stack.problems.map((p) => ({ ...finding(p.file, p.line, p.rule, several ? `${p.message} (pack ${p.pack})` : p.message), ...(p.column > 0 ? { column: p.column } : {}) }));
  return [...refused, ...lintPack(stack.pack)];
}

/**
 * Lints the pack for every project type it supports × every tool by planning full installs in
 * memory (SPEC §8). Returns findings; an empty list means the pack is consistent.
 */
export function lintPack(pack: Pack): Finding[] {
  const types = pack.types;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding): void => {
    const key = `${f.file}:${f.line}:${f.rule}:${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(f);
    }
  };

  for (const combination of partCombinations(types)) {
    for (const sample of [HOSTILE_SAMPLE, EMPTY_SAMPLE]) lintInstall(pack, combination, sample, [...TOOL_IDS], 'auto', add);
  }
  // Installed together the tools share skill folders: each tool alone, with each delivery, renders its own formats.
  const pair = types.slice(0, 2);
  for (const id of TOOL_IDS) for (const delivery of ['commands', 'skills'] as const) lintInstall(pack, pair, HOSTILE_SAMPLE, [id], delivery, add);
  for (const type of types) checkPhases(pack, type, add);
  checkConventions(pack, types, add);
  checkDocumentTemplates(pack, types, add);
  checkTemplatesUsed(pack, types, add);
  return findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

function lintInstall(pack: Pack, types: PackType[], sample: Sample, tools: string[], delivery: DeliveryPreference, add: (f: Finding) => void): void {
  let files: DesiredFile[];
  try {
    files = desiredFiles({ ...sample.answers, parts: partsOf(types, sample), tools, delivery }, pack, new Renderer(), '0.0.0-lint');
  } catch (err) {
    if (!(err instanceof AiFlowError)) throw err;
    const where = err instanceof RenderError ? err.where : undefined;
    add({ ...finding(where?.file ?? 'templates', where?.line ?? 0, 'template-render', err.message), ...(where?.column ? { column: where.column } : {}) });
    return;
  }
  checkInstall(types, files, sample.answers.name, pack, add);
}

function checkInstall(types: readonly PackType[], files: DesiredFile[], name: string, pack: Pack, add: (f: Finding) => void): void {
  const type = types.join('+');
  const installed = new Set(files.map((f) => f.path));
  const allowedHomes = new Set(['shared', ...types]);
  for (const file of files) {
    if (!isInstallablePath(file.path)) add(finding(file.source, 0, 'install-path', `would install ${file.path}, outside the paths a pack may install`));
    const home = /^\.ai-flow\/(?:prompts|templates)\/([^/]+)\//.exec(file.path)?.[1];
    if (home && !allowedHomes.has(home)) add(finding(file.source, 0, 'type-isolation', `installed for type ${type}, which does not use ${home}`));
    if (!file.source.startsWith('templates/commands/')) checkReferences(file, installed, type, add);
    checkMarkers(file, add);
    if (file.path === 'AGENTS.md' && !file.content.includes(name)) {
      add(finding(file.source, 0, 'template-answers', 'AGENTS.md does not show the project name exactly as typed'));
    }
  }
  for (const cmd of installedCommands(types, pack.commands)) {
    if (!installed.has(cmd.prompt)) add(finding(`prompts/${cmd.prompt.slice('.ai-flow/prompts/'.length)}`, 0, 'wrapper-target', `command /${cmd.name} (type ${type}) wraps ${cmd.prompt}, which is not installed`));
  }
  // Each wrapper must name the one prompt it runs (the prompt's existence is checked above, once).
  for (const file of files) {
    if (!file.source.startsWith('templates/commands/')) continue;
    const targets = [...file.content.matchAll(/\.ai-flow\/prompts\/[A-Za-z0-9_./-]+\.md/g)].map((m) => m[0]);
    if (targets.length === 0) add(finding(file.source, 0, 'wrapper-target', `${file.path} does not name the prompt it runs`));
  }
}

/** Every `.ai-flow/...` path a file mentions exists in the installed tree (or is a runtime path). */
function checkReferences(file: DesiredFile, installed: Set<string>, type: string, add: (f: Finding) => void): void {
  for (const m of file.content.matchAll(/\.ai-flow\/[A-Za-z0-9_.\/<>*{}-]*/g)) {
    const ref = m[0].replace(/[.,;:]+$/, '');
    if (/[<>*{}]/.test(ref) || RUNTIME_PATHS.some((r) => r.test(ref))) continue;
    const ok = ref.endsWith('/') ? [...installed].some((p) => p.startsWith(ref)) : installed.has(ref);
    if (!ok && ref !== '.ai-flow/' && ref !== '.ai-flow') {
      add(finding(file.source, lineAt(file.content, m.index ?? 0), 'path-exists', `mentions ${ref}, which a ${type} install does not have`));
    }
  }
}

/** A rendered block must not carry markers of its own, or the installed file could never be parsed again. */
function checkMarkers(file: DesiredFile, add: (f: Finding) => void): void {
  if (file.owner !== 'block') return;
  const { begin, end } = markerCounts(upsertBlock(null, file.content, file.path));
  if (begin !== 1 || end !== 1) {
    add(finding(file.source, 0, 'block-markers', `${file.path} would hold ${begin} begin and ${end} end markers (expected one pair)`));
  }
}

function checkPhases(pack: Pack, type: PackType, add: (f: Finding) => void): void {
  for (const file of ['flow-build.md', 'flow-docs-sync.md']) {
    if (!pack.exists(`prompts/${type}/${file}`)) add(finding(`prompts/${type}/${file}`, 0, 'phase-chain', `missing ${file} for ${type}`));
  }
  for (let n = 0; n <= 10; n++) {
    const source = `prompts/${type}/flow-build-phase-${n}.md`;
    if (!pack.exists(source)) {
      add(finding(source, 0, 'phase-chain', `phase ${n} of ${type} is missing`));
      continue;
    }
    const next = n < 10 ? `.ai-flow/prompts/${type}/flow-build-phase-${n + 1}.md` : null;
    checkPhase(source, pack.read(source), n, next, expectedPhaseName(type, n)).forEach(add);
  }
}

/** The shared conventions (convention-rules.ts): phase length, summary format, scope spelling, parts. */
function checkConventions(pack: Pack, types: readonly PackType[], add: (f: Finding) => void): void {
  const report = add;
  for (const type of types) {
    for (let n = 0; n <= 10; n++) {
      const source = `prompts/${type}/flow-build-phase-${n}.md`;
      if (pack.exists(source)) checkPhaseConventions(source, pack.read(source), n, type).forEach(report);
    }
    const orchestrator = `prompts/${type}/flow-build.md`;
    if (pack.exists(orchestrator)) checkOrchestrator(orchestrator, pack.read(orchestrator)).forEach(report);
  }
  for (const dir of ['prompts', 'templates']) {
    for (const rel of pack.listDir(dir)) checkPackText(`${dir}/${rel}`, pack.read(`${dir}/${rel}`)).forEach(report);
  }
}

/** Document templates are copied verbatim: their only `{{…}}` are UPPER_SNAKE placeholders for the assistant. */
function checkDocumentTemplates(pack: Pack, types: readonly PackType[], add: (f: Finding) => void): void {
  for (const home of ['shared', ...types]) {
    for (const rel of pack.listDir(`templates/${home}`)) {
      const source = `templates/${home}/${rel}`;
      const text = pack.read(source);
      for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
        if (!/^[A-Z][A-Z0-9_]*$/.test(m[1])) add(finding(source, lineAt(text, m.index ?? 0), 'template-placeholder', `placeholder {{${m[1]}}} is not UPPER_SNAKE_CASE`));
      }
    }
  }
}

/** A document template no prompt points at is dead weight in every install: each must be named somewhere. */
function checkTemplatesUsed(pack: Pack, types: readonly PackType[], add: (f: Finding) => void): void {
  const promptText = (home: string): string => pack.listDir(`prompts/${home}`).map((rel) => pack.read(`prompts/${home}/${rel}`)).join('\n');
  const everyPrompt = ['shared', ...types].map(promptText).join('\n');
  for (const home of ['shared', ...types]) {
    const text = home === 'shared' ? everyPrompt : promptText(home);
    for (const rel of pack.listDir(`templates/${home}`)) {
      const installed = `.ai-flow/templates/${home}/${rel}`;
      if (!text.includes(installed)) add(finding(`templates/${home}/${rel}`, 0, 'template-unused', `no ${home === 'shared' ? '' : `${home} `}prompt mentions ${installed}`));
    }
  }
}
