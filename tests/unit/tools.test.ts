import { describe, expect, it } from 'vitest';
import { TOOLS, TOOL_IDS, normalizeToolIds, toolById } from '../../src/tools/registry.js';
import { desiredFiles } from '../../src/core/desired.js';
import { Pack } from '../../src/pack/pack.js';
import { Renderer } from '../../src/core/render.js';
import { installedCommands } from '../../src/pack/commands.js';
import { REPO } from '../helpers.js';
import { HOSTILE_SAMPLE } from '../../src/doctor/pack-lint.js';
import type { DesiredFile } from '../../src/core/desired.js';

const pack = new Pack(REPO);

function filesFor(tool: string, types: ('backend' | 'frontend')[] = ['backend']): DesiredFile[] {
  const parts = types.map((type) => ({ type, dir: types.length > 1 ? type : '.', stack: HOSTILE_SAMPLE.stack }));
  return desiredFiles({ ...HOSTILE_SAMPLE.answers, parts, tools: [tool] }, pack, new Renderer(), '9.9.9');
}

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

describe('tool registry', () => {
  it('has the nine tools of SPEC §4.1, each id once', () => {
    expect(TOOL_IDS).toEqual(['claude', 'cursor', 'copilot', 'gemini', 'windsurf', 'codex', 'antigravity', 'cline', 'opencode']);
    expect(new Set(TOOLS.map((t) => t.id)).size).toBe(TOOLS.length);
  });

  it('knows how each tool runs a command', () => {
    expect(TOOLS.map((t) => t.invoke('flow-work'))).toEqual(['/flow-work', '/flow-work', '/flow-work', '/flow-work', '/flow-work', '$flow-work', '/flow-work', '/flow-work.md', '/flow-work']);
  });

  it('normalises tool lists to registry order without duplicates', () => {
    expect(normalizeToolIds(['opencode', 'claude', 'claude'])).toEqual(['claude', 'opencode']);
  });

  it('gives every tool a wrapper per command, and nothing else outside its own folders', () => {
    for (const tool of TOOLS) {
      const files = filesFor(tool.id).filter((f) => !f.path.startsWith('.ai-flow/') && f.path !== 'AGENTS.md');
      const commands = installedCommands(['backend']);
      const wrappers = files.filter((f) => f.source.startsWith('templates/commands/'));
      expect(wrappers.map((f) => f.path).sort()).toEqual(commands.map((c) => tool.commandPath(c.name)).sort());
      for (const w of wrappers) {
        const cmd = commands.find((c) => tool.commandPath(c.name) === w.path)!;
        expect(w.content, `${w.path} names its prompt`).toContain(cmd.prompt);
        expect(w.content, `${w.path} passes arguments`).toContain(tool.argumentsToken);
      }
    }
  });
});

describe('tool formats', () => {
  const wrapper = (tool: string, cmd = 'flow-build'): string => filesFor(tool).find((f) => f.path === toolById(tool)!.commandPath(cmd))!.content;

  it('claude: front matter description + argument-hint, $ARGUMENTS', () => {
    const text = wrapper('claude');
    expect(frontMatter(text)).toMatchObject({ description: expect.stringContaining('interview'), 'argument-hint': '[phase number or name]' });
    expect(text).toContain('$ARGUMENTS');
  });

  it('copilot: .prompt.md with description and agent: agent, ${input:args}', () => {
    const text = wrapper('copilot');
    expect(frontMatter(text)).toMatchObject({ agent: 'agent' });
    expect(text).toContain('${input:args}');
  });

  it('gemini: TOML with description and a multi-line prompt holding a literal {{args}}', () => {
    const text = wrapper('gemini');
    expect(text).toMatch(/^description = ".+"\nprompt = """\n[\s\S]+\n"""\n$/);
    expect(text).toContain('{{args}}');
    expect(text.match(/"""/g)).toHaveLength(2);
  });

  it('codex: a skill folder with name and description', () => {
    const text = wrapper('codex', 'flow-work');
    expect(toolById('codex')!.commandPath('flow-work')).toBe('.agents/skills/flow-work/SKILL.md');
    expect(frontMatter(text)).toMatchObject({ name: 'flow-work' });
  });

  it('opencode: description front matter and $ARGUMENTS', () => {
    expect(frontMatter(wrapper('opencode')).description).toBeTruthy();
    expect(wrapper('opencode')).toContain('$ARGUMENTS');
  });

  it('cursor: plain Markdown command and an always-applied .mdc rule whose description survives hostile names', () => {
    expect(wrapper('cursor')).not.toMatch(/^---/);
    const rule = filesFor('cursor').find((f) => f.path === '.cursor/rules/ai-flow.mdc')!;
    const fm = frontMatter(rule.content);
    expect(fm.alwaysApply).toBe('true');
    expect(fm.description).toContain(HOSTILE_SAMPLE.answers.name);
  });

  it('windsurf: always-on rule and workflows', () => {
    const rule = filesFor('windsurf').find((f) => f.path === '.windsurf/rules/ai-flow.md')!;
    expect(frontMatter(rule.content).trigger).toBe('always_on');
    expect(wrapper('windsurf')).toContain('.ai-flow/prompts/backend/flow-build.md');
  });

  it('claude, copilot and gemini rules are managed blocks; claude imports AGENTS.md', () => {
    const owners = Object.fromEntries(['claude', 'copilot', 'gemini'].map((t) => [t, filesFor(t).find((f) => f.path === toolById(t)!.rules!.path)!]));
    expect(Object.values(owners).every((f) => f.owner === 'block')).toBe(true);
    expect(owners.claude.content.startsWith('@AGENTS.md')).toBe(true);
  });

  it('two parts get backend- and frontend- build commands and the shared ones once', () => {
    const names = filesFor('claude', ['backend', 'frontend']).filter((f) => f.path.startsWith('.claude/commands/')).map((f) => f.path);
    expect(names).toContain('.claude/commands/backend-flow-build.md');
    expect(names).toContain('.claude/commands/frontend-flow-build.md');
    expect(names).not.toContain('.claude/commands/flow-build.md');
    expect(names.filter((n) => n.endsWith('/flow-work.md'))).toHaveLength(1);
  });
});
