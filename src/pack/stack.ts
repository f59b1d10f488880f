import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackRef, PackType } from '../types.js';
import { PACK_TYPES } from '../types.js';
import { StateError, UsageError } from '../errors.js';
import { checkTemplateCalls } from '../core/template-ast.js';
import type { EntryCommand } from './commands.js';
import type { PackManifest } from './manifest.js';
import { BUILTIN_NAME, MANIFEST_FILE, parsePackManifest } from './manifest.js';
import type { PackProblem, PackSnapshot } from './load.js';
import { layoutProblem } from './layout.js';
import { shippedTree } from './image.js';
import { cliVersion, packRoot, packVersion } from './locate.js';
import { Pack } from './pack.js';
import { satisfies } from './semver.js';
import type { PackTree } from './tree.js';
import { LayeredTree, MemoryTree } from './tree.js';

/** One layer of a stack: the shipped pack, a full pack, or an overlay. */
interface Layer {
  label: string;
  manifest: PackManifest | null;
  tree: PackTree;
  /** The shipped pack: part of the CLI, so its files are not re-checked at every install. */
  builtin: boolean;
}

export interface PackStack {
  pack: Pack;
  /** The recorded packs with the names and versions read now (the shipped pack is never recorded). */
  refs: PackRef[];
  problems: PackProblem[];
}

/**
 * Stacks packs into the one Pack every other module reads (SPEC §11). Bottom first: the
 * shipped pack, unless the first source is a full pack (no `extends`), which replaces it;
 * then each overlay, whose files add to or replace the files below it. Each overlay must
 * extend a pack already in the stack. `checkAll`: also check the shipped pack's templates
 * (doctor --pack does; an install trusts the CLI's own files).
 */
export function buildStack(sources: readonly PackSnapshot[], checkAll = false): PackStack {
  const problems: PackProblem[] = [];
  const builtin = builtinLayer(problems);
  const partials = new Set(builtin.tree.listDir('templates/partials'));
  const layers: Layer[] = sources.length === 0 || sources[0].manifest?.extends !== null ? [builtin] : [];
  for (const snap of sources) {
    problems.push(...snap.problems);
    const layer: Layer = { label: snap.label, manifest: snap.manifest, tree: new MemoryTree(snap.files), builtin: false };
    if (snap.manifest) problems.push(...stackingProblems(layer, snap.manifest, layers, layers.length === 0));
    for (const file of snap.files.keys()) {
      const why = layoutProblem(file, partials);
      if (why) problems.push({ rule: 'pack-layout', pack: snap.label, file, line: 0, column: 0, message: why });
    }
    layers.push(layer);
  }
  const partialNames = new Set([...partials].map((p) => p.replace(/\.hbs$/, '')));
  for (const layer of layers) {
    if (layer.builtin && !checkAll) continue;
    for (const file of renderedTemplates(layer.tree)) {
      for (const issue of checkTemplateCalls(layer.tree.read(file) ?? '', partialNames)) problems.push({ rule: 'template-calls', pack: layer.label, file, ...issue });
    }
  }
  const tree = new LayeredTree(layers.map((l) => l.tree));
  const types = supportedTypes(layers, problems);
  const commands = addedCommands(layers);
  for (const cmd of commands) problems.push(...commandProblems(cmd, types, tree, layers));
  const refs = sources.flatMap((s) => (s.manifest ? [{ source: s.label, name: s.manifest.name, version: s.manifest.version }] : []));
  // File names come from the pack: shown, never interpreted, so no control character reaches a terminal.
  const shown = problems.map((p) => ({ ...p, file: p.file.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?') }));
  return { pack: new Pack(tree, { commands, types }), refs, problems: shown };
}

/** The shipped pack as a layer. Its manifest is optional for a pack folder given by AI_FLOW_PACK_DIR (tests, older copies). */
function builtinLayer(problems: PackProblem[]): Layer {
  const root = packRoot();
  const label = 'the built-in pack';
  let manifest: PackManifest | null = { name: BUILTIN_NAME, version: packVersion(root), description: 'the pack shipped with ai-flow', aiFlow: '*', types: [...PACK_TYPES], commands: [], extends: null };
  let text: string | null = null;
  try {
    text = readFileSync(path.join(root, MANIFEST_FILE), 'utf8');
  } catch {
    // no manifest: the defaults above
  }
  if (text !== null) {
    const parsed = parsePackManifest(text);
    if (Array.isArray(parsed)) {
      manifest = null;
      for (const message of parsed) problems.push({ rule: 'pack-manifest', pack: label, file: MANIFEST_FILE, line: 0, column: 0, message });
    } else {
      manifest = parsed;
    }
  }
  // The build's image of the pack when this is the bundled CLI's own pack; its folder otherwise.
  return { label, manifest, tree: shippedTree(), builtin: true };
}

function stackingProblems(layer: Layer, manifest: PackManifest, below: readonly Layer[], first: boolean): PackProblem[] {
  const out: PackProblem[] = [];
  const at = (message: string): void => {
    out.push({ rule: 'pack-stack', pack: layer.label, file: MANIFEST_FILE, line: 0, column: 0, message });
  };
  const version = cliVersion();
  if (!satisfies(version, manifest.aiFlow)) at(`works with ai-flow ${manifest.aiFlow}, and this is ai-flow ${version}: use a version of the pack made for it, or another ai-flow`);
  const names = below.map((l) => l.manifest?.name);
  if (names.includes(manifest.name)) at(`is named ${JSON.stringify(manifest.name)}, like a pack below it in the stack; each pack appears once`);
  if (manifest.extends === null && !first) at('is a full pack (no "extends"); only the first --pack may be one, and it replaces the built-in pack');
  if (manifest.extends !== null && !names.includes(manifest.extends)) {
    at(`extends ${JSON.stringify(manifest.extends)}, which is not below it in the stack (${names.filter(Boolean).join(', ') || 'empty'}): give that pack first (--pack <its source> --pack ${layer.label})`);
  }
  return out;
}

/** Templates the CLI renders (outside the copied homes): AGENTS.md, rules, command wrappers, partials. */
function renderedTemplates(tree: PackTree): string[] {
  const out = tree.read('templates/AGENTS.md.hbs') === undefined ? [] : ['templates/AGENTS.md.hbs'];
  for (const dir of ['rules', 'commands', 'partials']) out.push(...tree.listDir(`templates/${dir}`).map((f) => `templates/${dir}/${f}`));
  return out.filter((f) => f.endsWith('.hbs'));
}

/** The types every layer supports: the base's, narrowed by each overlay that names its own. */
function supportedTypes(layers: readonly Layer[], problems: PackProblem[]): PackType[] {
  let types: PackType[] = [...PACK_TYPES];
  for (const layer of layers) {
    const own = layer.manifest?.types;
    if (!own) continue;
    const unknown = own.filter((t) => !types.includes(t));
    if (unknown.length > 0 && !layer.builtin && layer !== layers[0]) {
      problems.push({ rule: 'pack-stack', pack: layer.label, file: MANIFEST_FILE, line: 0, column: 0, message: `supports ${unknown.join(', ')}, which the packs below it do not` });
    }
    types = types.filter((t) => own.includes(t));
  }
  return types;
}

/** Commands added by the layers; a later layer's command replaces an earlier one of the same name. */
function addedCommands(layers: readonly Layer[]): EntryCommand[] {
  const byName = new Map<string, EntryCommand>();
  for (const layer of layers) for (const cmd of layer.manifest?.commands ?? []) byName.set(cmd.name, cmd);
  return [...byName.values()];
}

function commandProblems(cmd: EntryCommand, types: readonly PackType[], tree: PackTree, layers: readonly Layer[]): PackProblem[] {
  const owner = [...layers].reverse().find((l) => l.manifest?.commands.some((c) => c.name === cmd.name));
  const homes = cmd.home === 'shared' ? ['shared'] : types;
  return homes
    .filter((home) => tree.read(`prompts/${home}/${cmd.file}`) === undefined)
    .map((home) => ({ rule: 'pack-manifest', pack: owner?.label ?? '?', file: MANIFEST_FILE, line: 0, column: 0, message: `command ${cmd.name} runs prompts/${home}/${cmd.file}, which no pack of the stack has` }));
}

/** One line for a problem: `<pack>: <file>[:line[:column]]: <message>`. */
export function formatProblem(p: PackProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}${p.column > 0 ? `:${p.column}` : ''}` : p.file;
  return `pack ${p.pack}: ${where}: ${p.message}`;
}

/** An install refuses a stack with any problem, before anything is planned or written (exit 2). */
export function assertUsable(stack: PackStack, types: readonly PackType[], fix: string): Pack {
  if (stack.problems.length > 0) {
    const more = stack.problems.length > 1 ? ` (and ${stack.problems.length - 1} more problem(s))` : '';
    if (stack.problems.every((p) => p.pack === 'the built-in pack')) throw new StateError(`${formatProblem(stack.problems[0])}${more}`, 'reinstall ai-flow (the package is damaged)');
    throw new UsageError(`${formatProblem(stack.problems[0])}${more}; nothing was written`, fix);
  }
  const unsupported = types.filter((t) => !stack.pack.types.includes(t));
  if (unsupported.length > 0) {
    throw new UsageError(`the packs support ${stack.pack.types.join(', ') || 'no project type'}; this project has a ${unsupported.join(' and a ')} part`, 'choose --type among the supported types, or a pack that supports the others');
  }
  return stack.pack;
}
