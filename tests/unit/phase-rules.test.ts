import { describe, expect, it } from 'vitest';
import { checkPhase, maskFences } from '../../src/doctor/phase-rules.js';
import { expectedPhaseName } from '../../src/doctor/phase-names.js';

const question = (id: string, opts: string[], extra = 'Free answer: record it.\nScope: MVP skips.') => `### ${id} Topic\nWhy.\n${opts.join('\n')}\n${extra}\n`;
const good = (n: number, q = question(`${n}.1`, ['- A) one', '- B) two **Recommended:** because', '- C) three'])) => `# Phase ${n} — Name\n\nDecides.\n\n## Scope\nx\n\n## Before you start\nx\n\n## Questions\n${q}\n## Summary\n\`\`\`\n## Not a heading\n\`\`\`\n\n## Documents\nx\n\n## Next\nContinue with \`.ai-flow/prompts/backend/flow-build-phase-${n + 1}.md\`.\n`;
const rules = (text: string, n = 2) => checkPhase('p.md', text, n, `.ai-flow/prompts/backend/flow-build-phase-${n + 1}.md`).map((f) => f.rule);

describe('phase prompt rules', () => {
  it('accepts a well-formed phase (headings inside fences are ignored)', () => {
    expect(rules(good(2))).toEqual([]);
  });

  it('catches a wrong heading, missing or reordered sections, and a wrong Next', () => {
    expect(rules(good(2).replace('# Phase 2 — Name', '# Phase two'))).toContain('phase-heading');
    expect(rules(good(2).replace('## Summary', '## Recap'))).toContain('phase-sections');
    expect(rules(good(2).replace('phase-3.md', 'phase-4.md'))).toContain('phase-next');
  });

  it('checks options, the single recommendation and the free answer in phases 1–7', () => {
    expect(rules(good(2, question('2.1', ['- A) one', '- B) two'])))).toEqual(expect.arrayContaining(['question-options', 'question-recommended']));
    expect(rules(good(2, question('2.1', ['- A) a **Recommended:** x', '- B) b **Recommended:** y', '- C) c'])))).toContain('question-recommended');
    expect(rules(good(2, question('2.1', ['- A) a **Recommended:** x', '- B) b', '- C) c'], 'nothing else')))).toEqual(expect.arrayContaining(['question-free-answer']));
    expect(rules(good(2, question('2.2', ['- A) a **Recommended:** x', '- B) b', '- C) c'])))).toContain('phase-questions');
  });

  it('checks the phase name against the pack contract, allowing a parenthetical note', () => {
    const named = (heading: string, expected: string) => checkPhase('p.md', good(2).replace('# Phase 2 — Name', `# Phase 2 — ${heading}`), 2, '.ai-flow/prompts/backend/flow-build-phase-3.md', expected).map((f) => f.rule);
    expect(named('Data architecture', 'Data architecture')).toEqual([]);
    expect(named('Data architecture (backend)', 'Data architecture')).toEqual([]);
    expect(named('Database design', 'Data architecture')).toEqual(['phase-heading']);
    expect(expectedPhaseName('desktop', 3)).toBe('Application architecture');
    expect(expectedPhaseName('mobile', 7)).toBe('Store release & updates');
    expect(expectedPhaseName('frontend', 9)).toBe('Implementation roadmap');
  });

  it('does not require options in phases 8–10', () => {
    expect(rules(good(9, '### 9.1 Confirm\nShow the roadmap.\n'), 9)).toEqual([]);
  });

  it('masks fenced lines without moving line numbers', () => {
    const text = 'a\n```\n# x\n```\nb';
    expect(maskFences(text).split('\n')).toHaveLength(5);
    expect(maskFences(text)).not.toContain('# x');
  });
});
