/**
 * The one rule for every answer value, whatever its source (flag, answers file, prompt, saved
 * config, detection; SPEC §10): one line, bounded, no control characters, and nothing that could
 * be read back as an ai-flow block marker or a merge-conflict marker. A value that passes can be
 * rendered anywhere in a managed file without breaking what ai-flow parses later.
 */

export const LIMITS = {
  name: 120,
  description: 1000,
  stack: 300,
  language: 40,
} as const;

/** Returns why `value` is not acceptable as an answer, or null when it is. */
export function checkLine(value: string, max: number): string | null {
  if (value.length > max) return `is longer than ${max} characters`;
  if (/[\r\n\u2028\u2029]/.test(value)) return 'must be one line';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return 'contains a control character';
  if (/ai-flow:(begin|end)/i.test(value)) return 'contains ai-flow block-marker text ("ai-flow:begin"/"ai-flow:end")';
  if (/^\s*(<{7}|>{7}|={7}|\|{7})(\s|$)/.test(value)) return 'starts like a merge-conflict marker';
  return null;
}

/**
 * A part's folder: relative to the repository root, in POSIX form, inside it, and made of plain
 * names (it is written into commands such as `cd <dir> && …`). '.' is the root itself.
 */
export function checkDir(value: string): string | null {
  if (value === '.') return null;
  if (value.length === 0 || value.length > 200) return 'must be a folder path of 1 to 200 characters';
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value) || value.includes('\\')) return 'must be relative to the repository root, with / between folders';
  const segments = value.replace(/\/+$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'must stay inside the repository (no "..", no empty folder names)';
  if (segments.some((s) => !/^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*$/.test(s))) return 'may only use letters, digits and . _ @ + - in folder names';
  if (/^\.(git|ai-flow)$/i.test(segments[0])) return `cannot be inside ${segments[0]}`;
  return null;
}

/** A folder as stored: no leading ./, no trailing /. */
export function normalizeDir(value: string): string {
  const trimmed = value.trim().replace(/^\.\/(?=.)/, '').replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/** A value as it may be echoed in a one-line message: cut to a readable length, control characters escaped. */
export function shown(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"${value.length > max ? ` (${value.length} characters)` : ''}`;
}
