/** One problem found by `doctor`: where, which rule, and what is wrong. */
export interface Finding {
  file: string;
  /** 1-based line, 0 when the finding is about the file as a whole. */
  line: number;
  /** 1-based column, when the rule knows it (a template error). */
  column?: number;
  rule: string;
  message: string;
  /** 'info' findings are reported but do not make doctor fail. */
  severity: 'error' | 'info';
}

export function finding(file: string, line: number, rule: string, message: string, severity: Finding['severity'] = 'error'): Finding {
  return { file, line, rule, message, severity };
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
