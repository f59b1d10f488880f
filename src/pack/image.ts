import { openSync, readSync } from 'node:fs';
import path from 'node:path';
import { rememberText } from '../core/known-texts.js';
import { StateError } from '../errors.js';
import { packRoot, shippedDigest } from './locate.js';
import type { PackTree } from './tree.js';
import { FolderTree } from './tree.js';

/** Where the build writes the image of the shipped pack (scripts/build.mjs, packImage). */
export const IMAGE_FILE = 'dist/pack-image.bin';
const FORMAT = 2;

interface ImageEntry {
  /** Offset of the file's bytes; its gzip member follows them. */
  start: number;
  size: number;
  sha256: string;
  memberSize: number;
}

/**
 * The shipped pack as the build left it in one file: each file's bytes, with their sha256 and a
 * gzip member of them worked out at build time. Only the files a run asks for are read. Reading
 * one tells known-texts.ts those facts, so an install neither hashes nor compresses a shipped
 * text. Trusted like the bundle beside it; `open` gives null (read the folder instead) for an
 * image from another build.
 */
export class ImageTree implements PackTree {
  private readonly bySha = new Map<string, ImageEntry>();
  /** Files read by `prefetch`, not yet asked for. */
  private readonly loaded = new Map<ImageEntry, Buffer>();

  private constructor(
    private readonly fd: number,
    private readonly entries: ReadonlyMap<string, ImageEntry>,
  ) {
    for (const e of entries.values()) this.bySha.set(e.sha256, e);
  }

  /** The image in `root`, when it was made by the build with `digest`; null otherwise. */
  static open(root: string, digest: string): ImageTree | null {
    let fd: number;
    try {
      fd = openSync(path.join(root, IMAGE_FILE), 'r');
    } catch {
      return null;
    }
    // The header line: read in chunks until its end (about 20 KB).
    let head = Buffer.alloc(0);
    let eol = -1;
    while (eol < 0) {
      const chunk = Buffer.allocUnsafe(32 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, head.length);
      if (n === 0) return null;
      head = Buffer.concat([head, chunk.subarray(0, n)]);
      eol = head.indexOf(10);
    }
    let parsed: { format?: unknown; digest?: unknown; files?: unknown };
    try {
      parsed = JSON.parse(head.toString('utf8', 0, eol)) as typeof parsed;
    } catch {
      return null;
    }
    if (parsed.format !== FORMAT || parsed.digest !== digest || !Array.isArray(parsed.files)) return null;
    const entries = new Map<string, ImageEntry>();
    let at = eol + 1;
    for (const [file, size, sha256, memberSize] of parsed.files as [string, number, string, number][]) {
      entries.set(file, { start: at, size, sha256, memberSize });
      at += size + memberSize;
    }
    return new ImageTree(fd, entries);
  }

  listDir(dir: string): string[] {
    const prefix = `${dir}/`;
    const out: string[] = [];
    for (const file of this.entries.keys()) if (file.startsWith(prefix)) out.push(file.slice(prefix.length));
    return out.sort();
  }

  /**
   * Reads every file under `dir` in one go (they lie side by side: the build writes them in path
   * order), for a caller about to read them all; `read` then takes them from memory.
   */
  prefetch(dir: string): void {
    const prefix = `${dir}/`;
    const inside = [...this.entries].filter(([file]) => file.startsWith(prefix)).map(([, e]) => e);
    if (inside.length === 0) return;
    const start = Math.min(...inside.map((e) => e.start));
    const end = Math.max(...inside.map((e) => e.start + e.size + e.memberSize));
    const data = this.readAt(start, end - start);
    for (const e of inside) this.loaded.set(e, data.subarray(e.start - start, e.start - start + e.size + e.memberSize));
  }

  read(file: string): string | undefined {
    const e = this.entries.get(file);
    if (!e) return undefined;
    const both = this.load(e);
    const bytes = both.subarray(0, e.size);
    const text = bytes.toString('utf8');
    rememberText(text, { sha256: e.sha256, bytes, gzipMember: both.subarray(e.size) });
    return text;
  }

  /** The bytes of the shipped file whose sha256 is `sha256`, if there is one. */
  bytesWithHash(sha256: string): Buffer | undefined {
    const e = this.bySha.get(sha256);
    return e ? this.load(e).subarray(0, e.size) : undefined;
  }

  /** A file's bytes and member, read in one go (or taken from a prefetch). */
  private load(e: ImageEntry): Buffer {
    return this.loaded.get(e) ?? this.readAt(e.start, e.size + e.memberSize);
  }

  private readAt(position: number, length: number): Buffer {
    const data = Buffer.allocUnsafe(length);
    let off = 0;
    while (off < length) {
      const n = readSync(this.fd, data, off, length - off, position + off);
      if (n === 0) throw new StateError(`${IMAGE_FILE} is truncated`, 'reinstall ai-flow (the package is incomplete)');
      off += n;
    }
    return data;
  }
}

let shipped: ImageTree | null | undefined;

/**
 * The image of the CLI's own pack, opened once per run; null for unbundled sources or a pack
 * standing in for it (AI_FLOW_PACK_DIR).
 */
export function shippedImage(): ImageTree | null {
  if (shipped === undefined) {
    const digest = shippedDigest();
    shipped = digest ? ImageTree.open(packRoot(), digest) : null;
  }
  return shipped;
}

/**
 * The files of the shipped pack: the build's image (the published package ships nothing else
 * of them), or the folder of the pack standing in for it (AI_FLOW_PACK_DIR, unbundled sources).
 */
export function shippedTree(): PackTree {
  return shippedImage() ?? new FolderTree(packRoot());
}
