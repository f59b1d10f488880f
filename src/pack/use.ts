import type { PackRef, PackType } from '../types.js';
import { UsageError } from '../errors.js';
import { isInstallablePath } from '../core/path-set.js';
import type { Pack } from './pack.js';
import type { PackStack } from './stack.js';
import { assertUsable, buildStack } from './stack.js';
import { readSource, recordSource } from './source.js';

/**
 * The pack an installation uses: the shipped pack, or the recorded stack read again now, so
 * `update` plans a changed overlay exactly like a changed shipped pack. Read once per run.
 */
const stacks = new Map<string, PackStack>();

const FIX = 'run `ai-flow pack lint <source>` to see every problem, fix the pack or pick another version';

export interface UsedPack {
  pack: Pack;
  /** The recorded packs with their names and versions as read now; undefined: the shipped pack alone. */
  packs: PackRef[] | undefined;
}

export function packFor(root: string, packs: readonly PackRef[] | undefined, types: readonly PackType[]): UsedPack {
  const sources = packs ?? [];
  const key = [root, ...sources.map((p) => p.source)].join('\0');
  let stack = stacks.get(key);
  if (!stack) {
    stack = buildStack(sources.map((p) => readSource(p.source, root, p)));
    stacks.set(key, stack);
  }
  return { pack: assertUsable(stack, types, FIX), packs: packs === undefined || packs.length === 0 ? undefined : stack.refs };
}

/** `init --pack <source>…`: each source recorded relative to the repository and read now, so a bad pack stops init before the interview. */
export function packsFromFlags(given: readonly string[], cwd: string, root: string): PackRef[] {
  const sources = given.map((g) => recordSource(g, cwd, root));
  const key = [root, ...sources].join('\0');
  let stack = stacks.get(key);
  if (!stack) {
    stack = buildStack(sources.map((s) => readSource(s, root, null)));
    stacks.set(key, stack);
  }
  assertUsable(stack, [], FIX);
  return stack.refs;
}

/** "0.1.0 + @acme/pack 1.2.0": the versions of a stack, for conflict-marker labels. */
export function stackLabel(version: string, packs: readonly PackRef[] | undefined): string {
  return [version, ...(packs ?? []).map((p) => `${p.name} ${p.version}`)].join(' + ');
}

/** The last guard before planning: whatever a pack holds, only paths a pack may install are ever planned. */
export function assertInstallable(paths: readonly { path: string; source: string }[]): void {
  const outside = paths.find((d) => !isInstallablePath(d.path));
  if (outside) throw new UsageError(`${outside.source} would install ${JSON.stringify(outside.path)}, outside the paths a pack may install; nothing was written`, FIX);
}
