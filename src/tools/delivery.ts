import type { Delivery, DeliveryPreference, ToolRow } from './types.js';
import { fill } from './types.js';
import { TOOLS } from './registry.js';
import type { Choice } from './solver.js';
import { listings, options, ownLocation, search, valid } from './solver.js';

/**
 * Which files each selected tool runs the ai-flow commands from (docs/tools.md, "Exactly
 * once"). Pure. THE RULE: whatever else is selected, every selected tool lists each command
 * exactly once, from a file every host of the tool reads, under the invocation printed for it.
 * What a tool lists comes from its row (solver.ts): each command file it reads, its skill
 * folders (merged or not, as it does; ai-flow writes every copy byte for byte identical), and
 * the kind it lets win when a command and a skill share a name.
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
  /** What else running a command takes (ToolRow.skillNote, for skills); null: nothing. */
  note: string | null;
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
  readonly tools: readonly ToolDelivery[];
  readonly files: readonly ToolFile[];
}

/** Plans the tool files for the selected tool ids (unknown ids are ignored) and command names. */
export function planDelivery(ids: readonly string[], commands: readonly string[], preference: DeliveryPreference = 'auto'): DeliveryPlan {
  const tools = TOOLS.filter((t) => ids.includes(t.id));
  const selection = `${preference}:${tools.map((t) => t.id).join(',')}`;
  const key = `${selection}:${commands.join(',')}`;
  const known = PLANNED.get(key);
  if (known) return known;
  let solved = SOLVED.get(selection);
  if (!solved) {
    const chosen = search(tools, preference) ?? new Map(tools.map((t) => [t.id, options(t, preference)[0].choice] as const));
    const written = new Set(tools.map((t) => ownLocation(t, chosen.get(t.id)!)).filter((l): l is string => l !== null));
    solved = { chosen, tools: tools.map((t) => describe(t, tools, chosen, written, preference)) };
    SOLVED.set(selection, solved);
  }
  const plan = { tools: solved.tools, files: toolFiles(tools, solved.chosen, commands) };
  PLANNED.set(key, plan);
  return plan;
}

/**
 * Each selection is searched once per process, and planned once per command list: init,
 * AGENTS.md, doctor and the report ask for it several times, with different commands.
 */
const SOLVED = new Map<string, { chosen: ReadonlyMap<string, Choice>; tools: readonly ToolDelivery[] }>();
const PLANNED = new Map<string, DeliveryPlan>();

function describe(t: ToolRow, tools: readonly ToolRow[], chosen: ReadonlyMap<string, Choice>, written: ReadonlySet<string>, preference: DeliveryPreference): ToolDelivery {
  const own = ownLocation(t, chosen.get(t.id)!);
  const seen = listings(t, written)[0];
  const mine = own !== null && (!seen || seen.sources.includes(own));
  const location = mine ? own : (seen?.location ?? '');
  const owner = mine ? t : (tools.find((o) => ownLocation(o, chosen.get(o.id)!) === location) ?? t);
  const delivery = location.endsWith('/SKILL.md') ? 'skills' : 'commands';
  return {
    id: t.id,
    name: t.name,
    delivery,
    location,
    writtenFor: owner.id,
    invoke: seen?.invoke ?? t.commands?.invoke ?? t.skillInvoke ?? '',
    reason: whyNotPreferred(t, tools, chosen, preference, owner),
    note: delivery === 'skills' ? (t.skillNote ?? null) : null,
  };
}

/** Names the tools that would not list each command exactly once if `t` used its first option. */
function whyNotPreferred(t: ToolRow, tools: readonly ToolRow[], chosen: ReadonlyMap<string, Choice>, preference: DeliveryPreference, owner: ToolRow): string | null {
  const preferred = options(t, preference)[0].choice;
  const current = chosen.get(t.id)!;
  if (current === preferred) return null;
  const wanted = ownLocation(t, preferred)!;
  const trial = new Map(chosen).set(t.id, preferred);
  const written = new Set(tools.map((o) => ownLocation(o, trial.get(o.id)!)).filter((l): l is string => l !== null));
  const broken = tools.flatMap((u) => {
    if (valid(u, trial.get(u.id)!, written)) return [];
    const seen = listings(u, written);
    if (seen.length > 1) return [`${u.name} would list each command ${seen.length === 2 ? 'twice' : `${seen.length} times`} (${seen.map((l) => l.location).join(' and ')})`];
    if (seen.length === 1 && !seen[0].serves) return [`${u.name} would find them only in ${seen[0].location}, which not all its hosts read`];
    if (seen.length === 1) return [`${u.name} would run ${seen[0].location} and hide its own ${ownLocation(u, trial.get(u.id)!)}`];
    return [];
  });
  const via = current === 'none' ? `; it uses the files written for ${owner.name}, which it reads too` : '';
  return `with ${wanted}, ${broken.join('; ') || 'not every tool would list each command once'}${via}`;
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
      const loc = ownLocation(t, c);
      if (c === 'commands' && t.commands) {
        put({ path: fill(t.commands.path, cmd), role: 'command', owner: 'file', template: `templates/commands/${t.commands.template}`, command: cmd, args: t.commands.args, tools: [t.id] });
      } else if (loc) {
        put({ path: fill(loc, cmd), role: 'command', owner: 'file', template: SKILL_TEMPLATE, command: cmd, args: SKILL_ARGS, tools: [t.id] });
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
  /** What else running a command takes; null: nothing. */
  note: string | null;
  invocations: { command: string; invoke: string }[];
}

/** How each selected tool runs each command: the rows of AGENTS.md's table, of `ai-flow list` and of init's last line. */
export function invocationRows(ids: readonly string[], commands: readonly string[], preference: DeliveryPreference = 'auto'): InvocationRow[] {
  return planDelivery(ids, commands, preference).tools.map((d) => ({
    id: d.id,
    name: d.name,
    delivery: d.delivery,
    pattern: fill(d.invoke, '<command>'),
    note: d.note,
    invocations: commands.map((command) => ({ command, invoke: fill(d.invoke, command) })),
  }));
}
