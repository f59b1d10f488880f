import { zlib } from '../core/zlib.js';

/**
 * A reader for the gzipped tar archives `npm pack` writes (ustar, with pax or GNU long
 * names), done in memory. It returns regular files only and records every entry it refuses
 * (links, devices, absolute or `..` paths, sizes past the limits): a pack archive is data,
 * and nothing in it is ever written to disk.
 */

export interface TarLimits {
  /** Largest single file, in bytes. */
  file: number;
  /** Largest sum of the file sizes, in bytes. */
  total: number;
  /** Most files. */
  files: number;
}

export interface TarContents {
  files: Map<string, Buffer>;
  /** Why an entry was refused, one line each: `<path>: <why>`. */
  refused: string[];
}

const BLOCK = 512;

export function readTgz(data: Buffer, limits: TarLimits): TarContents {
  let tar: Buffer;
  try {
    // Headers and padding add little to the files; a bomb stops at the bound.
    tar = zlib().gunzipSync(data, { maxOutputLength: limits.total * 2 + 4 * 1024 * 1024 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TarError(code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(String(err)) ? `unpacks to more than ${limits.total * 2} bytes` : 'is not a gzipped tar archive');
  }
  return readTar(tar, limits);
}

export class TarError extends Error {}

function readTar(tar: Buffer, limits: TarLimits): TarContents {
  const files = new Map<string, Buffer>();
  const refused: string[] = [];
  let total = 0;
  let longName: string | null = null;
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw new TarError(`has a damaged header at byte ${offset}`);
    const size = readSize(header);
    const type = String.fromCharCode(header[156] || 48);
    const start = offset + BLOCK;
    if (size < 0 || start + size > tar.length) throw new TarError(`has a truncated entry at byte ${offset}`);
    const body = tar.subarray(start, start + size);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'x' || type === 'L') {
      if (size > 64 * 1024) throw new TarError('has an oversized long-name header');
      longName = type === 'L' ? cString(body) : paxPath(body) ?? longName;
      continue;
    }
    if (type === 'g') continue;
    const name = longName ?? headerName(header);
    longName = null;
    if (type === '5') continue;
    const why = type === '0' || type === '7' ? badPath(name) : describeType(type);
    if (why) {
      refused.push(`${name}: ${why}`);
      continue;
    }
    if (size > limits.file) {
      refused.push(`${name}: is larger than ${limits.file} bytes`);
      continue;
    }
    total += size;
    if (files.size >= limits.files || total > limits.total) throw new TarError(`holds more than ${limits.files} files or ${limits.total} bytes`);
    files.set(name.replace(/^\.\//, ''), Buffer.from(body));
  }
  return { files, refused };
}

function describeType(type: string): string {
  if (type === '1') return 'is a hard link; a pack holds regular files only';
  if (type === '2') return 'is a symbolic link; a pack holds regular files only';
  return `is a special entry (tar type ${JSON.stringify(type)}); a pack holds regular files only`;
}

/** Why a path from an archive cannot be a pack file, or null. */
function badPath(name: string): string | null {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) return 'is an absolute path or uses \\; a pack path is relative, with /';
  if (name.split('/').includes('..')) return 'leaves its folder ("..")';
  if (/[\u0000-\u001f]/.test(name)) return 'has a control character in its name';
  return null;
}

function headerName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cString(buf: Buffer): string {
  const end = buf.indexOf(0);
  return buf.subarray(0, end === -1 ? buf.length : end).toString('utf8');
}

/** A size is octal text, or base-256 when the high bit of the first byte is set. */
function readSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if (field[0] & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    return field[0] === 0x80 ? n : -1;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : -1;
}

function checksumOk(header: Buffer): boolean {
  const stored = Number.parseInt(cString(header.subarray(148, 156)).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum === stored;
}

/** The `path` record of a pax header (`<len> path=<value>\n` records). */
function paxPath(body: Buffer): string | null {
  let at = 0;
  let found: string | null = null;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space === -1) break;
    const len = Number.parseInt(body.subarray(at, space).toString('latin1'), 10);
    if (!(len > 0) || at + len > body.length) break;
    const record = body.subarray(space + 1, at + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') found = record.slice(eq + 1);
    at += len;
  }
  return found;
}
