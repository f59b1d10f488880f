import type { PackType, ProjectType } from '../types.js';
import { packTypesOf } from '../types.js';

/** One entry command of SPEC §4.1, and the prompt it runs. */
interface EntryCommand {
  name: string;
  description: string;
  argumentHint: string;
  /** 'type': the prompt is per project type (prompts/<type>/<file>); 'shared': prompts/shared/<file>. */
  home: 'type' | 'shared';
  file: string;
}

export const ENTRY_COMMANDS: readonly EntryCommand[] = [
  { name: 'flow-build', home: 'type', file: 'flow-build.md', argumentHint: '[phase number or name]',
    description: 'Guided interview that writes the project documents, phase by phase' },
  { name: 'flow-work', home: 'shared', file: 'flow-work.md', argumentHint: '[feature, bug, refactor goal or story id]',
    description: 'Plan and implement a feature, fix or refactor, or resume the open task' },
  { name: 'flow-check', home: 'shared', file: 'flow-check.md', argumentHint: '[path or commit range]',
    description: 'Review the current change against the project standards and run its tests' },
  { name: 'flow-commit', home: 'shared', file: 'flow-commit.md', argumentHint: '[hint for the commit split]',
    description: 'Split the working tree into atomic Conventional Commits, after your approval' },
  { name: 'flow-finish', home: 'shared', file: 'flow-finish.md', argumentHint: '[task]',
    description: 'Final checks, pull-request description and archive of the current task' },
  { name: 'flow-release', home: 'shared', file: 'flow-release.md', argumentHint: '[major|minor|patch|version]',
    description: 'Next semantic version, changelog entry and tag, after your approval' },
  { name: 'flow-docs-sync', home: 'type', file: 'flow-docs-sync.md', argumentHint: '[since commit]',
    description: 'Update the project documents that recent code changes made stale' },
];

/** A command as installed for one project: its final name and the installed prompt it wraps. */
export interface InstalledCommand {
  name: string;
  description: string;
  argumentHint: string;
  /** Installed path of the prompt, e.g. `.ai-flow/prompts/backend/flow-build.md`. */
  prompt: string;
}

/**
 * The commands a project gets. A single-type project gets the plain names; fullstack
 * gets `backend-flow-build`, `frontend-flow-build` (likewise docs-sync) and the shared ones once.
 */
export function installedCommands(type: ProjectType): InstalledCommand[] {
  const packTypes = packTypesOf(type);
  const prefixed = packTypes.length > 1;
  const out: InstalledCommand[] = [];
  for (const cmd of ENTRY_COMMANDS) {
    if (cmd.home === 'shared') {
      out.push({ ...pick(cmd), name: cmd.name, prompt: `.ai-flow/prompts/shared/${cmd.file}` });
      continue;
    }
    for (const t of packTypes) {
      out.push({
        ...pick(cmd),
        name: prefixed ? `${t}-${cmd.name}` : cmd.name,
        description: prefixed ? `${labelOf(t)}: ${cmd.description}` : cmd.description,
        prompt: `.ai-flow/prompts/${t}/${cmd.file}`,
      });
    }
  }
  return out;
}

function pick(cmd: EntryCommand): Pick<InstalledCommand, 'description' | 'argumentHint'> {
  return { description: cmd.description, argumentHint: cmd.argumentHint };
}

function labelOf(t: PackType): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}
