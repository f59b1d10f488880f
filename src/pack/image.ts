import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rememberText } from '../core/known-texts.js';
import { packRoot, shippedDigest } from './locate.js';
import type { PackTree } from './tree.js';

/** Where the build writes the image of the shipped pack (scripts/build.mjs, packImage). */
export const IMAGE_FILE = 'dist/pack-image.bin';
const FORMAT = 1;

interface ImageEntry {
  start: number;
  size: number;
  sha256: string;
  memberStart: number;
  memberSize: number;
}

/**
 * The shipped pack as the build left it in one file: each file's bytes, with their sha256 and a
 * gzip member of them worked out at build time. Reading a file tells known-texts.ts those
 * facts, so an install neither hashes nor compresses a shipped text. Trusted like the bundle
 * beside it; `image` returns null (read the folder instead) for an image from another build.
 */
export class ImageTree implements PackTree {
  private constructor(
    private readonly data: Buffer,
    private readonly entries: ReadonlyMap<string, ImageEntry>,
  ) {}

  /** The image in `root`, when it was made by the build with `digest`; null otherwise. */
  static open(root: string, digest: string): ImageTree | null {
    let data: Buffer;
    try {
      data = readFileSync(path.join(root, IMAGE_FILE));
    } catch {
      return null;
    }
    const eol = data.indexOf(10);
    let head: { format?: unknown; digest?: unknown; files?: unknown };
    try {
      head = JSON.parse(data.toString('utf8', 0, eol < 0 ? 0 : eol)) as typeof head;
    } catch {
      return null;
    }
    if (head.format !== FORMAT || head.digest !== digest || !Array.isArray(head.files)) return null;
    const rows = head.files as [string, number, string, number][];
    const entries = new Map<string, ImageEntry>();
    let at = eol + 1;
    let member = at + rows.reduce((sum, r) => sum + r[1], 0);
    for (const [file, size, sha256, memberSize] of rows) {
      entries.set(file, { start: at, size, sha256, memberStart: member, memberSize });
      at += size;
      member += memberSize;
    }
    return member === data.length ? new ImageTree(data, entries) : null;
  }

  listDir(dir: string): string[] {
    const prefix = `${dir}/`;
    const out: string[] = [];
    for (const file of this.entries.keys()) if (file.startsWith(prefix)) out.push(file.slice(prefix.length));
    return out.sort();
  }

  read(file: string): string | undefined {
    const e = this.entries.get(file);
    if (!e) return undefined;
    const bytes = this.data.subarray(e.start, e.start + e.size);
    const text = bytes.toString('utf8');
    rememberText(text, { sha256: e.sha256, bytes, gzipMember: this.data.subarray(e.memberStart, e.memberStart + e.memberSize) });
    return text;
  }
}

let shipped: ImageTree | null | undefined;

/** The image of the CLI's own pack, opened once per run; null for unbundled sources or a pack standing in for it (AI_FLOW_PACK_DIR). */
export function shippedImage(): ImageTree | null {
  if (shipped === undefined) {
    const digest = shippedDigest();
    shipped = digest ? ImageTree.open(packRoot(), digest) : null;
  }
  return shipped;
}
