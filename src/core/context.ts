import type { Answers, StackFacts } from '../types.js';
import { SCOPE_LABELS, TYPE_LABELS, typesLabel, typesOf } from '../types.js';
import type { Pack, PlannedDocument } from '../pack/pack.js';
import type { InstalledCommand } from '../pack/commands.js';
import { installedCommands } from '../pack/commands.js';
import type { InvocationRow } from '../tools/delivery.js';
import { invocationRows } from '../tools/delivery.js';

/** One part as templates see it. */
export interface PartContext {
  type: string;
  label: string;
  /** Its folder relative to the repository root ('.' for the root). */
  dir: string;
  /** The folder for a sentence or a table: `server/`, or "repository root". */
  where: string;
  prompts: string;
  templates: string;
  /** The documents this part's /flow-build writes (root documents excluded). */
  documents: PlannedDocument[];
  stack: StackFacts & { known: boolean; commandsKnown: boolean };
}

/** Everything a `.hbs` template may use. Every key always exists, so strict mode only
 *  ever fails on a real typo in a template. */
export interface RenderContext {
  project: {
    name: string;
    description: string;
    /** "Backend + Mobile". */
    typeLabel: string;
    scope: string;
    scopeLabel: string;
    language: string;
    multiPart: boolean;
  };
  parts: PartContext[];
  /** Whether any part has a build, test or lint command. */
  anyCommands: boolean;
  /** Every part's test command, as it runs from the repository root. */
  testCommands: string[];
  commands: InstalledCommand[];
  /** The docs-sync command of each part (one, or one per part). */
  docsSyncCommands: string[];
  /** The chosen tools, with how each runs the commands (`example`: the first command). */
  tools: (InvocationRow & { example: string })[];
  /** Documents at the repository root, written once whatever the parts. */
  rootDocuments: PlannedDocument[];
  aiFlow: { version: string };
}

export function buildContext(answers: Answers, pack: Pack, version: string): RenderContext {
  const types = typesOf(answers.parts);
  const multiPart = answers.parts.length > 1;
  const commands = installedCommands(types, pack.commands);
  const parts = answers.parts.map((p): PartContext => ({
    type: p.type,
    label: TYPE_LABELS[p.type],
    dir: p.dir,
    where: p.dir === '.' ? 'repository root' : `\`${p.dir}/\``,
    prompts: `.ai-flow/prompts/${p.type}/`,
    templates: `.ai-flow/templates/${p.type}/`,
    documents: pack.plannedDocuments(p.type, multiPart, p.dir).filter((d) => !isRootDocument(d)),
    stack: {
      ...p.stack,
      known: Boolean(p.stack.language || p.stack.framework || p.stack.packageManager),
      commandsKnown: Boolean(p.stack.buildCommand || p.stack.testCommand || p.stack.lintCommand),
    },
  }));
  return {
    project: {
      name: answers.name,
      description: answers.description,
      typeLabel: typesLabel(types),
      scope: answers.scope,
      scopeLabel: SCOPE_LABELS[answers.scope],
      language: answers.language,
      multiPart,
    },
    parts,
    anyCommands: parts.some((p) => p.stack.commandsKnown),
    testCommands: parts.map((p) => p.stack.testCommand).filter(Boolean),
    commands,
    docsSyncCommands: commands.filter((c) => c.name.endsWith('flow-docs-sync')).map((c) => c.name),
    tools: invocationRows(answers.tools, commands.map((c) => c.name), answers.delivery).map((r) => ({ ...r, example: r.invocations[0].invoke })),
    rootDocuments: uniqueByPath(answers.parts.flatMap((p) => pack.plannedDocuments(p.type, multiPart, p.dir).filter(isRootDocument))),
    aiFlow: { version },
  };
}

/** README, project brief, AI instructions: one copy at the root, shared by every part. */
const isRootDocument = (d: PlannedDocument): boolean => !d.path.includes('/');

function uniqueByPath(docs: PlannedDocument[]): PlannedDocument[] {
  const seen = new Set<string>();
  return docs.filter((d) => !seen.has(d.path) && seen.add(d.path));
}
