import { AiFlowError } from './errors.js';
import { buildProgram } from './cli.js';
import { printJson } from './output.js';

/** The entry point: the only place that sets the process exit code (SPEC §7). */
async function main(argv: string[]): Promise<void> {
  // `ai-flow list | head` closes stdout early: that is the reader's choice, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const verbose = argv.includes('--verbose');
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    process.exitCode = exitCode;
  } catch (err) {
    process.exitCode = exitCodeOf(err, verbose, argv.includes('--json'));
  }
}

function exitCodeOf(err: unknown, verbose: boolean, json: boolean): number {
  const e = err as { code?: string; exitCode?: number };
  // commander's own exits: help and version are successes, anything else is bad usage.
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 2;
  }
  if (err instanceof AiFlowError) {
    if (json) printJson({ error: { message: err.message, hint: err.hint ?? null }, exitCode: err.exitCode });
    if (err.exitCode === 130) {
      process.stderr.write('ai-flow: cancelled — nothing was written\n');
    } else {
      process.stderr.write(`ai-flow: ${err.message}${err.hint ? ` — ${err.hint}` : ''}\n`);
    }
    if (verbose && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`ai-flow: unexpected error: ${message} — run again with --verbose and report it\n`);
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}

await main(process.argv);
