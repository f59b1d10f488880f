import path from 'node:path';
import type { Answers } from '../types.js';
import { CancelledError, CheckFailedError } from '../errors.js';
import type { Prompter } from '../interview/prompter.js';
import { checkTargetDir } from '../core/paths.js';
import { readInstalledState } from '../core/disk.js';
import type { Detected } from '../interview/detect.js';
import { detectProject } from '../interview/detect.js';
import type { GivenAnswers, InitFlags } from '../interview/answers.js';
import { answersFromFile, answersFromFlags, completeAnswers, mergeGiven } from '../interview/answers.js';
import { makeColors, printJson, startProgress } from '../output.js';
import type { Summary } from '../report.js';
import { formatPlan, formatSummary, planToJson, summarize } from '../report.js';
import type { Plan } from '../core/plan.js';
import { applyRun, finishRun, noteInterruptedRun, planRun } from './run-plan.js';

export interface InitOptions extends InitFlags {
  answers?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  verbose?: boolean;
}

/** `ai-flow init [dir]`: interview, plan, then write (or print the plan). Returns the exit code. */
export async function init(dir: string | undefined, opts: InitOptions): Promise<number> {
  const root = path.resolve(dir ?? '.');
  checkTargetDir(root);
  // Validate everything given up front before asking a single question.
  const given = mergeGiven(answersFromFlags(opts), opts.answers ? answersFromFile(opts.answers) : {});
  const interrupted = noteInterruptedRun(root, Boolean(opts.dryRun));
  const state = readInstalledState(root);
  if (state.config && !opts.force) {
    throw new CheckFailedError(
      `ai-flow is already installed in ${root}`,
      'run `ai-flow update` to refresh it, or `ai-flow init --force` to answer the interview again (your edits are kept)',
    );
  }
  const detected = withSaved(detectProject(root), state.config);
  const interactive = !opts.yes && process.stdin.isTTY === true;
  const prompter = interactive ? (await import('../interview/prompter.js')).inquirerPrompter(opts.json ? process.stderr : process.stdout) : null;
  const answers = await completeAnswers(given, detected, prompter);

  const run = planRun(root, answers, state, false);
  const summary = summarize(run.plan);
  if (prompter && !opts.dryRun) await confirmWrite(prompter, root, run.plan, summary);
  const exitCode = summary.refused > 0 || summary.conflicted > 0 || interrupted.conflicts.length > 0 ? 1 : 0;
  if (!opts.dryRun) {
    const progress = await startProgress('Installing ai-flow…', !opts.json);
    try {
      applyRun(root, run);
    } finally {
      progress.stop();
    }
  }
  report(root, answers, run.plan, summary, exitCode, opts);
  finishRun(root, run, !opts.dryRun);
  return exitCode;
}

/** In an interview, the last question: nothing is written before the user has seen what will be. */
async function confirmWrite(prompter: Prompter, root: string, plan: Plan, summary: Summary): Promise<void> {
  const writes = plan.actions.filter((a) => a.write !== undefined).length;
  const untouched = summary.refused > 0 ? ` (${summary.refused} existing file(s) ai-flow did not write stay untouched)` : '';
  const ok = await prompter.confirm({ message: `Write ${writes} file(s) into ${root}${untouched}?`, default: true });
  if (!ok) throw new CancelledError();
}

/** Saved answers (from an earlier install, with --force) outrank detection as defaults. */
function withSaved(detected: Detected, saved: GivenAnswers | null): Detected {
  if (!saved) return detected;
  return {
    ...detected,
    name: saved.name ?? detected.name,
    description: saved.description ?? detected.description,
    type: saved.type ?? detected.type,
    tools: saved.tools ?? detected.tools,
    stack: { ...detected.stack, ...saved.stack },
  };
}

function report(root: string, answers: Answers, plan: Plan, summary: Summary, exitCode: number, opts: InitOptions): void {
  if (opts.json) {
    printJson({ command: 'init', dryRun: Boolean(opts.dryRun), target: root, answers, summary, actions: planToJson(plan), exitCode });
    return;
  }
  const c = makeColors(false);
  const head = opts.dryRun ? `Plan for ${root} (dry run, nothing written):` : `ai-flow installed in ${root}:`;
  process.stdout.write(`${c.bold(head)}\n${formatPlan(plan, c, Boolean(opts.dryRun || opts.verbose))}\n${formatSummary(summary, c)}\n`);
  if (summary.refused > 0) {
    process.stdout.write(c.red(`${summary.refused} file(s) exist and were not written by ai-flow; they were left untouched. Move them away and run \`ai-flow init --force\` to install them.\n`));
  }
  if (!opts.dryRun && exitCode === 0) {
    const build = answers.type === 'fullstack' ? '/backend-flow-build and /frontend-flow-build' : '/flow-build';
    process.stdout.write(`\nNext: open the project in your AI assistant and run ${c.cyan(build)} to write the project documents.\n`);
  }
}
