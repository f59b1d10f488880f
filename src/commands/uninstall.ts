import { CancelledError } from '../errors.js';
import { resolveTarget } from '../core/paths.js';
import { readDisk, readInstallation, readInstalledState } from '../core/disk.js';
import { planUninstall } from '../core/plan.js';
import type { Plan } from '../core/plan.js';
import { applyPlan, checkCanApply, completeRun, removeStateFolderIfEmpty } from '../core/apply/apply.js';
import { makeColors, printJson } from '../output.js';
import { formatPlan, formatSummary, reportedActions, summarize } from '../report.js';
import { noteInterruptedRun, withLock } from './run-plan.js';

export interface UninstallOptions {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  verbose?: boolean;
}

/**
 * `ai-flow uninstall [dir]`: removes every file ai-flow wrote that the user has not edited and
 * its blocks (the rest of each file byte-identical), keeps and reports edited files (`--force`
 * removes them too, after a yes on a terminal), then its state and the folders it emptied.
 */
export async function uninstall(dir: string | undefined, opts: UninstallOptions): Promise<number> {
  const root = resolveTarget(dir ?? '.');
  const first = plan(root, Boolean(opts.force));
  if (opts.dryRun) {
    noteInterruptedRun(root, true);
    checkCanApply(root, first, true);
    return report(root, first, opts);
  }
  if (opts.force && !opts.yes && process.stdin.isTTY === true) await confirmForce(first);
  const exitCode = await withLock(root, 'uninstall', async () => {
    const interrupted = noteInterruptedRun(root, false);
    if (interrupted.finished.some((f) => f.command === 'uninstall') && readInstalledState(root).config === null) {
      // The uninstall that was interrupted is finished now: there is nothing left to remove.
      return report(root, { actions: [], manifest: [], bases: new Map() }, opts);
    }
    const run = plan(root, Boolean(opts.force));
    checkCanApply(root, run, true);
    const folder = await applyPlan(root, run, null, { command: 'uninstall', report: { actions: reportedActions(run) } });
    const exitCode = report(root, run, opts);
    completeRun(folder);
    return exitCode;
  });
  // Once the lock is gone too: .ai-flow/ goes if nothing is left in it.
  removeStateFolderIfEmpty(root);
  return exitCode;
}

function plan(root: string, force: boolean): Plan {
  const { manifest } = readInstallation(root);
  return planUninstall(manifest, readDisk(root, manifest.files.map((f) => f.path)), force);
}

/** --force on a terminal: the files the user edited are named before they go. */
async function confirmForce(plan: Plan): Promise<void> {
  const edited = plan.actions.filter((a) => a.reason.includes('(--force)')).map((a) => a.path);
  if (edited.length === 0) return;
  const { inquirerPrompter } = await import('../interview/prompter.js');
  const ok = await inquirerPrompter(process.stdout).confirm({ message: `Also remove ${edited.length} file(s) you edited (${edited.slice(0, 3).join(', ')}${edited.length > 3 ? ', …' : ''})?`, default: false });
  if (!ok) throw new CancelledError();
}

function report(root: string, plan: Plan, opts: UninstallOptions): number {
  const actions = reportedActions(plan);
  const summary = summarize(actions);
  if (opts.json) {
    printJson({ command: 'uninstall', dryRun: Boolean(opts.dryRun), target: root, summary, actions, exitCode: 0 });
    return 0;
  }
  const c = makeColors(false);
  const head = opts.dryRun ? `Plan for removing ai-flow from ${root} (dry run, nothing written):` : `ai-flow removed from ${root}:`;
  const body = formatPlan(actions, c, true);
  process.stdout.write(`${c.bold(head)}\n${body ? `${body}\n` : ''}${formatSummary(summary, c)}\n`);
  if (summary.kept > 0) process.stdout.write(c.cyan(`${summary.kept} file(s) you edited are kept as they are; \`ai-flow uninstall --force\` removes them too.\n`));
  return 0;
}
