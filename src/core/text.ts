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

/** Decodes UTF-8 text; null for anything else (Latin-1, UTF-16, binary with NUL bytes). */
export function decodeText(buf: Buffer): FileText | null {
  if (!isUtf8(buf) || buf.includes(0)) return null;
  let text = buf.toString('utf8');
  const bom = text.startsWith('\ufeff');
  if (bom) text = text.slice(1);
  if (text.includes('\r\n')) return { text, bom, eol: dominantEol(text) };
  return { text, bom, eol: '\n', ...(bom ? {} : { lfBytes: buf }) };
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
