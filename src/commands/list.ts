import { PACK_TYPES, TYPE_ALIASES, TYPE_LABELS } from '../types.js';
import { Pack } from '../pack/pack.js';
import { shippedTree } from '../pack/image.js';
import { installedCommands } from '../pack/commands.js';
import { formatToolListings, toolListings } from '../tools/listing.js';
import type { DeliveryPreference } from '../tools/types.js';
import { checkDelivery, parseTools } from '../interview/questions.js';
import { UsageError } from '../errors.js';
import { makeColors, printJson } from '../output.js';

export interface ListOptions {
  json?: boolean;
  /** Show the tools as installed together (ids, aliases or all); default: each tool alone. */
  ai?: string[];
  delivery?: string;
}

/** `ai-flow list`: project types and their phases, the commands, the AI tools and their files. */
export async function list(opts: ListOptions): Promise<number> {
  const pack = new Pack(shippedTree());
  const types = PACK_TYPES.map((t) => ({ id: t, label: TYPE_LABELS[t], commands: installedCommands([t]).map((c) => c.name) }));
  const parts = {
    rule: 'a project is a list of parts {type, dir}, at most one per type; with several parts the build and docs-sync commands are per part and the documents go under docs/<type>/ and specs/<type>/',
    aliases: TYPE_ALIASES,
    example: { types: ['backend', 'mobile'], commands: installedCommands(['backend', 'mobile']).map((c) => c.name) },
  };
  const phases = Object.fromEntries(PACK_TYPES.map((t) => [t, phaseTitles(pack, t)]));
  const tools = toolListings(installedCommands(['backend']).map((c) => c.name), selection(opts), delivery(opts));
  if (opts.json) {
    printJson({ types, parts, phases, tools });
    return 0;
  }
  const c = makeColors(false);
  const out: string[] = [c.bold('Project parts (--type, several allowed; --part-dir sets their folders)')];
  for (const t of types) out.push(`  ${t.id.padEnd(10)} ${t.label}`);
  out.push(c.dim(`  e.g. --type backend,mobile --part-dir backend=server,mobile=app; fullstack = ${TYPE_ALIASES.fullstack.join(',')}`));
  for (const t of PACK_TYPES) {
    out.push('', c.bold(`Phases of /flow-build — ${t}`));
    for (const p of phases[t]) out.push(`  ${p}`);
  }
  out.push('', c.bold('Slash commands'), `  ${installedCommands(['backend']).map((x) => `/${x.name}`).join('  ')}`, c.dim('  several parts: /<type>-flow-build and /<type>-flow-docs-sync per part (e.g. /backend-flow-build, /mobile-flow-build), the others once'));
  out.push('', c.bold(`AI tools (--ai id or alias, or all)${opts.ai ? '' : ', each as installed alone'}: how to run a command, files`));
  out.push(...formatToolListings(tools, c.dim));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function selection(opts: ListOptions): string[] | undefined {
  if (opts.ai === undefined) return undefined;
  const ids = parseTools(opts.ai);
  if (typeof ids === 'string') throw new UsageError(`--ai: ${ids}`, 'run `ai-flow list --help`');
  return ids;
}

function delivery(opts: ListOptions): DeliveryPreference {
  const why = opts.delivery === undefined ? null : checkDelivery(opts.delivery);
  if (why) throw new UsageError(`--delivery: ${why}`, 'run `ai-flow list --help`');
  return (opts.delivery?.trim().toLowerCase() ?? 'auto') as DeliveryPreference;
}

/** "0 Context discovery" … read from each phase prompt's `# Phase N — Name` heading. */
function phaseTitles(pack: Pack, type: string): string[] {
  const out: string[] = [];
  for (let n = 0; n <= 10; n++) {
    const source = `prompts/${type}/flow-build-phase-${n}.md`;
    if (!pack.exists(source)) continue;
    const heading = /^# Phase \d+ \u2014 (.+)$/m.exec(pack.read(source))?.[1] ?? '(untitled)';
    out.push(`${String(n).padStart(2)}  ${heading}`);
  }
  return out;
}
