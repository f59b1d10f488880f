import { StateError } from '../errors.js';
import { withEol } from './text.js';

/**
 * Managed blocks (SPEC §5): in a file the user may also own, ai-flow's text lives
 * between these markers and nothing outside them is ever changed.
 */
export const BLOCK_BEGIN = '<!-- ai-flow:begin -->';
export const BLOCK_END = '<!-- ai-flow:end -->';

export interface BlockLocation {
  /** Offset of the begin marker. */
  start: number;
  /** Offset just past the end marker. */
  end: number;
  /** Text between the markers, without the newline that follows begin and precedes end. */
  inner: string;
}

/** Counts of markers, for diagnostics (doctor) without throwing. */
export function markerCounts(text: string): { begin: number; end: number } {
  return { begin: countOf(text, BLOCK_BEGIN), end: countOf(text, BLOCK_END) };
}

/** The block in `text`, or null when there is none. Throws StateError when markers are unpaired. */
export function findBlock(text: string, file: string): BlockLocation | null {
  const { begin, end } = markerCounts(text);
  if (begin === 0 && end === 0) return null;
  const start = text.indexOf(BLOCK_BEGIN);
  const endAt = text.indexOf(BLOCK_END);
  if (begin !== 1 || end !== 1 || endAt < start) {
    throw new StateError(
      `${file}: ai-flow block markers are unpaired (${begin} begin, ${end} end)`,
      `restore a single "${BLOCK_BEGIN}" … "${BLOCK_END}" pair, or delete both markers and run again`,
    );
  }
  const innerStart = start + BLOCK_BEGIN.length;
  const inner = text.slice(innerStart, endAt).replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  return { start, end: endAt + BLOCK_END.length, inner };
}

export function wrapBlock(inner: string, eol: '\n' | '\r\n' = '\n'): string {
  return withEol(`${BLOCK_BEGIN}\n${inner}\n${BLOCK_END}`, eol);
}

/**
 * `text` with its block replaced by `inner` (an LF text), or with a new block appended (null
 * text: a new file). The block is written in the file's own line endings; every byte outside
 * it is kept as it was.
 */
export function upsertBlock(text: string | null, inner: string, file: string, eol: '\n' | '\r\n' = '\n'): string {
  const block = wrapBlock(inner, eol);
  if (text === null || text.trim() === '') return `${block}${eol}`;
  const at = findBlock(text, file);
  if (at) return text.slice(0, at.start) + block + text.slice(at.end);
  const sep = text.endsWith(`${eol}${eol}`) || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? eol : `${eol}${eol}`;
  return `${text}${sep}${block}${eol}`;
}

/** `text` without its block (and the blank line ai-flow added before it); null when nothing else is left. */
export function removeBlock(text: string, file: string): string | null {
  const at = findBlock(text, file);
  if (!at) return text;
  const before = text.slice(0, at.start).replace(/(\r?\n)\r?\n$/, '$1');
  const after = text.slice(at.end).replace(/^\r?\n/, '');
  const rest = before + after;
  return rest.trim() === '' ? null : rest;
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
