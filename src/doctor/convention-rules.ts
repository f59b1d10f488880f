import type { Finding } from './finding.js';
import { finding, lineAt } from './finding.js';
import { maskFences } from './phase-rules.js';

/**
 * The pack's shared conventions that can be checked mechanically (PACK.md, and the shared
 * definitions in prompts/shared/decision-log.md and scope-levels.md): each phase states its
 * length, records every answer with its source in one summary-block format, and never relies
 * on a question asked later; the whole pack spells scope one way and speaks of parts.
 */

/** The one placeholder spelling of the scope vocabulary (scope-levels.md § Vocabulary). */
export const SCOPE_PLACEHOLDER = '<mvp | production | enterprise>';

/** Rules for one phase prompt of `type`; `source` is the whole file. */
export function checkPhaseConventions(file: string, source: string, phase: number, type: string): Finding[] {
  const out: Finding[] = [];
  const masked = maskFences(source);
  const scopeAt = masked.search(/^## Scope\s*$/m);
  if (!/^\*\*Length:\*\* \S/m.test(scopeAt < 0 ? masked : masked.slice(0, scopeAt))) {
    out.push(finding(file, 1, 'phase-length', 'needs a "**Length:** <questions>, about <minutes>" line before "## Scope"'));
  }
  const questions = sectionOf(masked, 'Questions');
  const ids = questions ? [...questions.text.matchAll(/^### (\d+\.\d+)\b/gm)].map((m) => ({ id: m[1], at: questions.at + (m.index ?? 0) })) : [];
  out.push(...checkQuestionText(file, masked, ids, questions));
  const summary = sectionOf(masked, 'Summary');
  if (summary) out.push(...checkSummary(file, source, summary, phase, type, ids.map((q) => q.id)));
  return out;
}

/** Every question has a Scope line; none relies on a question of the same phase asked later. */
function checkQuestionText(file: string, text: string, ids: { id: string; at: number }[], section: Section | null): Finding[] {
  if (!section) return [];
  const out: Finding[] = [];
  ids.forEach((q, i) => {
    const end = i + 1 < ids.length ? ids[i + 1].at : section.at + section.text.length;
    const body = text.slice(q.at, end);
    const line = lineAt(text, q.at);
    if (!/^Scope:/m.test(body)) out.push(finding(file, line, 'question-scope', `question ${q.id} has no "Scope:" line`));
    const [phase, n] = q.id.split('.').map(Number);
    for (const m of body.matchAll(/(?<![\d.])(\d+)\.(\d+)(?!\d|\.\d)/g)) {
      if (Number(m[1]) === phase && Number(m[2]) > n && ids.some((x) => x.id === `${m[1]}.${m[2]}`)) {
        out.push(finding(file, lineAt(text, q.at + (m.index ?? 0)), 'forward-reference', `question ${q.id} refers to ${m[1]}.${m[2]}, which is asked later`));
      }
    }
  });
  return out;
}

/** The summary block of decision-log.md: heading, scope line, one line per question id with its source. */
function checkSummary(file: string, source: string, summary: Section, phase: number, type: string, ids: string[]): Finding[] {
  const out: Finding[] = [];
  const at = (offset: number) => lineAt(source, summary.at + offset);
  const raw = source.slice(summary.at, summary.at + summary.text.length);
  if (phase >= 1 && phase <= 7 && !/^### Consistency checks\s*$/m.test(raw)) {
    out.push(finding(file, at(0), 'summary-checks', 'the Summary needs a "### Consistency checks" list (decision-log.md § Consistency checks)'));
  }
  const fences = [...raw.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)];
  const block = fences.find((f) => f[1].startsWith('## Phase '));
  if (!block) {
    out.push(finding(file, at(0), 'summary-block', `the Summary needs one fenced block starting "## Phase ${phase} — <Name> (${type})"`));
    return out;
  }
  const lines = block[1].split('\n');
  const where = at(block.index ?? 0) + 1;
  if (!new RegExp(`^## Phase ${phase} — .+ \\(${type}\\)$`).test(lines[0])) {
    out.push(finding(file, where, 'summary-block', `the block's first line must be "## Phase ${phase} — <Name> (${type})"`));
  }
  if (lines[1] !== `Scope: ${SCOPE_PLACEHOLDER}`) out.push(finding(file, where + 1, 'summary-block', `the block's second line must be "Scope: ${SCOPE_PLACEHOLDER}"`));
  for (const id of ids) {
    const rows = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.startsWith(`${id} `));
    if (rows.length !== 1) {
      out.push(finding(file, where, 'summary-block', `question ${id} must appear exactly once at the start of a block line (found ${rows.length})`));
    } else if (!rows[0].l.endsWith(' — <source>')) {
      out.push(finding(file, where + rows[0].i, 'summary-source', `the block line of ${id} must end with " — <source>" (every answer carries its source)`));
    }
  }
  return out;
}

/** Text rules for every prompt and template of the pack. */
export function checkPackText(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/<\s*(?:mvp|MVP)\s*\|[^>\n]*>/g)) {
    if (m[0] !== SCOPE_PLACEHOLDER) out.push(finding(file, lineAt(text, m.index ?? 0), 'scope-spelling', `write the scope placeholder as "${SCOPE_PLACEHOLDER}", not "${m[0]}"`));
  }
  for (const m of text.matchAll(/full-?stack/gi)) {
    out.push(finding(file, lineAt(text, m.index ?? 0), 'parts-vocabulary', 'speak of parts (prompts/shared/parts.md), not of "fullstack"'));
  }
  return out;
}

/** A type's orchestrator refers to the shared definitions instead of restating them. */
export function checkOrchestrator(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  for (const shared of ['decision-log.md', 'language.md', 'parts.md']) {
    if (!text.includes(`.ai-flow/prompts/shared/${shared}`)) out.push(finding(file, 0, 'shared-definitions', `refer to .ai-flow/prompts/shared/${shared} instead of restating it`));
  }
  const header = /^# Build decisions\s*$/m.exec(text);
  if (header) out.push(finding(file, lineAt(text, header.index), 'shared-definitions', 'the decision-log header is defined once in decision-log.md; do not restate it'));
  return out;
}

interface Section {
  text: string;
  at: number;
}

function sectionOf(text: string, name: string): Section | null {
  const heads = [...text.matchAll(/^## (.+?)\s*$/gm)];
  const i = heads.findIndex((h) => h[1] === name);
  if (i < 0) return null;
  const at = heads[i].index ?? 0;
  const end = i + 1 < heads.length ? heads[i + 1].index ?? text.length : text.length;
  return { text: text.slice(at, end), at };
}
