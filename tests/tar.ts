import { gzipSync } from 'node:zlib';

/** One entry of a test archive: a file (default), a folder, or a link, under any name at all. */
export interface TarEntry {
  name: string;
  content?: string | Buffer;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'fifo';
  link?: string;
}

const TYPES = { file: '0', hardlink: '1', symlink: '2', dir: '5', fifo: '6' } as const;

/** A gzipped ustar archive, written byte by byte so tests can build archives no tar tool would. */
export function tgz(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.content ?? '');
    const type = e.type ?? 'file';
    const header = Buffer.alloc(512);
    header.write(e.name, 0, 100, 'utf8');
    header.write('0000644\0', 100, 'latin1');
    header.write('0000000\0', 108, 'latin1');
    header.write('0000000\0', 116, 'latin1');
    header.write(`${(type === 'file' ? body.length : 0).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('00000000000\0', 136, 'latin1');
    header.write('        ', 148, 'latin1');
    header.write(TYPES[type], 156, 'latin1');
    if (e.link) header.write(e.link, 157, 100, 'utf8');
    header.write('ustar\0', 257, 'latin1');
    header.write('00', 263, 'latin1');
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(header);
    if (type === 'file') {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
