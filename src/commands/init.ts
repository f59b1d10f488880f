import type { Answers } from '../types.js';
import { CancelledError, CheckFailedError } from '../errors.js';
import type { Prompter } from '../interview/prompter.js';
import { resolveTarget } from '../core/paths.js';
import { readInstalledState } from '../core/disk.js';
import { checkCanApply, pendingRuns } from '../core/apply/apply.js';
import { describePart, detectProject } from '../interview/detect.js';
import type { InitFlags } from '../interview/answers.js';
import { answersFromFlags, completeAnswers, givenFromAnswers, mergeGiven } from '../interview/answers.js';
import { answersFromFile } from '../interview/answers-file.js';
import { makeColors, printJson, startProgress } from '../output.js';
import type { ReportedAction } from '../report.js';
import { formatPlan, formatSummary, parseReportedActions, reportedActions, summarize } from '../report.js';
import type { InterruptedRun, PlannedRun, StoredReport } from './run-plan.js';
import { applyRun, finishRun, noteInterruptedRun, notice, planRun, withLock } from './run-plan.js';
import { CONFIG_SCHEMA, isRecord, parseConfig } from '../core/state.js';
import { installedCommands } from '../pack/commands.js';
import { planDelivery } from '../tools/delivery.js';
import { packsFromFlags } from '../pack/use.js';
import { typesOf } from '../types.js';
import { describeInvocations } from '../tools/listing.js';

export interface InitOptions extends InitFlags {
  /** `--pack <source>`, repeatable: team packs and overlays, bottom of the stack first. */
  pack?: string[];
  answers?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  verbose?: boolean;
}

/** `ai-flow init [dir]`: interview, plan, then write (or print the plan). Returns the exit code. */
export async function init(dir: string | undefined, opts: InitOptions): Promise<number> {
  const root = resolveTarget(dir ?? '.');
  // Validate everything given up front before asking a single question.
  const typed = mergeGiven(answersFromFlags(opts), opts.answers ? answersFromFile(opts.answers) : {});
  const before = readInstalledState(root);
  const { pending } = pendingRuns(root);
  if (before.config && !opts.force && !pending) throw alreadyInstalled(root);
  // A bad or missing pack stops init before the first question; --force keeps the recorded ones.
  const packs = opts.pack ? packsFromFlags(opts.pack, process.cwd(), root) : before.config?.packs;
  // With --force, the saved answers outrank detection (but not what was typed now).
  const given = before.config ? mergeGiven(typed, givenFromAnswers(before.config)) : typed;
  const detected = detectProject(root, notice);
  const interactive = !opts.yes && process.stdin.isTTY === true;
  const prompter = interactive ? (await import('../interview/prompter.js')).inquirerPrompter(opts.json ? process.stderr : process.stdout) : null;
  const answers = { ...(await completeAnswers(given, detected, prompter, notice)), ...(packs ? { packs } : {}) };

  if (opts.dryRun) {
    const interrupted = noteInterruptedRun(root, true);
    const run = planRun(root, answers, before, false);
    checkCanApply(root, run.plan);
    return report(root, answers, reportedActions(run.plan), interrupted, opts);
  }
  if (prompter) await confirmWrite(prompter, root, planRun(root, answers, before, false));
  return withLock(root, 'init', async () => {
    const interrupted = noteInterruptedRun(root, false);
    const resumed = interrupted.finished.find((f) => f.command === 'init');
    const replay = resumed && !opts.force ? storedReport(resumed.report) : null;
    // An init that was interrupted is finished now: its own report is this run's result.
    if (replay) return report(root, replay.answers, replay.actions, interrupted, opts);
    const state = readInstalledState(root);
    if (state.config && !opts.force) throw alreadyInstalled(root);
    const run = planRun(root, answers, state, false);
    const actions = reportedActions(run.plan);
    const progress = await startProgress('Installing ai-flow…', !opts.json);
    let folder;
    try {
      folder = await applyRun(root, run, 'init', { answers, actions } satisfies StoredReport);
    } finally {
      progress.stop();
    }
    const exitCode = report(root, answers, actions, interrupted, opts);
    finishRun(folder);
    return exitCode;
  });
}

function alreadyInstalled(root: string): CheckFailedError {
  return new CheckFailedError(
    `ai-flow is already installed in ${root}`,
    'run `ai-flow update` to refresh it, or `ai-flow init --force` to answer the interview again (your edits are kept)',
  );
}

/** In an interview, the last question: nothing is written before the user has seen what will be. */
async function confirmWrite(prompter: Prompter, root: string, run: PlannedRun): Promise<void> {
  const writes = run.plan.actions.filter((a) => a.write !== undefined).length;
  const refused = summarize(reportedActions(run.plan)).refused;
  const untouched = refused > 0 ? ` (${refused} existing file(s) ai-flow did not write stay untouched)` : '';
  const ok = await prompter.confirm({ message: `Write ${writes} file(s) into ${root}${untouched}?`, default: true });
  if (!ok) throw new CancelledError();
}

/** The report of a finished interrupted init, as its journal kept it; null when unusable. */
function storedReport(raw: unknown): StoredReport | null {
  if (!isRecord(raw) || !isRecord(raw.answers)) return null;
  const actions = parseReportedActions(raw.actions);
  if (!actions) return null;
  try {
    const { schemaVersion: _s, packVersion: _v, ...answers } = parseConfig(JSON.stringify({ schemaVersion: CONFIG_SCHEMA, packVersion: '0.0.0', ...raw.answers }));
    return { answers, actions };
  } catch {
    return null;
  }
}

function report(root: string, answers: Answers, actions: ReportedAction[], interrupted: InterruptedRun, opts: InitOptions): number {
  const summary = summarize(actions);
  const exitCode = summary.refused > 0 || summary.conflicted > 0 || interrupted.conflicts.length > 0 ? 1 : 0;
  if (opts.json) {
    printJson({ command: 'init', dryRun: Boolean(opts.dryRun), target: root, answers, summary, actions, exitCode });
    return exitCode;
  }
  const c = makeColors(false);
  const head = opts.dryRun ? `Plan for ${root} (dry run, nothing written):` : `ai-flow installed in ${root}:`;
  const parts = answers.parts.map((p) => `  ${describePart(p)}${p.stack.testCommand ? ` — test: ${p.stack.testCommand}` : ''}`).join('\n');
  process.stdout.write(`${c.bold(head)}\n${c.dim('Parts:')}\n${parts}\n${formatPlan(actions, c, Boolean(opts.dryRun || opts.verbose))}\n${formatSummary(summary, c)}\n`);
  if (summary.refused > 0) {
    process.stdout.write(c.red(`${summary.refused} file(s) were refused (see above) and left untouched. Fix or move them away, then run \`ai-flow update --restore\` to install them.\n`));
  }
  if (!opts.dryRun && exitCode === 0) {
    const builds = installedCommands(typesOf(answers.parts)).map((cmd) => cmd.name).filter((name) => name.endsWith('flow-build'));
    const build = describeInvocations(answers.tools, builds, answers.delivery);
    process.stdout.write(`\nNext: open the project in your AI assistant and run ${c.cyan(build)} to write the project documents.\n`);
    // A tool moved off its preferred kind by the others selected says why (docs/tools.md).
    for (const t of planDelivery(answers.tools, builds, answers.delivery).tools) {
      if (t.reason || t.note) process.stdout.write(c.dim(`Note: ${t.name} runs them as ${t.delivery}${t.reason ? `: ${t.reason}` : ''}${t.note ? `; ${t.note}` : ''}.\n`));
    }
  }
  return exitCode;
}
