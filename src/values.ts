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

/** A value as it may be echoed in a one-line message: cut to a readable length, control characters escaped. */
export function shown(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"${value.length > max ? ` (${value.length} characters)` : ''}`;
}
