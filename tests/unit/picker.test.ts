import { describe, expect, it } from 'vitest';
import { toolChoices } from '../../src/interview/questions.js';
import type { CheckboxItem } from '../../src/interview/questions.js';
import { checkedValues, step, toggled, visibleEntries } from '../../src/interview/filter-list.js';
import { TOOLS } from '../../src/tools/registry.js';

const labels = (entries: CheckboxItem[]): string[] => entries.map((e) => ('separator' in e ? `-- ${e.separator}` : `${e.checked ? '[x]' : '[ ]'} ${e.value}`));

describe('the tool question', () => {
  it('lists the tools found in the repository first, then the others grouped and alphabetical', () => {
    const list = toolChoices(['gemini', 'claude'], ['gemini', 'claude']);
    expect(labels(list).slice(0, 4)).toEqual(['-- Found in this repository', '[x] claude', '[x] gemini', '-- Editors and IDE extensions']);
    expect(list.filter((e) => !('separator' in e))).toHaveLength(TOOLS.length);
    const both = list.slice(list.findIndex((e) => 'separator' in e && e.separator === 'Editor and terminal') + 1, list.findIndex((e) => 'separator' in e && e.separator === 'Terminal agents'));
    const names = both.map((e) => ('name' in e ? e.name : ''));
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(labels(list)).toContain('-- Terminal agents');
  });

  it('without tools found, pre-checks the default and shows no "found" group', () => {
    const list = toolChoices([], ['copilot']);
    expect(labels(list)[0]).toBe('-- Editors and IDE extensions');
    expect(checkedValues(list)).toEqual(['copilot']);
  });

  it('typing filters by name, id or alias, keeping only the headings of shown items', () => {
    const list = toolChoices([], []);
    expect(labels(visibleEntries(list, 'windsurf'))).toEqual(['-- Editor and terminal', '[ ] devin']);
    expect(labels(visibleEntries(list, 'CODE claude'))).toEqual(['-- Terminal agents', '[ ] claude']);
    expect(visibleEntries(list, 'zzz')).toEqual([]);
  });

  it('a checked item stays checked while the filter hides it', () => {
    const list = toggled(toolChoices([], ['copilot']), 'claude');
    expect(visibleEntries(list, 'zed').some((e) => 'value' in e && e.value === 'copilot')).toBe(false);
    expect(checkedValues(list).sort()).toEqual(['claude', 'copilot']);
    expect(checkedValues(toggled(list, 'claude'))).toEqual(['copilot']);
  });

  it('the cursor moves over items only and stops at both ends', () => {
    const shown = visibleEntries(toolChoices([], []), '');
    const first = step(shown, -1, 1);
    expect('separator' in shown[0]).toBe(true);
    expect(first).toBe(1);
    expect(step(shown, first, -1)).toBe(first);
    const last = shown.length - 1;
    expect(step(shown, last, 1)).toBe(last);
    expect('value' in shown[step(shown, last, -1)]).toBe(true);
  });
});
