import type { Answers } from '../types.js';
import { typesOf } from '../types.js';
import type { Pack } from '../pack/pack.js';
import type { ToolFile } from '../tools/delivery.js';
import { planDelivery } from '../tools/delivery.js';
import { TYPED_AFTER_COMMAND } from '../tools/types.js';
import type { Renderer } from './render.js';
import type { RenderContext } from './context.js';
import { buildContext } from './context.js';
import { GITIGNORE_PATH, LEGACY_STAGING, LOCK_PATH, RUN_PREFIX } from './state.js';

/** A file as the pack and the answers want it. For a block, `content` is the block's inner text. */
export interface DesiredFile {
  path: string;
  owner: 'file' | 'block';
  content: string;
  /** Where it came from: a pack path or a template name; for messages and doctor. */
  source: string;
}

const AGENTS_TEMPLATE = 'templates/AGENTS.md.hbs';

/** Run-time files of ai-flow (the lock, each run's staging folder) never belong in a commit. */
const GITIGNORE_TEXT = `# Written by ai-flow: its run-time files are never committed.
${LOCK_PATH.slice('.ai-flow/'.length)}
${RUN_PREFIX}*
${LEGACY_STAGING}/
`;
const PARTIALS_DIR = 'templates/partials';

/**
 * Every file an installation should hold for these answers: the copied prompts and
 * document templates, AGENTS.md, and each chosen tool's rules file and command wrappers.
 * Pure apart from reading the pack; throws RenderError when a template fails.
 */
export function desiredFiles(answers: Answers, pack: Pack, renderer: Renderer, version: string): DesiredFile[] {
  registerPartials(pack, renderer);
  const context = buildContext(answers, pack, version);
  const files: DesiredFile[] = pack
    .copiedFiles(typesOf(answers.parts))
    .map((f) => ({ path: f.target, owner: 'file' as const, content: f.content, source: f.source }));

  files.push({ path: GITIGNORE_PATH, owner: 'file', content: GITIGNORE_TEXT, source: 'ai-flow' });
  files.push({
    path: 'AGENTS.md',
    owner: 'block',
    content: canonicalBlock(renderer.render(AGENTS_TEMPLATE, pack.read(AGENTS_TEMPLATE), context)),
    source: AGENTS_TEMPLATE,
  });

  const delivery = planDelivery(answers.tools, context.commands.map((c) => c.name), answers.delivery);
  const rendered = new Map<string, string>();
  for (const file of delivery.files) files.push(toolFile(file, context, pack, renderer, rendered));
  return files;
}

/**
 * A rules file or a command wrapper. The text depends only on the template, the command and
 * its argument text, so it is rendered once for all the files that share them (each skill
 * folder holds the same copies: 104 files, 13 texts, with `--ai all`).
 */
function toolFile(file: ToolFile, context: RenderContext, pack: Pack, renderer: Renderer, rendered: Map<string, string>): DesiredFile {
  const key = `${file.template}\0${file.command ?? ''}\0${file.args ?? ''}`;
  let text = rendered.get(key);
  if (text === undefined) {
    const command = context.commands.find((c) => c.name === file.command);
    const view = command ? { ...context, command, argumentsToken: file.args ?? TYPED_AFTER_COMMAND } : context;
    text = renderer.render(file.template, pack.read(file.template), view);
    rendered.set(key, text);
  }
  return { path: file.path, owner: file.owner, content: file.owner === 'block' ? canonicalBlock(text) : text, source: file.template };
}

/** A block's text as it reads back from the file: no leading or trailing blank lines. */
function canonicalBlock(text: string): string {
  return text.replace(/^(\r?\n)+/, '').replace(/\s+$/, '');
}

function registerPartials(pack: Pack, renderer: Renderer): void {
  for (const rel of pack.listDir(PARTIALS_DIR)) {
    const name = rel.replace(/\.hbs$/, '').replace(/\.md$/, '');
    renderer.registerPartial(name, pack.read(`${PARTIALS_DIR}/${rel}`), `${PARTIALS_DIR}/${rel}`);
  }
}
