import type { Answers } from '../types.js';
import { packTypesOf, SCOPE_LABELS, TYPE_LABELS } from '../types.js';
import type { Pack, PlannedDocument } from '../pack/pack.js';
import type { InstalledCommand } from '../pack/commands.js';
import { installedCommands } from '../pack/commands.js';
import type { InvocationRow } from '../tools/delivery.js';
import { invocationRows } from '../tools/delivery.js';

/** Everything a `.hbs` template may use. Every key always exists, so strict mode only
 *  ever fails on a real typo in a template. */
export interface RenderContext {
  project: {
    name: string;
    description: string;
    type: string;
    typeLabel: string;
    scope: string;
    scopeLabel: string;
    fullstack: boolean;
  };
  stack: Answers['stack'] & { known: boolean; commandsKnown: boolean };
  commands: InstalledCommand[];
  /** The chosen tools, with how each runs the commands (`example`: the first command). */
  tools: (InvocationRow & { example: string })[];
  /** Per pack type: the prompts folder and the documents /flow-build will write under docs/ and specs/. */
  packs: { type: string; prompts: string; templates: string; documents: PlannedDocument[] }[];
  /** Documents at the repository root, written once even in a fullstack project. */
  rootDocuments: PlannedDocument[];
  aiFlow: { version: string };
}

export function buildContext(answers: Answers, pack: Pack, version: string): RenderContext {
  const fullstack = answers.type === 'fullstack';
  const s = answers.stack;
  return {
    project: {
      name: answers.name,
      description: answers.description,
      type: answers.type,
      typeLabel: TYPE_LABELS[answers.type],
      scope: answers.scope,
      scopeLabel: SCOPE_LABELS[answers.scope],
      fullstack,
    },
    stack: {
      ...s,
      known: Boolean(s.language || s.framework || s.packageManager),
      commandsKnown: Boolean(s.buildCommand || s.testCommand || s.lintCommand),
    },
    commands: installedCommands(answers.type),
    tools: invocationRows(answers.tools, installedCommands(answers.type).map((c) => c.name), answers.delivery).map((r) => ({ ...r, example: r.invocations[0].invoke })),
    packs: packTypesOf(answers.type).map((t) => ({
      type: t,
      prompts: `.ai-flow/prompts/${t}/`,
      templates: `.ai-flow/templates/${t}/`,
      documents: pack.plannedDocuments(t, fullstack).filter((d) => !isRootDocument(d)),
    })),
    rootDocuments: uniqueByPath(packTypesOf(answers.type).flatMap((t) => pack.plannedDocuments(t, fullstack).filter(isRootDocument))),
    aiFlow: { version },
  };
}

const isRootDocument = (d: PlannedDocument): boolean => !d.path.includes('/');

function uniqueByPath(docs: PlannedDocument[]): PlannedDocument[] {
  const seen = new Set<string>();
  return docs.filter((d) => !seen.has(d.path) && seen.add(d.path));
}
