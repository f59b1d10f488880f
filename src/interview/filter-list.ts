import type { CheckboxItem } from './questions.js';

/**
 * The logic of the filterable multi-select (tool-picker.ts), kept free of terminal code so it
 * can be tested as data: which entries a filter shows, and toggling.
 */
export type Item = Extract<CheckboxItem, { value: string }>;

export const isItem = (e: CheckboxItem): e is Item => !('separator' in e);

/** An item matches when every word of the filter occurs in its name, value or description. */
export function matches(item: Item, filter: string): boolean {
  const text = `${item.name} ${item.value} ${item.description ?? ''}`.toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));
}

/** The entries a filter shows: matching items, each group heading only above a shown item. */
export function visibleEntries(entries: readonly CheckboxItem[], filter: string): CheckboxItem[] {
  const out: CheckboxItem[] = [];
  let heading: CheckboxItem | null = null;
  for (const e of entries) {
    if (!isItem(e)) heading = e;
    else if (matches(e, filter)) {
      if (heading) out.push(heading);
      heading = null;
      out.push(e);
    }
  }
  return out;
}

export function toggled(entries: readonly CheckboxItem[], value: string): CheckboxItem[] {
  return entries.map((e) => (isItem(e) && e.value === value ? { ...e, checked: !e.checked } : e));
}

export function checkedValues(entries: readonly CheckboxItem[]): string[] {
  return entries.filter(isItem).filter((e) => e.checked).map((e) => e.value);
}

/** The next shown item from `from` in `direction`, or `from` at either end. */
export function step(shown: readonly CheckboxItem[], from: number, direction: 1 | -1): number {
  for (let i = from + direction; i >= 0 && i < shown.length; i += direction) if (isItem(shown[i])) return i;
  return from;
}
