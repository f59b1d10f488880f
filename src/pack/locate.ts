import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shipped pack lives: the package root (it holds prompts/, templates/ and
 * ai-flow-pack.json). AI_FLOW_PACK_DIR points at another pack folder that stands in for it;
 * tests use it to simulate an older or newer release without the network. (A team's own
 * pack is given with `--pack`, see stack.ts.)
 */
export function packRoot(): string {
  const override = process.env.AI_FLOW_PACK_DIR;
  if (override) return path.resolve(override);
  return packageRoot();
}

/** Set by the build: a digest of everything that decides what ai-flow writes (its code and shipped pack). */
declare const __AI_FLOW_BUILD_DIGEST__: string | undefined;

/** The folder of ai-flow's package.json: above dist/cli.cjs (the bundle), or above src/pack/ (the sources, in tests). */
function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return typeof __AI_FLOW_BUILD_DIGEST__ === 'string' ? path.resolve(here, '..') : path.resolve(here, '..', '..');
}

/**
 * What produced an installation's texts, when it can be known without rendering them: the
 * build's digest, for the shipped pack. Null for a pack standing in for it (AI_FLOW_PACK_DIR)
 * and for unbundled sources (tests), which are always rendered.
 */
export function shippedDigest(): string | null {
  if (process.env.AI_FLOW_PACK_DIR || typeof __AI_FLOW_BUILD_DIGEST__ !== 'string') return null;
  return __AI_FLOW_BUILD_DIGEST__;
}

/** The CLI's own version (package.json next to dist/). */
export function cliVersion(): string {
  return readVersion(packageRoot()) ?? '0.0.0';
}

/** The pack's version: its package.json, which for the shipped pack is the CLI's. */
export function packVersion(root: string = packRoot()): string {
  return readVersion(root) ?? cliVersion();
}

/** Compares two `major.minor.patch` versions (pre-release tags ignored): <0, 0 or >0. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('-')[0].split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function readVersion(root: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
