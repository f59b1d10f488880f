import { resolveTarget } from '../core/paths.js';
import { readInstallation, readProjectEntry } from '../core/disk.js';
import { packRoot, packVersion } from '../pack/locate.js';
import { checkInstallation } from '../doctor/install-check.js';
import type { Finding } from '../doctor/finding.js';
import { lintStack } from '../doctor/pack-lint.js';
import { buildStack } from '../pack/stack.js';
import { sourceExists } from '../pack/source.js';
import { packFor } from '../pack/use.js';
import type { EntryCommand } from '../pack/commands.js';
import { UsageError } from '../errors.js';
import { typesOf } from '../types.js';
import { makeColors, printJson } from '../output.js';
import { pendingRuns } from '../core/apply/apply.js';
import { finding } from '../doctor/finding.js';

export interface DoctorOptions {
  pack?: boolean;
  json?: boolean;
}

/**
 * `ai-flow doctor [dir]` and `ai-flow doctor --pack` (the shipped pack; with a dir, that pack,
 * as `ai-flow pack lint <dir>`). Exit 0 healthy, 1 findings, 4 corrupt state.
 */
export async function doctor(dir: string | undefined, opts: DoctorOptions): Promise<number> {
  if (opts.pack && dir !== undefined) return (await import('./pack.js')).packLint([dir], opts);
  if (opts.pack) return report('pack', packRoot(), lintStack(buildStack([], true)), {}, opts);
  const root = resolveTarget(dir ?? '.');
  const state = readInstallation(root);
  const packs = state.config.packs ?? [];
  const missing = packs.filter((p) => !sourceExists(p.source, root));
  // The commands the team packs add, so their files are checked too (a missing source is reported below).
  let added: readonly EntryCommand[] = [];
  let unusable: Finding | null = null;
  if (packs.length > 0 && missing.length === 0) {
    try {
      added = packFor(root, packs, typesOf(state.config.parts)).pack.commands;
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      unusable = finding('.ai-flow/ai-flow.json', 0, 'pack-source', `${err.message} — \`ai-flow update\` needs a usable pack`);
    }
  }
  const result = checkInstallation(state.config, state.manifest, packVersion(packRoot()), (p) => readForDoctor(root, p), added);
  if (unusable) result.findings.push(unusable);
  const runs = pendingRuns(root);
  if (runs.pending) {
    result.findings.push(finding('.ai-flow', 0, 'interrupted-run', 'an earlier init or update was interrupted — run `ai-flow update` to finish it'));
  }
  for (const what of runs.ignored) result.findings.push(finding('.ai-flow', 0, 'foreign-run', `ignored ${what}`, 'info'));
  for (const p of missing) {
    result.findings.push(finding('.ai-flow/ai-flow.json', 0, 'pack-source', `pack ${p.name} ${p.version} is missing at ${p.source} — \`ai-flow update\` needs it (install or restore it)`));
  }
  return report('installation', root, result.findings, { edited: result.edited, deleted: result.deleted, tools: state.config.tools, parts: state.config.parts.map((part) => ({ type: part.type, dir: part.dir })) }, opts);
}

export function report(kind: string, target: string, findings: Finding[], extra: Record<string, unknown>, opts: DoctorOptions): number {
  const errors = findings.filter((f) => f.severity === 'error');
  const exitCode = errors.length > 0 ? 1 : 0;
  if (opts.json) {
    printJson({ command: 'doctor', kind, target, healthy: exitCode === 0, ...extra, findings, exitCode });
    return exitCode;
  }
  const c = makeColors(false);
  const lines: string[] = [];
  for (const f of findings) {
    const where = `${f.file}${f.line > 0 ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}`;
    lines.push(`${f.severity === 'error' ? c.red('✗') : c.dim('•')} ${where}  ${c.dim(`[${f.rule}]`)} ${f.message}`);
  }
  const edited = extra.edited as string[] | undefined;
  if (edited && edited.length > 0) lines.push(c.cyan(`Edited by you (kept by update): ${edited.join(', ')}`));
  lines.push(exitCode === 0 ? c.green(`${kind === 'pack' ? 'Pack' : 'Installation'} healthy (${target})`) : c.red(`${errors.length} problem(s) in the ${kind} (${target})`));
  process.stdout.write(`${lines.join('\n')}\n`);
  return exitCode;
}

/** A managed file's text for the checks; a file ai-flow cannot read (a FIFO, not UTF-8) is reported, not fatal. */
function readForDoctor(root: string, rel: string): string | null | { unreadable: string } {
  const entry = readProjectEntry(root, rel);
  if (entry.kind === 'missing') return null;
  if (entry.kind === 'refused') return { unreadable: entry.reason };
  return entry.file.text;
}
