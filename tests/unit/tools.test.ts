import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOLS, TOOL_IDS, normalizeToolIds, resolveToolId, toolById } from '../../src/tools/registry.js';
import { desiredFiles } from '../../src/core/desired.js';
import { Pack } from '../../src/pack/pack.js';
import { Renderer } from '../../src/core/render.js';
import { installedCommands } from '../../src/pack/commands.js';
import { isInstallablePath } from '../../src/core/path-set.js';
import { parseTools } from '../../src/interview/questions.js';
import { parseConfig } from '../../src/core/state.js';
import { invocationRows } from '../../src/tools/delivery.js';
import type { DeliveryPreference } from '../../src/tools/types.js';
import { REPO } from '../helpers.js';
import { HOSTILE_SAMPLE } from '../../src/doctor/pack-lint.js';
import type { DesiredFile } from '../../src/core/desired.js';

const pack = new Pack(REPO);
const ASK = 'ask: "use the flow-work skill"';

function filesFor(tools: string[], types: ('backend' | 'frontend')[] = ['backend'], delivery: DeliveryPreference = 'auto'): DesiredFile[] {
  const parts = types.map((type) => ({ type, dir: types.length > 1 ? type : '.', stack: HOSTILE_SAMPLE.stack }));
  return desiredFiles({ ...HOSTILE_SAMPLE.answers, parts, tools, delivery }, pack, new Renderer(), '9.9.9');
}

const toolFilesOf = (files: DesiredFile[]): DesiredFile[] => files.filter((f) => !f.path.startsWith('.ai-flow/') && f.path !== 'AGENTS.md');

/** Minimal front-matter reader: the keys of the leading `---` block, values JSON-decoded when quoted. */
function frontMatter(text: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return Object.fromEntries(
    m[1].split('\n').map((line) => {
      const i = line.indexOf(':');
      const raw = line.slice(i + 1).trim();
      return [line.slice(0, i), raw.startsWith('"') ? JSON.parse(raw) : raw];
    }),
  );
}

/**
 * One test row per tool, installed alone: where `/flow-work` lands, how the user runs it,
 * its rules file, and the argument text the wrapper carries.
 */
const ROWS: [id: string, file: string, invoke: string, rules: string | null, args: string][] = [
  ['claude', '.claude/commands/flow-work.md', '/flow-work', 'CLAUDE.md', '$ARGUMENTS'],
  ['cursor', '.cursor/commands/flow-work.md', '/flow-work', '.cursor/rules/ai-flow.mdc', 'the text the user typed'],
  ['copilot', '.agents/skills/flow-work/SKILL.md', '/flow-work', '.github/copilot-instructions.md', 'the request the user made'],
  ['gemini', '.gemini/commands/flow-work.toml', '/flow-work', 'GEMINI.md', '{{args}}'],
  ['devin', '.devin/workflows/flow-work.md', '/flow-work', '.devin/rules/ai-flow.md', 'the text the user typed'],
  ['codex', '.agents/skills/flow-work/SKILL.md', '$flow-work', null, 'the request the user made'],
  ['antigravity', '.agents/workflows/flow-work.md', '/flow-work', '.agents/rules/ai-flow.md', 'the text the user typed'],
  ['cline', '.clinerules/workflows/flow-work.md', '/flow-work', '.clinerules/ai-flow.md', 'the text the user typed'],
  ['opencode', '.opencode/commands/flow-work.md', '/flow-work', null, '$ARGUMENTS'],
  ['qwen', '.qwen/commands/flow-work.md', '/flow-work', 'QWEN.md', 'the text the user typed'],
  ['kilo', '.kilo/commands/flow-work.md', '/flow-work', null, '$ARGUMENTS'],
  ['roo', '.roo/commands/flow-work.md', '/flow-work', null, 'the text the user typed'],
  ['auggie', '.augment/commands/flow-work.md', '/flow-work', null, '$ARGUMENTS'],
  ['kiro', '.kiro/skills/flow-work/SKILL.md', '/flow-work', '.kiro/steering/ai-flow.md', 'the request the user made'],
  ['junie', '.junie/commands/flow-work.md', '/flow-work', null, '$ARGUMENTS'],
  ['crush', '.agents/skills/flow-work/SKILL.md', 'Ctrl+P: flow-work', null, 'the request the user made'],
  ['trae', '.trae/skills/flow-work/SKILL.md', '/flow-work', '.trae/rules/ai-flow.md', 'the request the user made'],
  ['codebuddy', '.codebuddy/commands/flow-work.md', '/flow-work', 'CODEBUDDY.md', '$ARGUMENTS'],
  ['continue', '.continue/prompts/flow-work.md', '/flow-work', null, 'the text the user typed'],
  ['droid', '.factory/skills/flow-work/SKILL.md', '/flow-work', null, 'the request the user made'],
  ['qoder', '.qoder/skills/flow-work/SKILL.md', '/flow-work', '.qoder/rules/ai-flow.md', 'the request the user made'],
  ['lingma', '.lingma/skills/flow-work/SKILL.md', '/flow-work', '.lingma/rules/ai-flow.md', 'the request the user made'],
  ['bob', '.bob/skills/flow-work/SKILL.md', '/flow-work', '.bob/rules/ai-flow.md', 'the request the user made'],
  ['zed', '.agents/skills/flow-work/SKILL.md', '/flow-work', null, 'the request the user made'],
  ['amp', '.agents/skills/flow-work/SKILL.md', ASK, null, 'the request the user made'],
  ['goose', '.agents/skills/flow-work/SKILL.md', ASK, null, 'the request the user made'],
  ['warp', '.agents/skills/flow-work/SKILL.md', '/flow-work', null, 'the request the user made'],
  ['skills', '.agents/skills/flow-work/SKILL.md', ASK, null, 'the request the user made'],
];

describe('tool table', () => {
  it('has at least 25 tools, a test row for each, ids and aliases unique', () => {
    expect(TOOLS.length).toBeGreaterThanOrEqual(25);
    expect(ROWS.map((r) => r[0])).toEqual(TOOL_IDS);
    const names = TOOLS.flatMap((t) => [t.id, ...t.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('every row names a source with a date, and docs/tools.md documents every id', () => {
    const docs = readFileSync(path.join(REPO, 'docs/tools.md'), 'utf8');
    for (const t of TOOLS) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      for (const s of t.sources) {
        expect(s.url).toMatch(/^https:\/\//);
        expect(s.date).toMatch(/^20\d\d/);
      }
      expect(docs, t.id).toContain(`| \`${t.id}\` |`);
    }
  });

  it('resolves ids and aliases in any case; --ai keeps table order without duplicates', () => {
    expect(resolveToolId('Windsurf')).toBe('devin');
    expect(resolveToolId(' AMAZONQ ')).toBe('kiro');
    expect(resolveToolId('zoo')).toBe('roo');
    expect(resolveToolId('emacs')).toBeUndefined();
    expect(parseTools('Windsurf,claude,devin')).toEqual(['claude', 'devin']);
    expect(parseTools(['all'])).toEqual(TOOL_IDS);
    expect(parseTools('emacs')).toMatch(/unknown AI tool "emacs"/);
    expect(normalizeToolIds(['opencode', 'claude', 'claude'])).toEqual(['claude', 'opencode']);
  });

  it('a saved config naming a tool by an alias is read as the current id', () => {
    const saved = { schemaVersion: 2, packVersion: '0.1.0', name: 'x', description: '', parts: [{ type: 'backend', dir: '.', stack: {} }], scope: 'mvp', language: 'English' };
    expect(parseConfig(JSON.stringify({ ...saved, tools: ['windsurf', 'claude'] })).tools).toEqual(['claude', 'devin']);
    expect(parseConfig(JSON.stringify({ ...saved, tools: ['claude'], delivery: 'skills' })).delivery).toBe('skills');
    expect(() => parseConfig(JSON.stringify({ ...saved, tools: ['claude'], delivery: 'both' }))).toThrow(/unknown delivery "both"/);
  });

  it('every path any row may install, and every legacy path, is a path a manifest may name', () => {
    for (const t of TOOLS) {
      const paths = [t.rules?.path, t.commands?.path, t.skills && `${t.skills.folder}/<cmd>/SKILL.md`, ...t.legacy.map((l) => l.from)];
      for (const p of paths) if (p) expect(isInstallablePath(p.replace('<cmd>', 'flow-work')), p).toBe(true);
    }
    expect(isInstallablePath('.windsurf/workflows/flow-build.md')).toBe(true);
    expect(isInstallablePath('.agent/rules/ai-flow.md')).toBe(true);
    expect(isInstallablePath('.windsurf/workflows/../x.md')).toBe(false);
  });
});

describe.each(ROWS)('%s installed alone', (id, file, invoke, rules, args) => {
  const files = toolFilesOf(filesFor([id]));
  const commands = installedCommands(['backend']);

  it(`runs /flow-work from ${file} as ${invoke}`, () => {
    const row = invocationRows([id], commands.map((c) => c.name)).find((r) => r.id === id)!;
    expect(row.invocations.find((i) => i.command === 'flow-work')?.invoke).toBe(invoke);
    const wrapper = files.find((f) => f.path === file);
    expect(wrapper?.content).toContain('.ai-flow/prompts/shared/flow-work.md');
    expect(wrapper?.content).toContain(args);
  });

  it('writes its rules file and one wrapper per command, nothing else', () => {
    const expected = [...(rules ? [rules] : []), ...commands.map((c) => file.replace('flow-work', c.name))];
    expect(files.map((f) => f.path).sort()).toEqual(expected.sort());
  });

  it('renders every surface it has in strict mode, each wrapper naming its prompt', () => {
    for (const delivery of ['commands', 'skills'] as const) {
      for (const f of toolFilesOf(filesFor([id], ['backend', 'frontend'], delivery)).filter((x) => x.source.startsWith('templates/commands/'))) {
        expect(f.content, f.path).toMatch(/`\.ai-flow\/prompts\/(shared|backend|frontend)\/flow-[a-z-]+\.md`/);
      }
    }
  });

  it('its rules file points at AGENTS.md', () => {
    const rule = files.find((f) => f.path === rules);
    if (rules) expect(rule?.content).toContain('`AGENTS.md` at the repository root is the main instruction file');
    expect(files.map((f) => f.path)).not.toContain('.junie/AGENTS.md');
  });
});

describe('native formats', () => {
  const wrapper = (tool: string, cmd = 'flow-build', delivery: DeliveryPreference = 'auto'): string =>
    toolFilesOf(filesFor([tool], ['backend'], delivery)).find((f) => f.source.startsWith('templates/commands/') && f.path.includes(cmd))!.content;

  it('claude: front matter description + argument-hint, $ARGUMENTS', () => {
    const text = wrapper('claude');
    expect(frontMatter(text)).toMatchObject({ description: expect.stringContaining('interview'), 'argument-hint': '[phase number or name]' });
    expect(text).toContain('$ARGUMENTS');
  });

  it('copilot prompt files: description and agent: agent, ${input:args}', () => {
    const text = wrapper('copilot', 'flow-build', 'commands');
    expect(frontMatter(text)).toMatchObject({ agent: 'agent' });
    expect(text).toContain('${input:args}');
  });

  it('gemini: TOML with description and a multi-line prompt holding a literal {{args}}', () => {
    const text = wrapper('gemini');
    expect(text).toMatch(/^description = ".+"\nprompt = """\n[\s\S]+\n"""\n$/);
    expect(text).toContain('{{args}}');
    expect(text.match(/"""/g)).toHaveLength(2);
  });

  it('skills: name = folder (lowercase-hyphen, at most 64), description at most 1024, same bytes for every tool', () => {
    const copies = ['codex', 'kiro', 'qoder', 'claude'].map((t) => toolFilesOf(filesFor([t], ['backend', 'frontend'], 'skills')).filter((f) => f.path.endsWith('/SKILL.md')));
    for (const skill of copies[0]) {
      const folder = skill.path.split('/').at(-2)!;
      const fm = frontMatter(skill.content);
      expect(fm.name).toBe(folder);
      expect(folder).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(folder.length).toBeLessThanOrEqual(64);
      expect(fm.description.length).toBeGreaterThan(0);
      expect(fm.description.length).toBeLessThanOrEqual(1024);
    }
    const bodies = copies.map((list) => list.map((f) => `${f.path.split('/').at(-2)}\n${f.content}`).sort());
    for (const other of bodies.slice(1)) expect(other).toEqual(bodies[0]);
  });

  it('opencode: description front matter and $ARGUMENTS', () => {
    expect(frontMatter(wrapper('opencode')).description).toBeTruthy();
    expect(wrapper('opencode')).toContain('$ARGUMENTS');
  });

  it('continue: an invokable prompt named after the command', () => {
    expect(frontMatter(wrapper('continue'))).toMatchObject({ name: 'flow-build', invokable: 'true' });
  });

  it('cursor: plain Markdown command and an always-applied .mdc rule whose description survives hostile names', () => {
    expect(wrapper('cursor')).not.toMatch(/^---/);
    const rule = filesFor(['cursor']).find((f) => f.path === '.cursor/rules/ai-flow.mdc')!;
    const fm = frontMatter(rule.content);
    expect(fm.alwaysApply).toBe('true');
    expect(fm.description).toContain(HOSTILE_SAMPLE.answers.name);
  });

  it('devin and antigravity: always-on rules; kiro: always-included steering; trae: always-applied rule', () => {
    const rule = (tool: string) => frontMatter(filesFor([tool]).find((f) => f.path === toolById(tool)!.rules!.path)!.content);
    expect(rule('devin').trigger).toBe('always_on');
    expect(rule('antigravity').trigger).toBe('always_on');
    expect(rule('kiro').inclusion).toBe('always');
    expect(rule('trae').alwaysApply).toBe('true');
  });

  it('root rules files are managed blocks; claude, gemini and qwen import AGENTS.md', () => {
    const ids = ['claude', 'copilot', 'gemini', 'qwen', 'codebuddy'];
    const rules = Object.fromEntries(ids.map((t) => [t, filesFor([t]).find((f) => f.path === toolById(t)!.rules!.path)!]));
    expect(Object.values(rules).every((f) => f.owner === 'block')).toBe(true);
    expect(rules.claude.content.startsWith('@AGENTS.md')).toBe(true);
    expect(rules.gemini.content.startsWith('@./AGENTS.md')).toBe(true);
    expect(rules.qwen.content.startsWith('@./AGENTS.md')).toBe(true);
  });

  it('two parts get backend- and frontend- build commands and the shared ones once', () => {
    const names = filesFor(['claude'], ['backend', 'frontend']).filter((f) => f.path.startsWith('.claude/commands/')).map((f) => f.path);
    expect(names).toContain('.claude/commands/backend-flow-build.md');
    expect(names).toContain('.claude/commands/frontend-flow-build.md');
    expect(names).not.toContain('.claude/commands/flow-build.md');
    expect(names.filter((n) => n.endsWith('/flow-work.md'))).toHaveLength(1);
  });

  it("AGENTS.md's table shows how each chosen tool runs the commands", () => {
    const agents = filesFor(['codex', 'claude']).find((f) => f.path === 'AGENTS.md')!.content;
    expect(agents).toContain('| Claude Code | `/<command>` | `/flow-build` |');
    expect(agents).toContain('| OpenAI Codex | `$<command>` | `$flow-build` |');
  });
});
