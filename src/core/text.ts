import { isUtf8 } from 'node:buffer';

/**
 * A text file as found on disk, so that what ai-flow writes back keeps its form exactly:
 * the UTF-8 byte-order mark and the line endings (SPEC §10). ai-flow's own texts are LF;
 * comparisons and hashes use the LF form, writes use the file's own endings.
 */
export interface FileText {
  /** The decoded text without the BOM, with its original line endings. */
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  /** The bytes as read, when they are exactly the UTF-8 of the LF text (no BOM, no CRLF): hashed as they are. */
  lfBytes?: Buffer;
}

const CRLF = Buffer.from('\r\n');

/** Decodes UTF-8 text; null for anything else (Latin-1, UTF-16, binary with NUL bytes). */
export function decodeText(buf: Buffer): FileText | null {
  if (!isUtf8(buf) || buf.includes(0)) return null;
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  // CR LF never occurs inside a multi-byte UTF-8 sequence: found in the bytes, it is in the text.
  if (buf.includes(CRLF)) {
    const text = buf.toString('utf8', bom ? 3 : 0);
    return { text, bom, eol: dominantEol(text) };
  }
  // Decoded when first asked for: an unedited file is often judged by its bytes alone.
  let text: string | undefined;
  return {
    get text() {
      return (text ??= buf.toString('utf8', bom ? 3 : 0));
    },
    bom,
    eol: '\n',
    ...(bom ? {} : { lfBytes: buf }),
  };
}

/** CRLF when most line breaks are CRLF (a file git converted with core.autocrlf), else LF. */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

export function toLf(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** An LF text in the given line endings. */
export function withEol(lfText: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? lfText : toLf(lfText).replace(/\n/g, '\r\n');
}

/** The bytes to write: the text with the BOM it had. */
export function encodeText(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\ufeff${text}` : text, 'utf8');
}
