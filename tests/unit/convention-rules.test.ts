import { describe, expect, it } from 'vitest';
import { checkOrchestrator, checkPackText, checkPhaseConventions } from '../../src/doctor/convention-rules.js';

const q = (id: string, body = 'Why.\n- A) a **Recommended:** b\n- B) c\n- C) d\nFree answer: x.\nScope: all.') => `### ${id} Topic\n${body}\n`;
const phase = (opts: { length?: boolean; questions?: string; block?: string; checks?: boolean } = {}) =>
  [
    '# Phase 2 — Data architecture',
    '',
    'Decides data.',
    '',
    opts.length === false ? '' : '**Length:** 2 questions, about 5 minutes.',
    '',
    '## Scope',
    'x',
    '## Before you start',
    'x',
    '## Questions',
    opts.questions ?? `${q('2.1')}${q('2.2')}`,
    '## Summary',
    opts.checks === false ? '' : '### Consistency checks\n- 2.2 needs 2.1.\n',
    '### Summary block',
    '```markdown',
    opts.block ?? '## Phase 2 — Data architecture (backend)\nScope: <mvp | production | enterprise>\n2.1 Store: <x> — <source>\n2.2 Access: <y> — <source>\nAssumptions: <none>',
    '```',
    '## Documents',
    'x',
    '## Next',
    'x',
  ].join('\n');
const rules = (text: string) => checkPhaseConventions('p.md', text, 2, 'backend').map((f) => f.rule);

describe('pack conventions', () => {
  it('accept a phase that follows them', () => {
    expect(rules(phase())).toEqual([]);
  });

  it('require the Length line, the Scope line of every question and the consistency checks', () => {
    expect(rules(phase({ length: false }))).toEqual(['phase-length']);
    expect(rules(phase({ questions: `${q('2.1')}${q('2.2', 'Why.\n- A) a **Recommended:** b\nFree answer: x.')}` }))).toEqual(['question-scope']);
    expect(rules(phase({ checks: false }))).toEqual(['summary-checks']);
  });

  it('catch a question that relies on a later one, but not on an earlier one', () => {
    expect(rules(phase({ questions: `${q('2.1', 'Use the answer of 2.2.\nScope: all.')}${q('2.2')}` }))).toEqual(['forward-reference']);
    expect(rules(phase({ questions: `${q('2.1')}${q('2.2', 'Follows 2.1.\nScope: all.')}` }))).toEqual([]);
  });

  it('check the summary block: heading with type, scope placeholder, every id once with its source', () => {
    expect(rules(phase({ block: '## Phase 2 — Data architecture\nScope: <mvp | production | enterprise>\n2.1 a — <source>\n2.2 b — <source>' }))).toEqual(['summary-block']);
    expect(rules(phase({ block: '## Phase 2 — Data (backend)\nScope: <MVP | Production-ready | Enterprise>\n2.1 a — <source>\n2.2 b — <source>' }))).toEqual(['summary-block']);
    expect(rules(phase({ block: '## Phase 2 — Data (backend)\nScope: <mvp | production | enterprise>\n2.1 a — <source>' }))).toEqual(['summary-block']);
    expect(rules(phase({ block: '## Phase 2 — Data (backend)\nScope: <mvp | production | enterprise>\n2.1 a\n2.2 b — <source>' }))).toEqual(['summary-source']);
  });

  it('spell scope one way and speak of parts everywhere', () => {
    expect(checkPackText('t.md', 'Scope: <mvp | production | enterprise>').map((f) => f.rule)).toEqual([]);
    expect(checkPackText('t.md', 'Scope: <MVP | Production-ready | Enterprise>').map((f) => f.rule)).toEqual(['scope-spelling']);
    expect(checkPackText('t.md', 'In a fullstack project').map((f) => f.rule)).toEqual(['parts-vocabulary']);
  });

  it('make orchestrators refer to the shared definitions instead of restating the log header', () => {
    const refs = '.ai-flow/prompts/shared/decision-log.md .ai-flow/prompts/shared/language.md .ai-flow/prompts/shared/parts.md';
    expect(checkOrchestrator('o.md', refs)).toEqual([]);
    expect(checkOrchestrator('o.md', `${refs}\n# Build decisions\n`).map((f) => f.rule)).toEqual(['shared-definitions']);
    expect(checkOrchestrator('o.md', '').length).toBe(3);
  });
});
