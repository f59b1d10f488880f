import type { Delivery, DeliveryPreference, ToolRow } from './types.js';
import { skillPath } from './types.js';

/**
 * The search behind delivery.ts: which of its own surfaces each selected tool writes, so that
 * every tool lists each command exactly once. Pure; places are path patterns (`<cmd>`).
 */

/** A tool's own surface to write, or 'none': it runs files written for another selected tool. */
export type Choice = 'commands' | 'skills' | 'skills-fallback' | 'none';

/** The place a tool's own surface writes. */
export function ownLocation(t: ToolRow, c: Choice): string | null {
  if (c === 'commands') return t.commands?.path ?? null;
  if (c === 'skills') return t.skills ? skillPath(t.skills.folder) : null;
  if (c === 'skills-fallback') return t.skills?.fallback ? skillPath(t.skills.fallback) : null;
  return null;
}

export interface Listing {
  location: string;
  invoke: string;
  /** Read by every host of the tool, so it can be the tool's delivery. */
  serves: boolean;
  skill: boolean;
  /** Every written place this one entry comes from (copies of a skill the tool lists once). */
  sources: string[];
}

interface Read {
  invoke: string;
  serves: boolean;
  skill: boolean;
}

const READS = new WeakMap<ToolRow, Map<string, Read>>();

/** Every place a tool reads commands from, by path pattern (built once per row). */
function readIndex(t: ToolRow): Map<string, Read> {
  let index = READS.get(t);
  if (index) return index;
  index = new Map<string, Read>();
  for (const f of t.skillFolders) index.set(skillPath(f), { invoke: t.skillInvoke ?? '', serves: true, skill: true });
  for (const f of t.alsoReads) index.set(f.path, { invoke: f.asSkill ? (t.skillInvoke ?? f.invoke) : f.invoke, serves: f.serves, skill: Boolean(f.asSkill) });
  if (t.commands) index.set(t.commands.path, { invoke: t.commands.invoke, serves: true, skill: false });
  READS.set(t, index);
  return index;
}

/**
 * The entries under which `t` lists each command, given the written places: one per command
 * file; skills merged into one entry or one per folder, as the tool does; and where the tool
 * lets a command and a skill of one name shadow each other, only the kind that wins. The
 * answer depends only on which of the places the tool reads are written: it is worked out once
 * per such combination (the search asks for the same ones over and over). Callers never change it.
 */
export function listings(t: ToolRow, written: Written | ReadonlySet<string>): readonly Listing[] {
  const index = readIndex(t);
  let mask = 0;
  let bit = 1;
  for (const loc of index.keys()) {
    if (written.has(loc)) mask |= bit;
    bit *= 2;
  }
  let known = LISTED.get(t);
  if (!known) LISTED.set(t, (known = new Map()));
  let seen = known.get(mask);
  if (!seen) known.set(mask, (seen = listingsOf(t, index, written)));
  return seen;
}

const LISTED = new WeakMap<ToolRow, Map<number, readonly Listing[]>>();

function listingsOf(t: ToolRow, index: ReadonlyMap<string, Read>, written: Written | ReadonlySet<string>): readonly Listing[] {
  const commands: Listing[] = [];
  const skills: { loc: string; serves: boolean }[] = [];
  for (const [loc, read] of index) {
    if (!written.has(loc)) continue;
    if (read.skill) skills.push({ loc, serves: read.serves });
    else commands.push({ location: loc, invoke: read.invoke, serves: read.serves, skill: false, sources: [loc] });
  }
  const invoke = t.skillInvoke;
  let listed: Listing[] = [];
  if (invoke && skills.length > 0 && t.mergesSkills) {
    const own = [t.skills?.folder, t.skills?.fallback].map((f) => f && skillPath(f)).find((p) => p && skills.some((s) => s.loc === p));
    listed = [{ location: own ?? skills[0].loc, invoke, serves: skills.some((s) => s.serves), skill: true, sources: skills.map((s) => s.loc) }];
  } else if (invoke) listed = skills.map((s) => ({ location: s.loc, invoke, serves: s.serves, skill: true, sources: [s.loc] }));
  if (commands.length > 0 && listed.length > 0 && t.sameName === 'command') return commands;
  if (commands.length > 0 && listed.length > 0 && t.sameName === 'skill') return listed;
  return [...commands, ...listed];
}

/** Lists each command once, from a file all its hosts read, and (if it wrote any) from its own files. */
export function valid(t: ToolRow, choice: Choice, written: Written | ReadonlySet<string>): boolean {
  const seen = listings(t, written);
  if (seen.length !== 1 || !seen[0].serves) return false;
  const own = ownLocation(t, choice);
  return own === null || seen[0].sources.includes(own);
}

/**
 * Can no longer become valid, whatever is added: a duplicate of the kind that wins stays for
 * good (listings() already hides the shadowed kind), and so do its own files once hidden.
 */
function hopeless(t: ToolRow, choice: Choice | undefined, written: Written): boolean {
  const seen = listings(t, written);
  const winner = t.sameName === 'skill' ? seen.some((l) => l.skill) : t.sameName === 'command' ? seen.some((l) => !l.skill) : true;
  if (seen.length > 1 && winner) return true;
  const own = choice ? ownLocation(t, choice) : null;
  return own !== null && t.sameName !== null && seen.length > 0 && !seen.some((l) => l.sources.includes(own));
}

/** The tool's options, cheapest first: its preferred kind (0), the other kind (1), another tool's files (1). */
export function options(t: ToolRow, preference: DeliveryPreference): { choice: Choice; cost: number }[] {
  const first: Delivery = preference === 'auto' ? t.delivery : preference;
  const order: Choice[] = first === 'commands' ? ['commands', 'skills', 'skills-fallback'] : ['skills', 'skills-fallback', 'commands'];
  const own = order.filter((c) => ownLocation(t, c) !== null).map((choice) => ({ choice, cost: (choice === 'commands') === (first === 'commands') ? 0 : 1 }));
  return [...own, { choice: 'none', cost: 1 }];
}

/** A counted set of written places (several tools may write the same skill folder). */
export class Written {
  private readonly counts = new Map<string, number>();
  add(loc: string | null): void {
    if (loc) this.counts.set(loc, (this.counts.get(loc) ?? 0) + 1);
  }
  remove(loc: string | null): void {
    if (!loc) return;
    const n = (this.counts.get(loc) ?? 0) - 1;
    if (n > 0) this.counts.set(loc, n);
    else this.counts.delete(loc);
  }
  has(loc: string): boolean {
    return this.counts.has(loc);
  }
}

/** Which of `tools` read a place (a command file of its own or of another tool, or a skill folder). */
function readersOf(tools: readonly ToolRow[]): (loc: string | null) => readonly ToolRow[] {
  const cache = new Map<string, ToolRow[]>();
  return (loc) => {
    if (!loc) return [];
    if (!cache.has(loc)) cache.set(loc, tools.filter((t) => readIndex(t).has(loc)));
    return cache.get(loc)!;
  };
}

/**
 * Steps to a first valid assignment, then steps spent looking for a cheaper one: enough to
 * search a small selection through; a large one keeps its first assignment (cheapest options
 * tried first, so rarely worse), which keeps `--ai all` fast. Deterministic either way.
 */
const SEARCH_LIMIT = 20_000;
const improveLimit = (tools: number): number => (tools <= 8 ? 200 : 0);

/**
 * Depth-first over the tools (fewest options first, then table order), each trying its
 * options cheapest first; keeps the valid assignment found where the fewest tools leave their
 * preferred kind. A branch ends as soon as a tool can no longer become valid, or costs too much.
 * Returns null only if the table holds a contradiction (the tests enumerate selections).
 */
export function search(tools: readonly ToolRow[], preference: DeliveryPreference): Map<string, Choice> | null {
  // Each tool's options, worked out once for the whole search.
  const optionsOf = new Map(tools.map((t) => [t.id, options(t, preference)]));
  const order = [...tools].sort((a, b) => optionsOf.get(a.id)!.length - optionsOf.get(b.id)!.length);
  const readers = readersOf(tools);
  const written = new Written();
  const chosen = new Map<string, Choice>();
  let best: Map<string, Choice> | null = null;
  let bestCost = Infinity;
  let steps = 0;
  let limit = SEARCH_LIMIT;
  const breaks = (t: ToolRow, choice: Choice): boolean => {
    const loc = ownLocation(t, choice);
    written.add(loc);
    const bad = [t, ...readers(loc)].some((u) => hopeless(u, u === t ? choice : chosen.get(u.id), written));
    written.remove(loc);
    return bad;
  };
  const visit = (i: number, cost: number): void => {
    if (cost >= bestCost || ++steps > limit) return;
    if (i === order.length) {
      if (!tools.every((t) => valid(t, chosen.get(t.id)!, written))) return;
      if (!best) limit = steps + improveLimit(tools.length);
      best = new Map(chosen);
      bestCost = cost;
      return;
    }
    const t = order[i];
    for (const { choice, cost: c } of optionsOf.get(t.id)!) {
      if (breaks(t, choice)) continue;
      written.add(ownLocation(t, choice));
      chosen.set(t.id, choice);
      visit(i + 1, cost + c);
      written.remove(ownLocation(t, choice));
    }
    chosen.delete(t.id);
  };
  visit(0, 0);
  return best;
}
