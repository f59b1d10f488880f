import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PackType } from '../types.js';
import { StateError } from '../errors.js';

/** A file the pack installs verbatim: where it comes from and where it goes. */
export interface PackFile {
  /** Path inside the pack, e.g. `prompts/backend/flow-build.md`. */
  source: string;
  /** Installed path in the project, e.g. `.ai-flow/prompts/backend/flow-build.md`. */
  target: string;
  content: string;
}

/** Reads the pack lazily and caches each file; one instance per command run. */
export class Pack {
  private readonly cache = new Map<string, string>();

  constructor(readonly root: string) {}

  /** Relative paths of every file under `dir` (POSIX separators, sorted); [] when absent. */
  listDir(dir: string): string[] {
    const abs = path.join(this.root, dir);
    if (!isDir(abs)) return [];
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const entry of readdirSync(path.join(abs, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(child);
        else if (entry.isFile()) out.push(child);
      }
    };
    walk('');
    return out.sort();
  }

  read(source: string): string {
    let text = this.cache.get(source);
    if (text === undefined) {
      try {
        text = readFileSync(path.join(this.root, source), 'utf8');
      } catch {
        throw new StateError(`pack file missing: ${source}`, 'reinstall ai-flow (the package is incomplete)');
      }
      this.cache.set(source, text);
    }
    return text;
  }

  exists(source: string): boolean {
    try {
      return statSync(path.join(this.root, source)).isFile();
    } catch {
      return false;
    }
  }

  /** The prompts and document templates a project of these types installs, copied byte for byte. */
  copiedFiles(types: readonly PackType[]): PackFile[] {
    const homes = ['shared', ...types];
    const files: PackFile[] = [];
    for (const kind of ['prompts', 'templates'] as const) {
      for (const home of homes) {
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
    .replace(/^[\s—–:-]+|[\s—–:-]+$/g, '')
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

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
