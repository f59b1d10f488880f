import type { PackType } from '../types.js';
import { TYPE_LABELS } from '../types.js';

/** One entry command of SPEC §4.1 (or one a pack adds), and the prompt it runs. */
export interface EntryCommand {
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
  { name: 'flow-hotfix', home: 'shared', file: 'flow-hotfix.md', argumentHint: '[symptom, issue or from <tag>]',
    description: 'Fix the release in production from its tag, patch release, then port the fix' },
  { name: 'flow-postmortem', home: 'shared', file: 'flow-postmortem.md', argumentHint: '[incident or postmortem file]',
    description: 'Blameless incident postmortem: UTC timeline, impact, causes, actions into the roadmap' },
  { name: 'flow-adr', home: 'shared', file: 'flow-adr.md', argumentHint: '[decision, from <id>, accept NNNN]',
    description: 'Write or update an architecture decision record and its index' },
  { name: 'flow-onboard', home: 'shared', file: 'flow-onboard.md', argumentHint: '[refresh, tour or question]',
    description: 'Guided tour of the codebase, checked against the code; answers "how does X work"' },
  { name: 'flow-upgrade', home: 'shared', file: 'flow-upgrade.md', argumentHint: '[package@version or runtime version]',
    description: 'Staged upgrade of a dependency, framework or runtime, tests green at every step' },
  { name: 'flow-security-review', home: 'shared', file: 'flow-security-review.md', argumentHint: '[area or part]',
    description: 'Codebase-wide security review: threat model, findings by severity, fix tasks' },
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
 * The commands a project gets. A single-part project gets the plain names; with several parts,
 * the per-type commands are per part (`backend-flow-build`, `mobile-flow-build`, likewise
 * docs-sync) and the shared ones exist once. `added`: the commands the project's packs add, after the standard ones.
 */
export function installedCommands(packTypes: readonly PackType[], added: readonly EntryCommand[] = []): InstalledCommand[] {
  const prefixed = packTypes.length > 1;
  const out: InstalledCommand[] = [];
  for (const cmd of [...ENTRY_COMMANDS, ...added]) {
    if (cmd.home === 'shared') {
      out.push({ ...pick(cmd), name: cmd.name, prompt: `.ai-flow/prompts/shared/${cmd.file}` });
      continue;
    }
    for (const t of packTypes) {
      out.push({
        ...pick(cmd),
        name: prefixed ? `${t}-${cmd.name}` : cmd.name,
        description: prefixed ? `${TYPE_LABELS[t]}: ${cmd.description}` : cmd.description,
        prompt: `.ai-flow/prompts/${t}/${cmd.file}`,
      });
    }
  }
  return out;
}

function pick(cmd: EntryCommand): Pick<InstalledCommand, 'description' | 'argumentHint'> {
  return { description: cmd.description, argumentHint: cmd.argumentHint };
}
