import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { describeKind, formatBytes, kindOfStats } from '../core/fs-safe.js';

/** An answers file is a few hundred bytes; anything past this is not one. */
const MAX_ANSWERS = 1024 * 1024;
const EXAMPLE = 'pass a JSON file like {"name": "...", "type": "backend", "tools": ["claude"]}';

/**
 * Reads `--answers <file>` (`-`: standard input) as JSON: a regular file only (a FIFO or a device
 * such as /dev/zero is refused, never read), at most 1 MiB, a UTF-8 BOM allowed.
 */
export function readAnswersFile(file: string): unknown {
  const data = file === '-' ? readStdin() : readFile(file);
  const text = data.toString('utf8').replace(/^\ufeff/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--answers ${file}: not valid JSON (${(err as Error).message.slice(0, 80)})`, EXAMPLE);
  }
}

function readFile(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
    throw new UsageError(`--answers ${file}: ${why}`, EXAMPLE);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`--answers ${file}: is ${describeKind(kindOfStats(st))}, not a regular file`, EXAMPLE);
    if (st.size > MAX_ANSWERS) throw new UsageError(`--answers ${file}: is larger than ${formatBytes(MAX_ANSWERS)}`, EXAMPLE);
    return readAll(fd, `--answers ${file}`);
  } finally {
    closeSync(fd);
  }
}

function readStdin(): Buffer {
  return readAll(0, '--answers - (standard input)');
}

/** Reads a descriptor to its end, refusing more than the limit (a stream such as a pipe has no size). */
function readAll(fd: number, label: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
      if (code === 'EOF') break;
      throw new UsageError(`${label}: cannot be read (${code})`, EXAMPLE);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_ANSWERS) throw new UsageError(`${label}: is larger than ${formatBytes(MAX_ANSWERS)}`, EXAMPLE);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}
