import type { PackType } from '../types.js';
import { PACK_TYPES } from '../types.js';
import { StateError } from '../errors.js';
import type { EntryCommand } from './commands.js';
import type { PackTree } from './tree.js';
import { FolderTree } from './tree.js';

/** A file the pack installs verbatim: where it comes from and where it goes. */
export interface PackFile {
  /** Path inside the pack, e.g. `prompts/backend/flow-build.md`. */
  source: string;
  /** Installed path in the project, e.g. `.ai-flow/prompts/backend/flow-build.md`. */
  target: string;
  content: string;
}

/** What the pack's manifests add to its files: the commands its packs add and the types they all support. */
export interface PackAbout {
  commands?: readonly EntryCommand[];
  types?: readonly PackType[];
}

/**
 * The pack a run installs: the shipped one, or a stack of packs (a full pack, overlays) seen
 * as one tree (`stack.ts` builds it). Reads lazily and caches each file; one instance per run.
 */
export class Pack {
  private readonly cache = new Map<string, string | undefined>();
  private readonly tree: PackTree;
  /** Commands the pack adds to the standard ones (SPEC §4.1). */
  readonly commands: readonly EntryCommand[];
  /** The project types every layer of the pack supports. */
  readonly types: readonly PackType[];

  /** `source`: the folder of one trusted pack (the shipped one), or the layered tree of a stack. */
  constructor(source: string | PackTree, about: PackAbout = {}) {
    this.tree = typeof source === 'string' ? new FolderTree(source) : source;
    this.commands = about.commands ?? [];
    this.types = about.types ?? PACK_TYPES;
  }

  /** Relative paths of every file under `dir` (POSIX separators, sorted); [] when absent. */
  listDir(dir: string): string[] {
    return this.tree.listDir(dir);
  }

  read(source: string): string {
    const text = this.lookup(source);
    if (text === undefined) throw new StateError(`pack file missing: ${source}`, 'reinstall ai-flow (the package is incomplete), or add the file to your pack');
    return text;
  }

  exists(source: string): boolean {
    return this.lookup(source) !== undefined;
  }

  private lookup(source: string): string | undefined {
    if (!this.cache.has(source)) this.cache.set(source, this.tree.read(source));
    return this.cache.get(source);
  }

  /** The prompts and document templates a project of these types installs, copied byte for byte. */
  copiedFiles(types: readonly PackType[]): PackFile[] {
    const homes = ['shared', ...types];
    const files: PackFile[] = [];
    for (const kind of ['prompts', 'templates'] as const) {
      for (const home of homes) {
        this.tree.prefetch?.(`${kind}/${home}`);
        for (const rel of this.listDir(`${kind}/${home}`)) {
          const source = `${kind}/${home}/${rel}`;
          files.push({ source, target: `.ai-flow/${source}`, content: this.read(source) });
        }
      }
    }
    return files;
  }

  /**
   * The documents /flow-build will write for a part, derived from its type's templates:
   * `docs/api.md` stays `docs/api.md` (several parts: `docs/backend/api.md`), `env.example` →
   * `.env.example` in the part's folder.
   */
  plannedDocuments(packType: PackType, multiPart: boolean, dir = '.'): PlannedDocument[] {
    return this.listDir(`templates/${packType}`).map((rel) => ({
      path: documentPath(rel, packType, multiPart, dir),
      title: documentTitle(this.read(`templates/${packType}/${rel}`)),
    }));
  }
}

export interface PlannedDocument {
  path: string;
  /** The template's own heading without placeholders ("Data model"); '' when it has none. */
  title: string;
}

/** `# Data model — {{PROJECT_NAME}}` → `Data model`. */
export function documentTitle(template: string): string {
  const heading = /^# (.+)$/m.exec(template)?.[1] ?? '';
  const title = heading
    .replace(/\{\{[A-Z0-9_]+\}\}/g, '')
    .replace(/\s+(for|of)\s*$/i, '')
    .replace(/^[\s\u2014\u2013:-]+|[\s\u2014\u2013:-]+$/g, '') // em and en dashes
    .trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function documentPath(rel: string, packType: PackType, multiPart: boolean, dir = '.'): string {
  if (rel === 'env.example') return dir === '.' ? '.env.example' : `${dir}/.env.example`;
  const [top, ...rest] = rel.split('/');
  if (multiPart && (top === 'docs' || top === 'specs') && rest.length > 0) {
    return `${top}/${packType}/${rest.join('/')}`;
  }
  return rel;
}
