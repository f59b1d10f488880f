import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files of a pack, or of several packs layered: paths relative to the pack root, POSIX separators. */
export interface PackTree {
  /** Relative paths of every file under `dir` (sorted); [] when absent. */
  listDir(dir: string): string[];
  /** A file's text; undefined when the tree has no such file. */
  read(file: string): string | undefined;
  /** A hint: every file under `dir` is about to be read. */
  prefetch?(dir: string): void;
}

/** The pack shipped with the CLI, read lazily from its folder (trusted: it is part of the CLI). */
export class FolderTree implements PackTree {
  constructor(readonly root: string) {}

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

  read(file: string): string | undefined {
    try {
      return readFileSync(path.join(this.root, file), 'utf8');
    } catch {
      return undefined;
    }
  }
}

/** A pack read into memory (a folder or an archive from outside the CLI, checked as it was read). */
export class MemoryTree implements PackTree {
  constructor(private readonly files: ReadonlyMap<string, string>) {}

  listDir(dir: string): string[] {
    const prefix = `${dir}/`;
    return [...this.files.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)).sort();
  }

  read(file: string): string | undefined {
    return this.files.get(file);
  }
}

/** Packs stacked: a file of a later layer replaces the same file of an earlier one; the others add up. */
export class LayeredTree implements PackTree {
  constructor(private readonly layers: readonly PackTree[]) {}

  listDir(dir: string): string[] {
    return [...new Set(this.layers.flatMap((l) => l.listDir(dir)))].sort();
  }

  prefetch(dir: string): void {
    for (const layer of this.layers) layer.prefetch?.(dir);
  }

  read(file: string): string | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const text = this.layers[i].read(file);
      if (text !== undefined) return text;
    }
    return undefined;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
