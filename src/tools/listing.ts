import type { DeliveryPreference } from './types.js';
import { fill } from './types.js';
import { invocationRows, planDelivery } from './delivery.js';
import { TOOLS } from './registry.js';

/** One tool as `ai-flow list` shows it: the same data as text and as JSON. */
export interface ToolListing {
  id: string;
  name: string;
  aliases: readonly string[];
  /** What it runs the commands from: command files or skills. */
  delivery: 'commands' | 'skills';
  /** The delivery it has when installed alone. */
  defaultDelivery: 'commands' | 'skills';
  /** Every file it reads that ai-flow writes for it (patterns, `<command>` for a name). */
  files: string[];
  /** The tool whose files it uses when they are not its own. */
  writtenFor: string;
  /** How any command is run. */
  invoke: string;
  commands: { name: string; invoke: string }[];
  /** Why it does not use its default delivery here; null when it does. */
  reason: string | null;
  /** What else running a command takes; null: nothing. */
  note: string | null;
}

const COMMAND = '<command>';

/**
 * The tools and their commands. With `selection`, as installed together; without it, each
 * tool as installed alone (the most common case, and the default delivery).
 */
export function toolListings(commands: readonly string[], selection?: readonly string[], preference: DeliveryPreference = 'auto'): ToolListing[] {
  const planned = selection ? planDelivery(selection, commands, preference).tools : TOOLS.flatMap((t) => planDelivery([t.id], commands, preference).tools);
  return planned.map((d) => {
    const row = TOOLS.find((t) => t.id === d.id)!;
    return {
      id: d.id,
      name: d.name,
      aliases: row.aliases,
      delivery: d.delivery,
      defaultDelivery: row.delivery,
      files: [...(row.rules ? [row.rules.path] : []), fill(d.location, COMMAND)],
      writtenFor: d.writtenFor,
      invoke: fill(d.invoke, COMMAND),
      commands: commands.map((name) => ({ name, invoke: fill(d.invoke, name) })),
      reason: d.reason,
      note: d.note,
    };
  });
}

/** The compact text table: one line per tool, then the reasons for switched deliveries and the aliases. */
export function formatToolListings(list: readonly ToolListing[], dim: (s: string) => string): string[] {
  const width = (pick: (t: ToolListing) => string): number => Math.max(...list.map((t) => pick(t).length));
  const [id, name, invoke] = [width((t) => t.id), width((t) => t.name), width((t) => t.invoke)];
  const out = list.map((t) => `  ${t.id.padEnd(id)}  ${t.name.padEnd(name)}  ${t.invoke.padEnd(invoke)}  ${dim(t.files.join(', '))}`);
  for (const t of list) if (t.reason) out.push(dim(`  ${t.id}: ${t.reason}`));
  for (const t of list) if (t.note) out.push(dim(`  ${t.id}: ${t.note}`));
  let line = '  aliases:';
  for (const t of list.filter((x) => x.aliases.length > 0)) {
    const entry = ` ${t.aliases.join(', ')} → ${t.id};`;
    if (line.length + entry.length > 100) {
      out.push(dim(line));
      line = '   ';
    }
    line += entry;
  }
  if (line.trim() !== 'aliases:') out.push(dim(line));
  return out;
}

/**
 * How the selected tools run `commands`, for one line of text: the form most of them use,
 * then each other form with the tools that use it (`/flow-build (OpenAI Codex: $flow-build)`).
 */
export function describeInvocations(ids: readonly string[], commands: readonly string[], preference: DeliveryPreference = 'auto'): string {
  const groups = new Map<string, string[]>();
  for (const r of invocationRows(ids, commands, preference)) {
    const key = r.invocations.map((i) => i.invoke).join(' and ');
    groups.set(key, [...(groups.get(key) ?? []), r.name]);
  }
  const [main, ...others] = [...groups].sort((a, b) => b[1].length - a[1].length);
  if (!main) return commands.map((c) => `/${c}`).join(' and ');
  return others.length === 0 ? main[0] : `${main[0]} (${others.map(([forms, names]) => `${names.join(', ')}: ${forms}`).join('; ')})`;
}
