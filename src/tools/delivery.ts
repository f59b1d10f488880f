import type { Delivery, DeliveryPreference, ToolRow } from './types.js';
import { fill, skillPath } from './types.js';
import { TOOLS } from './registry.js';

/**
 * Which files each selected tool runs the ai-flow commands from (docs/tools.md, "Exactly
 * once"). Pure. THE RULE: whatever else is selected, every selected tool lists each command
 * exactly once, from a file every host of the tool reads, under the invocation printed for it.
 * A tool sees a command once per place it reads that holds it; copies of one skill in several
 * skill folders it reads count once (ai-flow writes them byte for byte identical).
 */

/** Every skill copy is rendered from this one template with this one argument text. */
export const SKILL_TEMPLATE = 'templates/commands/SKILL.md.hbs';
export const SKILL_ARGS = 'the request the user made when invoking this skill';

export interface ToolDelivery {
  id: string;
  name: string;
  delivery: Delivery;
  /** Path pattern (`<cmd>` for the name) of the files it runs the commands from. */
  location: string;
  /** The tool those files are written for: itself, or another selected tool whose files it also reads. */
  writtenFor: string;
  /** What the user types, `<cmd>` for the name. */
  invoke: string;
  /** Why it does not use its preferred delivery; null when it does. */
  reason: string | null;
}

export interface ToolFile {
  path: string;
  role: 'rules' | 'command';
  owner: 'file' | 'block';
  /** Pack path of the template. */
  template: string;
  /** The command the file runs; null for a rules file. */
  command: string | null;
  /** Argument placeholder written into a command file. */
  args: string | null;
  /** The selected tools that read the file. */
  tools: string[];
}

export interface DeliveryPlan {
  tools: ToolDelivery[];
  files: ToolFile[];
}

type Choice = Delivery | 'none';

/** The place a tool's own surface writes, as a path pattern. */
function ownLocation(t: ToolRow, c: Choice): string | null {
  if (c === 'commands') return t.commands?.path ?? null;
  if (c === 'skills') return t.skills ? skillPath(t.skills.folder) : null;
  return null;
}

interface Listing {
  location: string;
  invoke: string;
  /** Read by every host of the tool, so it can be the tool's delivery. */
  serves: boolean;
}

/** The places holding the commands that `t` lists for its user, given what is written. */
export function listings(t: ToolRow, written: Iterable<string>): Listing[] {
  const out: Listing[] = [];
  const skills: string[] = [];
  for (const loc of written) {
    const foreign = t.alsoReads.find((f) => f.path === loc);
    if (t.commands && loc === t.commands.path) out.push({ location: loc, invoke: t.commands.invoke, serves: true });
    else if (foreign) out.push({ location: loc, invoke: foreign.invoke, serves: foreign.serves });
    else if (t.skillInvoke && t.skillFolders.some((f) => skillPath(f) === loc)) skills.push(loc);
  }
  if (skills.length > 0 && t.skillInvoke) {
    const own = t.skills ? skillPath(t.skills.folder) : null;
    out.push({ location: own && skills.includes(own) ? own : skills[0], invoke: t.skillInvoke, serves: true });
  }
  return out;
}

const valid = (t: ToolRow, written: Iterable<string>): boolean => {
  const seen = listings(t, written);
  return seen.length === 1 && seen[0].serves;
};

/** Own surfaces in preference order, then 'none' (served by a file written for another tool). */
function options(t: ToolRow, preference: DeliveryPreference): Choice[] {
  const first: Delivery = preference === 'auto' ? t.delivery : preference;
  const second: Delivery = first === 'commands' ? 'skills' : 'commands';
  return [...[first, second].filter((c) => ownLocation(t, c) !== null), 'none'];
}

/** A counted set of written locations (several tools may write the same one). */
class Written {
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
  keys(): string[] {
    return [...this.counts.keys()];
  }
}

const SEARCH_LIMIT = 200_000;

/**
 * Depth-first over the tools in table order, each trying its options in order: the first
 * assignment under which every tool is valid. Adding files only ever adds listings, so a tool
 * that already lists a command twice (or once, from a file not all its hosts read) ends the branch.
 */
function search(tools: readonly ToolRow[], preference: DeliveryPreference): Map<string, Choice> | null {
  const written = new Written();
  const chosen = new Map<string, Choice>();
  let steps = 0;
  const dead = (): boolean =>
    tools.some((t) => {
      const seen = listings(t, written.keys());
      return seen.length > 1 || (seen.length === 1 && !seen[0].serves);
    });
  const visit = (i: number): boolean => {
    if (++steps > SEARCH_LIMIT) return false;
    if (i === tools.length) return tools.every((t) => valid(t, written.keys()));
    const t = tools[i];
    for (const c of options(t, preference)) {
      const loc = ownLocation(t, c);
      written.add(loc);
      chosen.set(t.id, c);
      if (!dead() && visit(i + 1)) return true;
      written.remove(loc);
    }
    chosen.delete(t.id);
    return false;
  };
  return visit(0) ? chosen : null;
}

/** Plans the tool files for the selected tool ids (unknown ids are ignored) and command names. */
export function planDelivery(ids: readonly string[], commands: readonly string[], preference: DeliveryPreference = 'auto'): DeliveryPlan {
  const tools = TOOLS.filter((t) => ids.includes(t.id));
  // No assignment satisfies the rule only if the table holds a contradiction; the tests
  // enumerate selections to keep it out. Each tool then keeps its preference.
  const chosen = search(tools, preference) ?? new Map(tools.map((t) => [t.id, options(t, preference)[0]] as const));
  const written = [...new Set(tools.map((t) => ownLocation(t, chosen.get(t.id)!)).filter((l): l is string => l !== null))];
  const deliveries = tools.map((t) => describe(t, tools, chosen, written, preference));
  return { tools: deliveries, files: toolFiles(tools, chosen, commands) };
}

function describe(t: ToolRow, tools: readonly ToolRow[], chosen: ReadonlyMap<string, Choice>, written: readonly string[], preference: DeliveryPreference): ToolDelivery {
  const seen = listings(t, written)[0] ?? { location: ownLocation(t, chosen.get(t.id)!) ?? '', invoke: t.commands?.invoke ?? t.skillInvoke ?? '', serves: true };
  const writes = (o: ToolRow): boolean => ownLocation(o, chosen.get(o.id)!) === seen.location;
  const owner = writes(t) ? t : (tools.find(writes) ?? t);
  return {
    id: t.id,
    name: t.name,
    delivery: seen.location.endsWith('/SKILL.md') ? 'skills' : 'commands',
    location: seen.location,
    writtenFor: owner.id,
    invoke: seen.invoke,
    reason: whyNotPreferred(t, tools, chosen, preference, owner),
  };
}

/** Names the tools that would list a command more than once if `t` used its preferred surface. */
function whyNotPreferred(t: ToolRow, tools: readonly ToolRow[], chosen: ReadonlyMap<string, Choice>, preference: DeliveryPreference, owner: ToolRow): string | null {
  const preferred = options(t, preference)[0];
  const current = chosen.get(t.id)!;
  if (current === preferred) return null;
  const wanted = ownLocation(t, preferred)!;
  const trial = [...tools.filter((o) => o !== t).map((o) => ownLocation(o, chosen.get(o.id)!)), wanted].filter((l): l is string => l !== null);
  const broken = tools.flatMap((u) => {
    const seen = listings(u, trial);
    if (seen.length > 1) return [`${u.name} would list each command ${seen.length === 2 ? 'twice' : `${seen.length} times`} (${seen.map((s) => s.location).join(' and ')})`];
    if (seen.length === 1 && !seen[0].serves) return [`${u.name} would find them only in ${seen[0].location}, which not all its hosts read`];
    return [];
  });
  const via = current === 'none' ? `; it uses the files written for ${owner.name}, which it reads too` : '';
  return `with ${wanted}, ${broken.join('; ')}${via}`;
}

function toolFiles(tools: readonly ToolRow[], chosen: ReadonlyMap<string, Choice>, commands: readonly string[]): ToolFile[] {
  const files = new Map<string, ToolFile>();
  const put = (f: ToolFile): void => {
    const known = files.get(f.path);
    if (known) known.tools.push(...f.tools);
    else files.set(f.path, f);
  };
  for (const t of tools) {
    if (t.rules) put({ path: t.rules.path, role: 'rules', owner: t.rules.owner, template: `templates/rules/${t.rules.template}`, command: null, args: null, tools: [t.id] });
    const c = chosen.get(t.id)!;
    for (const cmd of commands) {
      if (c === 'commands' && t.commands) {
        put({ path: fill(t.commands.path, cmd), role: 'command', owner: 'file', template: `templates/commands/${t.commands.template}`, command: cmd, args: t.commands.args, tools: [t.id] });
      } else if (c === 'skills' && t.skills) {
        put({ path: fill(skillPath(t.skills.folder), cmd), role: 'command', owner: 'file', template: SKILL_TEMPLATE, command: cmd, args: SKILL_ARGS, tools: [t.id] });
      }
    }
  }
  return [...files.values()];
}

export interface InvocationRow {
  id: string;
  name: string;
  delivery: Delivery;
  /** How any command is run, e.g. `/<command>` or `$<command>`. */
  pattern: string;
  invocations: { command: string; invoke: string }[];
}

/** How each selected tool runs each command: the rows of AGENTS.md's table, of `ai-flow list` and of init's last line. */
export function invocationRows(ids: readonly string[], commands: readonly string[], preference: DeliveryPreference = 'auto'): InvocationRow[] {
  return planDelivery(ids, commands, preference).tools.map((d) => ({
    id: d.id,
    name: d.name,
    delivery: d.delivery,
    pattern: fill(d.invoke, '<command>'),
    invocations: commands.map((command) => ({ command, invoke: fill(d.invoke, command) })),
  }));
}
