import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { kindAt } from '../core/fs-safe.js';
import { Pack } from './pack.js';
import { BUILTIN_NAME, MANIFEST_FILE } from './manifest.js';
import { shippedTree } from './image.js';
import { cliVersion } from './locate.js';

/** The phase `pack new` replaces, as an example of a replaced file. */
const REPLACED_PHASE = 'prompts/backend/flow-build-phase-7.md';
const COMMAND_PROMPT = 'prompts/shared/flow-deploy.md';

/**
 * `ai-flow pack new <dir>`: a minimal overlay of the built-in pack that `pack lint` passes:
 * one added command (`/flow-deploy`), one replaced phase (backend phase 7, the built-in text
 * with a team paragraph), a README for the pack's authors and a package.json to publish it.
 * Writes into a new or empty folder only. Returns the files written, relative to `dir`.
 */
export function scaffoldPack(dir: string): string[] {
  const abs = path.resolve(dir);
  const kind = kindAt(abs);
  if (kind !== 'missing' && kind !== 'dir') throw new UsageError(`${abs} exists and is not a folder`, 'give a new folder for the pack');
  if (kind === 'dir' && readdirSync(abs).length > 0) throw new UsageError(`${abs} is not empty`, 'give a new or empty folder; pack new never overwrites anything');
  const name = packName(path.basename(abs));
  const files: [string, string][] = [
    [MANIFEST_FILE, manifest(name)],
    [COMMAND_PROMPT, DEPLOY_PROMPT],
    [REPLACED_PHASE, replacedPhase(name)],
    ['README.md', readme(name)],
    ['package.json', packageJson(name)],
  ];
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(abs, rel)), { recursive: true });
    writeFileSync(path.join(abs, rel), text, { flag: 'wx' });
  }
  return files.map(([rel]) => rel);
}

/** A folder name made into an npm package name. */
function packName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 100);
  return name || 'my-ai-flow-pack';
}

function manifest(name: string): string {
  const [major, minor] = cliVersion().split('.');
  return `${JSON.stringify({
    name,
    version: '0.1.0',
    description: 'Team overlay for ai-flow: our deployment phase and a /flow-deploy command',
    aiFlow: `^${major}.${minor}.0`,
    extends: BUILTIN_NAME,
    commands: [{ name: 'flow-deploy', description: 'Deploy a tagged release the team\'s way, after your approval', argumentHint: '[environment]', prompt: COMMAND_PROMPT }],
  }, null, 2)}\n`;
}

function replacedPhase(name: string): string {
  const text = new Pack(shippedTree()).read(REPLACED_PHASE);
  const note = `**Team rules (${name}).** Propose only the deployment targets and pipelines our platform
guide allows, and say so plainly when an answer departs from it. Replace this paragraph with
your team's own rules; the rest of this file is the built-in phase, kept so that the phase
chain and its checks still hold.

`;
  return text.replace(/^## Before you start\n\n/m, (heading) => `${heading}${note}`);
}

function packageJson(name: string): string {
  return `${JSON.stringify({ name, version: '0.1.0', description: 'ai-flow team pack', keywords: ['ai-flow-pack'], files: [MANIFEST_FILE, 'prompts', 'templates', 'README.md'] }, null, 2)}\n`;
}

const DEPLOY_PROMPT = `# Deploy a release

Deploys a release that \`/flow-release\` has already tagged, the way this team does it. The
argument names the environment (\`staging\` when none is given).

## Reads
- \`AGENTS.md\` for the parts of the project and their commands.
- The operations document written by \`/flow-build\` (phase 7): environments, the pipeline, how
  a rollback works.
- The latest tag and the changelog entry for it.

## Before acting
1. Say which tag goes to which environment, the pipeline or command that will run, and how to
   roll back if it goes wrong.
2. Ask for an explicit yes. Never deploy to production without it, and never push, tag or
   change history yourself.

## Steps
1. Check that the working tree is clean and that the tag exists on the remote.
2. Run the deployment the operations document describes, or tell the user the exact command
   to run when you cannot run it yourself.
3. Watch the health checks the operations document names until they pass or fail.

## Report
The tag, the environment, what ran, the health checks and their result, and the rollback
command if anything failed.
`;

function readme(name: string): string {
  return `# ${name}

A team pack for [ai-flow](https://www.npmjs.com/package/ai-flow): an overlay of the built-in
pack. It adds one command and replaces one phase; every other file comes from the pack it
extends, and \`ai-flow update\` merges your team's changes and the built-in pack's changes
into each repository with a 3-way merge.

## What is here
- \`ai-flow-pack.json\`: name, version, the ai-flow versions this pack works with (\`aiFlow\`),
  \`extends\` (the pack below this one), and the commands it adds.
- \`${COMMAND_PROMPT}\`: the prompt of the added \`/flow-deploy\` command (installed as
  \`.ai-flow/${COMMAND_PROMPT}\`, with a wrapper for every AI tool of the repository).
- \`${REPLACED_PHASE}\`: replaces the built-in backend phase 7. Edit it freely; \`pack lint\`
  keeps it to the structure every phase follows.

Add a file under \`prompts/\` or \`templates/\` with the path of a built-in file to replace it,
or with a new path to add one. Files are data: no script runs, and templates may use only the
built-in helpers and partials.

## Check it
\`\`\`
npx ai-flow pack lint .
npx ai-flow init --dry-run --yes --pack . --ai all
\`\`\`
Run both in CI. The guide for pack authors, \`docs/pack-authoring.md\` in the ai-flow
repository, lists every manifest field, the render context of templates and every check.

## Use it
- From a folder: \`npx ai-flow init --pack ./path/to/${name}\`
- Published: \`npm install --save-dev ${name}\`, then \`npx ai-flow init --pack ${name}\`
  (ai-flow reads it from node_modules; CI gets it with \`npm ci\`).
- Release a new version: raise \`version\` in both \`ai-flow-pack.json\` and \`package.json\`,
  publish, and each repository runs \`npx ai-flow update\`.
`;
}
