import type { Finding } from './finding.js';
import { finding, lineAt } from './finding.js';
import { matchesPhaseName } from './phase-names.js';

/** The `##` sections every phase prompt has, in this order (PACK.md). */
export const PHASE_SECTIONS = ['Scope', 'Before you start', 'Questions', 'Summary', 'Documents', 'Next'];

/** Phases whose questions must offer lettered options with one recommendation. */
const OPTION_PHASES = new Set([1, 2, 3, 4, 5, 6, 7]);

/**
 * Structural rules of a phase prompt (`prompts/<type>/flow-build-phase-N.md`):
 * heading, section order, numbered questions, options, and the `## Next` link.
 */
export function checkPhase(file: string, source: string, phase: number, nextPath: string | null, expectedName?: string): Finding[] {
  const out: Finding[] = [];
  // Headings inside fenced examples (the Summary block) are not the prompt's own structure.
  const text = maskFences(source);
  const h1 = [...text.matchAll(/^# (.*)$/gm)];
  if (h1.length !== 1 || !new RegExp(`^Phase ${phase} — \\S`).test(h1[0][1])) {
    out.push(finding(file, h1[0] ? lineAt(text, h1[0].index ?? 0) : 1, 'phase-heading', `needs exactly one heading "# Phase ${phase} — <name>"`));
  } else if (expectedName && !matchesPhaseName(h1[0][1].slice(`Phase ${phase} — `.length), expectedName)) {
    out.push(finding(file, lineAt(text, h1[0].index ?? 0), 'phase-heading', `phase ${phase} must be named "${expectedName}" (PACK.md)`));
  }
  const sections = [...text.matchAll(/^## (.+?)\s*$/gm)].map((m) => ({ name: m[1], at: m.index ?? 0 }));
  const names = sections.map((s) => s.name);
  if (names.join('|') !== PHASE_SECTIONS.join('|')) {
    const missing = PHASE_SECTIONS.filter((s) => !names.includes(s));
    const detail = missing.length > 0 ? `missing ${missing.map((m) => `"## ${m}"`).join(', ')}` : `found ${names.map((n) => `"${n}"`).join(', ')}`;
    out.push(finding(file, 1, 'phase-sections', `sections must be ${PHASE_SECTIONS.map((s) => `"## ${s}"`).join(', ')} in this order; ${detail}`));
  }
  const body = (name: string): { text: string; at: number } | null => {
    const i = sections.findIndex((s) => s.name === name);
    if (i === -1) return null;
    const end = i + 1 < sections.length ? sections[i + 1].at : text.length;
    return { text: text.slice(sections[i].at, end), at: sections[i].at };
  };
  const questions = body('Questions');
  if (questions) out.push(...checkQuestions(file, text, questions, phase));
  const next = body('Next');
  if (next && nextPath && !next.text.includes(nextPath)) {
    out.push(finding(file, lineAt(text, next.at), 'phase-next', `"## Next" must name ${nextPath}`));
  }
  return out;
}

function checkQuestions(file: string, text: string, section: { text: string; at: number }, phase: number): Finding[] {
  const out: Finding[] = [];
  const heads = [...section.text.matchAll(/^### (\d+)\.(\d+)\b.*$/gm)];
  if (heads.length === 0) {
    out.push(finding(file, lineAt(text, section.at), 'phase-questions', `"## Questions" has no "### ${phase}.1 …" question`));
    return out;
  }
  heads.forEach((h, i) => {
    const line = lineAt(text, section.at + (h.index ?? 0));
    if (Number(h[1]) !== phase || Number(h[2]) !== i + 1) {
      out.push(finding(file, line, 'phase-questions', `question "${h[0].trim()}" should be numbered ${phase}.${i + 1}`));
    }
    if (!OPTION_PHASES.has(phase)) return;
    const end = i + 1 < heads.length ? heads[i + 1].index ?? section.text.length : section.text.length;
    const block = section.text.slice(h.index ?? 0, end);
    const options = [...block.matchAll(/^- [A-Z]\) /gm)].length;
    const recommended = [...block.matchAll(/\*\*Recommended:\*\*/g)].length;
    const label = `question ${h[1]}.${h[2]}`;
    if (options < 3 || options > 6) out.push(finding(file, line, 'question-options', `${label} has ${options} lettered options "- A) …" (needs 3 to 6)`));
    if (recommended !== 1) out.push(finding(file, line, 'question-recommended', `${label} marks ${recommended} options "**Recommended:**" (needs exactly 1)`));
    if (!/^Free answer:/m.test(block)) out.push(finding(file, line, 'question-free-answer', `${label} has no "Free answer:" line`));
  });
  return out;
}

/** The text with every line inside a ``` or ~~~ fence blanked; offsets and line numbers are kept. */
export function maskFences(text: string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const open = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence === null && open) {
        fence = open[1];
        return line;
      }
      if (fence !== null) {
        if (line.trim().startsWith(fence)) fence = null;
        return line.startsWith(fence ?? '') && fence === null ? line : ' '.repeat(line.length);
      }
      return line;
    })
    .join('\n');
}
