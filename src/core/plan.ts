import type { DesiredFile } from './desired.js';
import type { DiskEntry } from './disk.js';
import type { FileText } from './text.js';
import { toLf, withEol } from './text.js';
import type { Manifest, ManifestEntry } from './state.js';
import { findBlock, removeBlock, upsertBlock } from './blocks.js';
import { sha256, sha256Bytes } from './hash.js';
import { mergeThreeWay } from './merge.js';

export type Action = 'create' | 'update' | 'merge' | 'conflict' | 'keep' | 'delete' | 'skip';

export interface PlannedAction {
  path: string;
  action: Action;
  owner: 'file' | 'block';
  reason: string;
  /** The whole new text of the file for create/update/merge/conflict; null to delete it. */
  write?: string | null;
  /** A file ai-flow did not write and will not overwrite: makes `init` exit 1. */
  refused?: boolean;
  /** Deleted by the user and left deleted: reported, `--restore` brings it back. */
  userDeleted?: boolean;
  conflicts?: number;
}

export interface Plan {
  actions: PlannedAction[];
  /** The manifest after the plan is applied. */
  manifest: ManifestEntry[];
  /** The base text of every managed path after the plan is applied. */
  bases: Map<string, string>;
}

export interface PlanInput {
  desired: readonly DesiredFile[];
  /** What stands at every path in `desired` and in the manifest. */
  disk: ReadonlyMap<string, DiskEntry>;
  manifest: Manifest | null;
  /** The text each path had when ai-flow last installed it (the base of a merge). */
  bases: { get(path: string): string | undefined };
  restore: boolean;
  /** Versions for conflict-marker labels. */
  oldVersion: string;
  newVersion: string;
  /** Where earlier versions installed planned files (old path → new path): the report says moved. */
  moves?: ReadonlyMap<string, string>;
}

/** Content-based decision per file (SPEC §6). Pure: the same input always gives the same plan. */
export function planChanges(input: PlanInput): Plan {
  const previous = new Map((input.manifest?.files ?? []).map((e) => [e.path, e]));
  const actions: PlannedAction[] = [];
  const manifest: ManifestEntry[] = [];
  const bases = new Map<string, string>();
  const wanted = new Set<string>();
  // Many files share one text (the copies of a skill): each text is hashed once.
  const hashes = new Map<string, string>();
  const hashOf = (text: string): string => {
    let h = hashes.get(text);
    if (h === undefined) hashes.set(text, (h = sha256(text)));
    return h;
  };

  for (const file of input.desired) {
    wanted.add(file.path);
    const decided = decide(file, previous.get(file.path), input);
    actions.push(decided);
    if (!decided.refused) {
      manifest.push({ path: file.path, sha256: hashOf(file.content), owner: file.owner });
      bases.set(file.path, file.content);
    }
  }
  for (const entry of previous.values()) {
    if (wanted.has(entry.path)) continue;
    const dropped = decideDropped(entry, input.disk.get(entry.path) ?? MISSING, input.moves?.get(entry.path));
    if (dropped) actions.push(dropped);
  }
  noteMoves(actions, input.moves);
  actions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  manifest.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { actions, manifest, bases };
}

const MISSING: DiskEntry = { kind: 'missing' };

function decide(file: DesiredFile, entry: ManifestEntry | undefined, input: PlanInput): PlannedAction {
  const disk = input.disk.get(file.path) ?? MISSING;
  const at = (action: Action, reason: string, extra: Partial<PlannedAction> = {}): PlannedAction => ({
    path: file.path, action, owner: file.owner, reason, ...extra,
  });

  if (disk.kind === 'refused') return at('skip', disk.reason, { refused: true });
  if (disk.kind === 'missing') {
    if (!entry) return at('create', 'new', { write: render(file, null) });
    if (input.restore) return at('create', 'restored (--restore)', { write: render(file, null) });
    return at('skip', 'deleted by you; left deleted (--restore brings it back)', { userDeleted: true });
  }

  const found = disk.file;
  // Compared and hashed in LF: line endings alone (core.autocrlf) never make a file "edited".
  let current = toLf(found.text);
  if (file.owner === 'block') {
    let block;
    try {
      block = findBlock(found.text, file.path);
    } catch (err) {
      return at('skip', `${(err as Error).message}; fix the markers by hand`, { refused: true });
    }
    if (!block) {
      if (!entry || input.restore) return at('update', 'adds the ai-flow block; your text stays as it is', { write: render(file, found) });
      return at('skip', 'ai-flow block removed by you; left out (--restore brings it back)', { userDeleted: true });
    }
    current = toLf(block.inner);
  }

  if (current === file.content) return at('skip', 'up to date');
  if (!entry) {
    if (file.owner === 'block') return at('update', 'replaces the ai-flow block', { write: render(file, found) });
    return at('skip', 'exists and was not written by ai-flow; not overwritten', { refused: true });
  }
  const edited = sha256(current) !== entry.sha256;
  if (!edited) return at('update', 'new pack text', { write: render(file, found) });
  if (sha256(file.content) === entry.sha256) return at('keep', 'edited by you; pack unchanged');

  // The base is only needed here: an up-to-date or unedited file never loads the stored bases.
  const base = input.bases.get(file.path);
  const merged = mergeThreeWay(base ?? '', current, file.content, {
    ours: 'your version',
    base: `ai-flow ${input.oldVersion}${base === undefined ? ' (base text missing)' : ''}`,
    theirs: `ai-flow ${input.newVersion}`,
  });
  const text = render({ ...file, content: merged.text }, found);
  if (merged.conflicts === 0) return at('merge', 'edited by you and changed in the pack; merged cleanly', { write: text });
  return at('conflict', `edited by you and changed in the pack; ${merged.conflicts} conflict(s) marked in the file`, {
    write: text,
    conflicts: merged.conflicts,
  });
}

function decideDropped(entry: ManifestEntry, disk: DiskEntry, movedTo?: string): PlannedAction | null {
  const action = decideRemoval(entry, disk, { why: movedTo ? `moved to ${movedTo}` : 'no longer in the pack', force: false });
  if (!movedTo || action?.action !== 'keep' || disk.kind !== 'text' || entry.owner !== 'file') return action;
  return { ...action, reason: `edited by you: kept here and no longer managed; ai-flow's copy is now ${movedTo} — move your edits there and delete this file, or the tool may list the command twice` };
}

/**
 * Removing one of ai-flow's files (dropped by a new pack, or every file on uninstall): an
 * unedited file is deleted, a block is taken out of the user's text (the file goes if nothing
 * else is left); an edited one is kept unless `force`. A file that is missing needs nothing.
 */
export function decideRemoval(entry: ManifestEntry, disk: DiskEntry, opts: { why: string; force: boolean }): PlannedAction | null {
  if (disk.kind === 'missing') return null;
  const at = (action: Action, reason: string, write?: string | null): PlannedAction => ({
    path: entry.path, action, owner: entry.owner, reason, ...(write !== undefined ? { write } : {}),
  });
  if (disk.kind === 'refused') return at('keep', `${opts.why}; ${disk.reason}`);
  const found = disk.file;
  if (entry.owner === 'file') {
    if (sha256(toLf(found.text)) === entry.sha256) return at('delete', opts.why, null);
    if (opts.force) return at('delete', `${opts.why}; edited by you, removed (--force)`, null);
    return at('keep', `${opts.why}, but edited by you: kept and no longer managed`);
  }
  let block;
  try {
    block = findBlock(found.text, entry.path);
  } catch {
    return at('keep', `${opts.why}; block markers unpaired, left as it is`);
  }
  if (!block) return null;
  const edited = sha256(toLf(block.inner)) !== entry.sha256;
  if (edited && !opts.force) return at('keep', `${opts.why}; the block was edited by you: kept`);
  const rest = removeBlock(found.text, entry.path);
  const note = edited ? '; edited by you, removed (--force)' : '';
  return rest === null ? at('delete', `${opts.why}; the file held only the ai-flow block${note}`, null) : at('update', `${opts.why}; the ai-flow block is removed, your text stays${note}`, withBom(rest, found.bom));
}

/**
 * The plan when nothing ai-flow would write has changed (same build, same answers): every file
 * is what it was last installed as, so each is up to date, edited by the user (kept), or deleted
 * by them (left deleted) — decided by hashes, without rendering a single text. The same reasons
 * as `planChanges` gives for a pack that did not change. `shippedBytes` gives the shipped file
 * with a given hash, if there is one: a file with those very bytes has that hash.
 */
export function planUnchanged(manifest: Manifest, disk: ReadonlyMap<string, DiskEntry>, shippedBytes: (sha256: string) => Buffer | undefined = () => undefined): Plan {
  const actions = manifest.files.map((entry): PlannedAction => {
    const at = (action: Action, reason: string, extra: Partial<PlannedAction> = {}): PlannedAction => ({ path: entry.path, action, owner: entry.owner, reason, ...extra });
    const found = disk.get(entry.path) ?? MISSING;
    if (found.kind === 'missing') return at('skip', 'deleted by you; left deleted (--restore brings it back)', { userDeleted: true });
    if (found.kind === 'refused') return at('skip', found.reason, { refused: true });
    if (entry.owner === 'file' && found.file.lfBytes) {
      // The file's bytes are its LF text.
      const bytes = found.file.lfBytes;
      const same = shippedBytes(entry.sha256)?.equals(bytes) || sha256Bytes(bytes) === entry.sha256;
      return same ? at('skip', 'up to date') : at('keep', 'edited by you; pack unchanged');
    }
    let current = found.file.text;
    if (entry.owner === 'block') {
      let block;
      try {
        block = findBlock(current, entry.path);
      } catch (err) {
        return at('skip', `${(err as Error).message}; fix the markers by hand`, { refused: true });
      }
      if (!block) return at('skip', 'ai-flow block removed by you; left out (--restore brings it back)', { userDeleted: true });
      current = block.inner;
    }
    return sha256(toLf(current)) === entry.sha256 ? at('skip', 'up to date') : at('keep', 'edited by you; pack unchanged');
  });
  return { actions, manifest: manifest.files, bases: new Map() };
}

/** The plan of `ai-flow uninstall`: every file of the manifest removed as decideRemoval says. */
export function planUninstall(manifest: Manifest, disk: ReadonlyMap<string, DiskEntry>, force: boolean): Plan {
  const actions = manifest.files
    .map((e) => decideRemoval(e, disk.get(e.path) ?? MISSING, { why: 'uninstalled', force }))
    .filter((a): a is PlannedAction => a !== null)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { actions, manifest: [], bases: new Map() };
}

/** A file created where an earlier version's copy is deleted or kept says where it comes from. */
function noteMoves(actions: PlannedAction[], moves: ReadonlyMap<string, string> | undefined): void {
  for (const old of actions) {
    const to = moves?.get(old.path);
    const created = to ? actions.find((a) => a.path === to && a.action === 'create') : undefined;
    if (!created) continue;
    created.reason = old.action === 'delete' ? `moved from ${old.path}` : `new place of ${old.path} (kept there: edited by you)`;
  }
}

/** The whole new text of `file`: its LF content in the found file's line endings and BOM, a block placed in the found text. */
function render(file: DesiredFile, found: FileText | null): string {
  if (file.owner === 'block') {
    const text = upsertBlock(found?.text ?? null, file.content, file.path, found?.eol ?? '\n');
    return withBom(text, found?.bom ?? false);
  }
  return withBom(withEol(file.content, found?.eol ?? '\n'), found?.bom ?? false);
}

/** Plan texts carry the BOM as a character; apply writes them as UTF-8. */
function withBom(text: string, bom: boolean): string {
  return bom ? `\ufeff${text}` : text;
}
