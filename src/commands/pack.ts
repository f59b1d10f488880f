import path from 'node:path';
import { lintStack } from '../doctor/pack-lint.js';
import { buildStack } from '../pack/stack.js';
import { readSource, recordSource } from '../pack/source.js';
import { scaffoldPack } from '../pack/scaffold.js';
import { makeColors, printJson } from '../output.js';
import { report } from './doctor.js';

export interface PackOptions {
  json?: boolean;
}

/**
 * `ai-flow pack lint <source...>`: every rule of `doctor --pack` on the pack as combined with
 * what it extends, for every type it supports and every tool. Several sources stack bottom
 * first (`pack lint ./base ./overlay`); an overlay of the built-in pack needs only itself.
 */
export async function packLint(sources: readonly string[], opts: PackOptions): Promise<number> {
  const cwd = process.cwd();
  const recorded = sources.map((s) => recordSource(s, cwd, cwd));
  const stack = buildStack(recorded.map((s) => readSource(s, cwd, null)), true);
  const target = recorded.map((s) => (s.startsWith('.') ? path.resolve(cwd, s) : s)).join(' + ');
  return report('pack', target, lintStack(stack), { packs: stack.refs }, opts);
}

/** `ai-flow pack new <dir>`: a minimal overlay that `pack lint` passes. */
export async function packNew(dir: string, opts: PackOptions): Promise<number> {
  const files = scaffoldPack(dir);
  const target = path.resolve(dir);
  if (opts.json) {
    printJson({ command: 'pack new', target, files, exitCode: 0 });
    return 0;
  }
  const c = makeColors(false);
  const rel = path.relative(process.cwd(), target);
  // The pack as --pack takes it: a path, never a bare name (that would be a package name).
  const shown = rel === '' ? '.' : rel.startsWith('..') ? target : `./${rel}`;
  process.stdout.write(`${c.bold(`New pack in ${target}:`)}\n${files.map((f) => `  ${c.green('create')}  ${f}`).join('\n')}\n\n`);
  process.stdout.write(`Next: edit it, then check it (in CI too):\n  ai-flow pack lint ${shown}\n  ai-flow init --dry-run --yes --pack ${shown} --ai all\n`);
  return 0;
}
