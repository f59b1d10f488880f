import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, usePagination, usePrefix, useState } from '@inquirer/core';
import type { CheckboxItem } from './questions.js';
import { checkedValues, isItem, step, toggled, visibleEntries } from './filter-list.js';

export interface PickerConfig {
  message: string;
  choices: CheckboxItem[];
  pageSize: number;
  validate?: (values: string[]) => string | null;
}

/**
 * A multi-select for long lists: typing filters the list (by name, id or alias), the arrows
 * move, space toggles, enter confirms. Checked items stay checked while hidden by the filter.
 */
export const pickMany = createPrompt<string[], PickerConfig>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [entries, setEntries] = useState(config.choices);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(() => step(visibleEntries(config.choices, ''), -1, 1));
  const [error, setError] = useState<string | null>(null);
  const prefix = usePrefix({ status });
  const shown = visibleEntries(entries, filter);

  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      const values = checkedValues(entries);
      const why = config.validate?.(values) ?? null;
      if (why) return setError(why);
      setStatus('done');
      return done(values);
    }
    if (isUpKey(key) || isDownKey(key) || isSpaceKey(key)) {
      // Keep the typed filter as the line: readline has added the space, or replaced the line.
      rl.clearLine(0);
      rl.write(filter);
      if (isSpaceKey(key)) {
        const item = shown[active];
        if (item && isItem(item)) setEntries(toggled(entries, item.value));
        setError(null);
      } else setActive(step(shown, active, isUpKey(key) ? -1 : 1));
      return;
    }
    if (rl.line !== filter) {
      setFilter(rl.line);
      setActive(step(visibleEntries(entries, rl.line), -1, 1));
    }
  });

  const chosen = entries.filter(isItem).filter((e) => e.checked);
  if (status === 'done') return `${prefix} ${config.message} ${chosen.map((c) => c.name).join(', ')}`;
  const page = usePagination({
    items: shown,
    active: Math.max(active, 0),
    pageSize: config.pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => (isItem(item) ? `${isActive ? '❯' : ' '} ${item.checked ? '◉' : '◯'} ${item.name}` : `  ── ${item.separator}`),
  });
  const help = 'type to filter · ↑↓ move · space toggles · enter confirms';
  const body = shown.some(isItem) ? page : '  (no tool matches the filter)';
  const footer = `  ${chosen.length} chosen${chosen.length > 0 ? `: ${chosen.map((c) => c.name).join(', ')}` : ''}${error ? `\n  > ${error}` : ''}`;
  return [`${prefix} ${config.message} (${help}) ${filter}`, `${body}\n${footer}`];
});
