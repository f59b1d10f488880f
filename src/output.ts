/** The styles the reports use: chalk's, or the text as it is. */
type Style = (text: string) => string;
export interface Colors {
  bold: Style;
  cyan: Style;
  dim: Style;
  green: Style;
  red: Style;
  yellow: Style;
}

const same: Style = (text) => text;
const PLAIN: Colors = { bold: same, cyan: same, dim: same, green: same, red: same, yellow: same };

/** chalk, once loadColors has found colours possible. */
let chalk: typeof import('chalk') | null = null;

/**
 * Loads chalk only where colours can show: FORCE_COLOR asks for them, or stdout is a terminal
 * and NO_COLOR is unset. Loading it loads node:tty and the socket modules (≈3 ms), which a run
 * writing to a file or a pipe does without. Called once, before the command runs.
 */
export async function loadColors(): Promise<void> {
  const force = process.env.FORCE_COLOR;
  const forced = force !== undefined && force !== '0' && force !== 'false';
  if (forced || (!process.env.NO_COLOR && process.stdout.isTTY)) chalk = await import('chalk');
}

/** Colours follow NO_COLOR / FORCE_COLOR (chalk alone ignores NO_COLOR); never in JSON mode. */
export function makeColors(json: boolean): Colors {
  if (json || !chalk) return PLAIN;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return new chalk.Chalk();
  if (process.env.NO_COLOR) return PLAIN;
  return new chalk.Chalk();
}

/** A spinner only where a person watches a terminal; a no-op otherwise. ora is loaded lazily. */
export interface Progress {
  stop(): void;
}

export async function startProgress(text: string, enabled: boolean): Promise<Progress> {
  // A terminal that reports no width (e.g. a bare pseudo-terminal) would make ora clear
  // an unbounded number of lines; such terminals get no spinner.
  if (!enabled || !process.stderr.isTTY || !(process.stderr.columns > 0)) return { stop: () => undefined };
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr }).start();
  return { stop: () => spinner.stop() };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
