import { Chalk, type ChalkInstance } from 'chalk';

/** Colours follow NO_COLOR / FORCE_COLOR (chalk alone ignores NO_COLOR); never in JSON mode. */
export function makeColors(json: boolean): ChalkInstance {
  if (json) return new Chalk({ level: 0 });
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return new Chalk();
  if (process.env.NO_COLOR) return new Chalk({ level: 0 });
  return new Chalk();
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
