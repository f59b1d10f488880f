import { StateError, UsageError } from '../errors.js';
import { BASES_PATH } from '../core/state.js';
import { compareVersions, packRoot, packVersion } from '../pack/locate.js';
import { resolveTarget } from '../core/paths.js';
import { readInstallation } from '../core/disk.js';
import { checkCanApply } from '../core/apply/apply.js';
import { checkDelivery, checkLanguage, parseTools } from '../interview/questions.js';
import type { DeliveryPreference } from '../tools/types.js';
import { makeColors, printJson, startProgress } from '../output.js';
import type { ReportedAction, Summary } from '../report.js';
import { formatPlan, formatSummary, planChangesDisk, reportedActions, summarize } from '../report.js';
import type { PlannedRun } from './run-plan.js';
import { applyRun, finishRun, noteInterruptedRun, planRun, withLock } from './run-plan.js';

export interface UpdateOptions {
  ai?: string[];
  delivery?: string;
  language?: string;
  restore?: boolean;
  check?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  verbose?: boolean;
}

/** `ai-flow update [dir]`: re-plan from the saved answers and apply SPEC §6 per file. */
export async function update(dir: string | undefined, opts: UpdateOptions): Promise<number> {
  const root = resolveTarget(dir ?? '.');
  let tools: string[] | undefined;
  if (opts.ai !== undefined) {
    const parsed = parseTools(opts.ai);
    if (typeof parsed === 'string') throw new UsageError(`--ai: ${parsed}`, 'run `ai-flow update --help`');
    tools = parsed;
  }
  const why = opts.delivery === undefined ? null : checkDelivery(opts.delivery);
  if (why) throw new UsageError(`--delivery: ${why}`, 'run `ai-flow update --help`');
  if (opts.language !== undefined) {
    const why = checkLanguage(opts.language);
    if (why) throw new UsageError(`--language: ${why}`, 'give a language name, e.g. --language Deutsch');
  }
  const writes = !opts.dryRun && !opts.check;
  if (!writes) return updateOnce(root, tools, opts, false);
  // Refuse a missing or corrupt installation before taking the lock (which creates .ai-flow/).
  readInstallation(root);
  return withLock(root, 'update', () => updateOnce(root, tools, opts, true));
}

async function updateOnce(root: string, tools: string[] | undefined, opts: UpdateOptions, writes: boolean): Promise<number> {
  const interrupted = noteInterruptedRun(root, !writes);
  const state = readInstallation(root);
  const version = packVersion(packRoot());
  if (compareVersions(state.config.packVersion, version) > 0) {
    throw new StateError(`installed by ai-flow ${state.config.packVersion}, newer than this ${version}`, 'upgrade ai-flow: npm install -g ai-flow@latest (or use npx ai-flow@latest)');
  }
  if (!state.bases.present && state.manifest.files.length > 0) {
    process.stderr.write(`ai-flow: ${BASES_PATH} is missing; edited files that also changed in the pack will be marked as conflicts — restore it from version control to merge them\n`);
  }
  const { schemaVersion: _schema, packVersion: _version, ...saved } = state.config;
  // A changed tool set, delivery or language re-renders only what depends on it.
  const delivery = (opts.delivery?.trim().toLowerCase() as DeliveryPreference | undefined) ?? saved.delivery;
  const answers = { ...saved, tools: tools ?? saved.tools, delivery, language: opts.language?.trim() ?? saved.language };
  const run = planRun(root, answers, state, Boolean(opts.restore));
  // The same pre-flight for --check, --dry-run and the real run: a dry run tells the truth.
  if (!run.noop) checkCanApply(root, run.plan);
  const actions = reportedActions(run.plan);
  const summary = summarize(actions);

  let exitCode = summary.conflicted > 0 || summary.refused > 0 || interrupted.conflicts.length > 0 ? 1 : 0;
  if (opts.check && (planChangesDisk(run.plan) || !run.noop || interrupted.pending)) exitCode = 1;
  let folder = null;
  if (writes) {
    const progress = await startProgress('Updating ai-flow…', !opts.json);
    try {
      folder = await applyRun(root, run, 'update', { answers, actions });
    } finally {
      progress.stop();
    }
  }
  printReport(root, state.config.packVersion, run, actions, summary, exitCode, writes, opts);
  finishRun(folder);
  return exitCode;
}

function printReport(root: string, fromVersion: string, run: PlannedRun, actions: ReportedAction[], summary: Summary, exitCode: number, writes: boolean, opts: UpdateOptions): void {
  if (opts.json) {
    printJson({ command: 'update', dryRun: !writes, check: Boolean(opts.check), target: root, fromVersion, toVersion: run.packVersion, summary, actions, exitCode });
    return;
  }
  const c = makeColors(false);
  if (run.noop && summary.leftDeleted === 0 && summary.refused === 0) {
    const kept = summary.kept > 0 ? ` (${summary.kept} file(s) you edited are kept as they are)` : '';
    process.stdout.write(`${c.bold(`ai-flow ${run.packVersion} in ${root} is up to date`)}${kept}\n`);
    return;
  }
  const verb = writes ? (planChangesDisk(run.plan) ? 'Updated' : 'Nothing to update in') : opts.check ? 'Check of' : 'Plan for';
  const note = writes ? '' : ' (nothing written)';
  const versions = fromVersion === run.packVersion ? run.packVersion : `${fromVersion} → ${run.packVersion}`;
  process.stdout.write(`${c.bold(`${verb} ${root}: ai-flow ${versions}${note}`)}\n`);
  const body = formatPlan(actions, c, Boolean(opts.dryRun || opts.check || opts.verbose));
  if (body) process.stdout.write(`${body}\n`);
  process.stdout.write(`${formatSummary(summary, c)}\n`);
  if (summary.conflicted > 0) {
    process.stdout.write(c.red(`Resolve the conflict markers (<<<<<<< … >>>>>>>) in the files above, then run \`ai-flow doctor\`.\n`));
  }
  if (opts.check && exitCode === 1 && summary.conflicted === 0) process.stdout.write('The installation is out of date: run `ai-flow update`.\n');
}
