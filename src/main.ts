import { AiFlowError } from './errors.js';
import { buildProgram } from './cli.js';
import { loadColors, printJson } from './output.js';

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
    await loadColors();
    await program.parseAsync(argv);
    process.exitCode = exitCode;
  } catch (err) {
    process.exitCode = exitCodeOf(err, verbose, argv.includes('--json'));
  }
}

function exitCodeOf(err: unknown, verbose: boolean, json: boolean): number {
  const e = err as { code?: string; exitCode?: number; message?: string };
  // commander's own exits: help and version are successes, anything else is bad usage
  // (commander has already printed its one line on stderr).
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    if (json) printJson({ error: { message: String(e.message ?? e.code).replace(/^error: /, '').trim(), hint: 'run `ai-flow --help` for usage' }, exitCode: 2 });
    return 2;
  }
  // A file-system condition the user can cause (and no code path above mapped): exit 3, not a crash.
  if (!(err instanceof AiFlowError) && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    const message = `file-system error: ${e.code}${e.message ? ` (${e.message.slice(0, 160)})` : ''}`;
    if (json) printJson({ error: { message, hint: 'check the target folder and its permissions' }, exitCode: 3 });
    process.stderr.write(`ai-flow: ${message} — check the target folder and its permissions\n`);
    if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 3;
  }
  if (err instanceof AiFlowError) {
    if (json) printJson({ error: { message: err.message, hint: err.hint ?? null }, exitCode: err.exitCode });
    if (err.exitCode === 130) {
      process.stderr.write('ai-flow: cancelled — nothing was written\n');
    } else {
      process.stderr.write(`ai-flow: ${oneLine(err.message)}${err.hint ? ` — ${oneLine(err.hint)}` : ''}\n`);
    }
    if (verbose && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`ai-flow: unexpected error: ${message} — run again with --verbose and report it\n`);
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}

// Not a top-level await: the build makes this one CommonJS script (scripts/build.mjs).
void main(process.argv).then(exitWhenWritten);

/**
 * Ends the process as soon as all its output is written. Left to itself, Node would first let
 * V8 finish a garbage collection begun near the end of the run (about 10 ms of an init on
 * Node 24): work for a heap about to be thrown away. Nothing else is pending by now: every
 * command has released its lock and awaited its writes.
 */
async function exitWhenWritten(): Promise<void> {
  // An empty write's callback runs once every earlier write on that stream is out.
  const written = (stream: NodeJS.WriteStream) => new Promise((resolve) => (stream.writableLength > 0 ? stream.write('', resolve) : resolve(undefined)));
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit();
}

/** Messages are one line whatever went into them. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
