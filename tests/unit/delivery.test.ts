import { describe, expect, it } from 'vitest';
import { TOOLS, TOOL_IDS } from '../../src/tools/registry.js';
import { invocationRows, planDelivery } from '../../src/tools/delivery.js';
import type { DeliveryPreference, ToolRow } from '../../src/tools/types.js';
import { installedCommands } from '../../src/pack/commands.js';

const COMMANDS = installedCommands(['backend', 'mobile']).map((c) => c.name);
const PREFERENCES: DeliveryPreference[] = ['auto', 'commands', 'skills'];

/** Every subset of `ids` with 1 to `max` members. */
function subsets(ids: readonly string[], max: number): string[][] {
  const out: string[][] = [];
  const grow = (from: number, current: string[]): void => {
    if (current.length > 0) out.push(current);
    if (current.length === max) return;
    for (let i = from; i < ids.length; i++) grow(i + 1, [...current, ids[i]]);
  };
  grow(0, []);
  return out;
}

function matcher(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('<cmd>', '([a-z0-9-]+)')}$`);
}

interface Seen {
  command: string;
  invoke: string;
  /** Read by every host of the tool. */
  serves: boolean;
  paths: string[];
}

/**
 * What `tool` lists, worked out from the written paths and the facts of its row alone: each
 * command file it reads is one entry; copies of a skill in several skill folders it reads are
 * one entry where it merges skills (ai-flow renders them byte for byte identical: see
 * tools.test.ts); where a command and a skill share a name, the kind it shadows is not listed.
 */
function seenBy(tool: ToolRow, written: readonly string[]): Seen[] {
  const commands: Seen[] = [];
  const skills = new Map<string, Seen[]>();
  const addSkill = (s: Seen): void => void skills.set(s.command, [...(skills.get(s.command) ?? []), s]);
  for (const p of written) {
    const own = tool.commands ? matcher(tool.commands.path).exec(p) : null;
    if (own) commands.push({ command: own[1], invoke: tool.commands!.invoke, serves: true, paths: [p] });
    for (const f of tool.alsoReads) {
      const m = matcher(f.path).exec(p);
      if (m && f.asSkill && tool.skillInvoke) addSkill({ command: m[1], invoke: tool.skillInvoke, serves: f.serves, paths: [p] });
      else if (m) commands.push({ command: m[1], invoke: f.invoke, serves: f.serves, paths: [p] });
    }
    for (const folder of tool.skillInvoke ? tool.skillFolders : []) {
      const m = matcher(`${folder}/<cmd>/SKILL.md`).exec(p);
      if (m) addSkill({ command: m[1], invoke: tool.skillInvoke!, serves: true, paths: [p] });
    }
  }
  const out: Seen[] = [];
  for (const cmd of new Set([...commands.map((c) => c.command), ...skills.keys()])) {
    const asCommand = commands.filter((c) => c.command === cmd);
    const copies = skills.get(cmd) ?? [];
    const asSkill = tool.mergesSkills && copies.length > 0 ? [{ ...copies[0], serves: copies.some((c) => c.serves), paths: copies.flatMap((c) => c.paths) }] : copies;
    if (asCommand.length > 0 && asSkill.length > 0 && tool.sameName === 'command') out.push(...asCommand);
    else if (asCommand.length > 0 && asSkill.length > 0 && tool.sameName === 'skill') out.push(...asSkill);
    else out.push(...asCommand, ...asSkill);
  }
  return out;
}

describe('delivery: every command exactly once per tool, under the printed invocation', () => {
  const selections = [...subsets(TOOL_IDS, 3), [...TOOL_IDS]];

  it('enumerates every subset of up to three tools and the full set', () => {
    const n = TOOL_IDS.length;
    expect(selections).toHaveLength(n + (n * (n - 1)) / 2 + (n * (n - 1) * (n - 2)) / 6 + 1);
  });

  it.each(PREFERENCES)('holds for every selection with --delivery %s', (preference) => {
    const failures: string[] = [];
    for (const ids of selections) {
      const plan = planDelivery(ids, COMMANDS, preference);
      const written = plan.files.filter((f) => f.role === 'command').map((f) => f.path);
      const printed = new Map(invocationRows(ids, COMMANDS, preference).map((r) => [r.id, r.invocations]));
      for (const tool of TOOLS.filter((t) => ids.includes(t.id))) {
        const seen = seenBy(tool, written);
        for (const cmd of COMMANDS) {
          const entries = seen.filter((s) => s.command === cmd);
          const expected = printed.get(tool.id)?.find((i) => i.command === cmd)?.invoke;
          const actual = entries.map((e) => e.invoke.replace('<cmd>', cmd));
          const ownFiles = plan.files.filter((f) => f.command === cmd && f.tools.includes(tool.id)).map((f) => f.path);
          const hidden = ownFiles.length > 0 && !ownFiles.some((f) => entries[0]?.paths.includes(f));
          if (entries.length !== 1 || !entries[0].serves || actual[0] !== expected || hidden) {
            failures.push(`[${ids.join(',')}] ${tool.id} ${cmd}: sees ${JSON.stringify(actual)}${entries[0]?.serves === false ? ' (not read by every host)' : ''}${hidden ? ' (its own file hidden)' : ''}, prints ${expected}`);
          }
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe('delivery decisions', () => {
  const only = (ids: string[], preference: DeliveryPreference = 'auto') => Object.fromEntries(planDelivery(ids, ['flow-work'], preference).tools.map((t) => [t.id, t]));

  it('each tool alone uses its default delivery and writes its own files', () => {
    for (const tool of TOOLS) {
      const d = only([tool.id])[tool.id];
      expect(d.delivery, tool.id).toBe(tool.delivery);
      expect(d.writtenFor).toBe(tool.id);
      expect(d.reason).toBeNull();
    }
  });

  it('Gemini CLI keeps its TOML commands beside Codex, which then reads its skills from .codex/skills', () => {
    const d = only(['gemini', 'codex']);
    expect(d.gemini).toMatchObject({ delivery: 'commands', location: '.gemini/commands/<cmd>.toml', reason: null, note: null });
    expect(d.codex).toMatchObject({ location: '.codex/skills/<cmd>/SKILL.md', invoke: '$<cmd>' });
    expect(d.codex.reason).toContain('Gemini CLI would list each command twice');
  });

  it('beside a tool that only reads .agents/skills, Gemini CLI switches to the shared skills (it renames clashing names)', () => {
    const d = only(['gemini', 'codex', 'zed']);
    expect(d.gemini).toMatchObject({ delivery: 'skills', location: '.agents/skills/<cmd>/SKILL.md', invoke: '/<cmd>' });
    // Headless Gemini offers activate_skill only when allowed: said wherever the invocation is.
    expect(d.gemini.note).toBe('with `gemini -p`, add `--allowed-tools activate_skill`');
    expect(d.codex.location).toBe('.agents/skills/<cmd>/SKILL.md');
    expect(planDelivery(['gemini', 'codex', 'zed'], ['flow-work']).files.map((f) => f.path)).not.toContain('.gemini/commands/flow-work.toml');
  });

  it('Factory Droid never gets a second copy of a skill (a config warning in Droid): beside the shared skills it runs its commands', () => {
    expect(only(['droid']).droid).toMatchObject({ delivery: 'skills', location: '.factory/skills/<cmd>/SKILL.md' });
    const d = only(['droid', 'zed']);
    expect(d.droid).toMatchObject({ delivery: 'commands', location: '.factory/commands/<cmd>.md', invoke: '/<cmd>' });
    expect(planDelivery(['droid', 'zed'], ['flow-work']).files.map((f) => f.path)).not.toContain('.factory/skills/flow-work/SKILL.md');
  });

  it('OpenCode and Qwen Code keep their commands beside the shared skills: their command hides the skill', () => {
    const d = only(['opencode', 'qwen', 'zed']);
    expect(d.opencode).toMatchObject({ delivery: 'commands', reason: null });
    expect(d.qwen).toMatchObject({ delivery: 'commands', reason: null });
  });

  it('Cline switches to the shared skills beside them: a skill would hide its workflow', () => {
    const d = only(['cline', 'zed']);
    expect(d.cline).toMatchObject({ delivery: 'skills', invoke: '/<cmd>' });
    expect(d.cline.reason).toContain('hide its own .clinerules/workflows/<cmd>.md');
  });

  it('Auggie runs the Claude Code commands it reads anyway', () => {
    const d = only(['claude', 'auggie']);
    expect(d.auggie).toMatchObject({ location: '.claude/commands/<cmd>.md', writtenFor: 'claude' });
    expect(d.auggie.reason).toContain('files written for Claude Code');
  });

  it('Claude Code keeps .claude/commands beside Copilot, whose CLI lists them once with its skills', () => {
    expect(only(['claude', 'copilot', 'codex']).claude).toMatchObject({ delivery: 'commands', reason: null });
  });

  it('Claude Code moves to .claude/skills when Auggie would see its commands beside the shared skills', () => {
    const d = only(['claude', 'auggie', 'zed']);
    expect(d.claude).toMatchObject({ delivery: 'skills', location: '.claude/skills/<cmd>/SKILL.md', invoke: '/<cmd>' });
    expect(d.claude.reason).toContain('Augment Code (Auggie) would list each command twice');
  });

  it('a shared skill folder is written once for all the tools that use it', () => {
    const files = planDelivery(['codex', 'zed', 'warp', 'cursor'], ['flow-work'], 'skills').files.filter((f) => f.role === 'command');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ path: '.agents/skills/flow-work/SKILL.md', tools: ['cursor', 'codex', 'zed', 'warp'] });
  });

  it('--delivery commands and skills pick that surface where a tool has both', () => {
    expect(only(['copilot'], 'commands').copilot.location).toBe('.github/prompts/<cmd>.prompt.md');
    expect(only(['claude'], 'skills').claude.location).toBe('.claude/skills/<cmd>/SKILL.md');
    expect(only(['codex'], 'commands').codex.delivery).toBe('skills');
    expect(only(['roo'], 'skills').roo.delivery).toBe('commands');
  });

  it('Devin Desktop is run with @ once its skills are the delivery', () => {
    expect(only(['devin']).devin.invoke).toBe('/<cmd>');
    expect(only(['devin', 'codex']).devin.invoke).toBe('/<cmd>');
    expect(only(['devin', 'zed']).devin.invoke).toBe('@<cmd>');
  });

  it('rows name their tool and every command of the selection', () => {
    const rows = invocationRows(['codex', 'claude'], ['flow-build', 'flow-work']);
    expect(rows).toEqual([
      expect.objectContaining({ id: 'claude', pattern: '/<command>', invocations: [{ command: 'flow-build', invoke: '/flow-build' }, { command: 'flow-work', invoke: '/flow-work' }] }),
      expect.objectContaining({ id: 'codex', pattern: '$<command>', invocations: [{ command: 'flow-build', invoke: '$flow-build' }, { command: 'flow-work', invoke: '$flow-work' }] }),
    ]);
  });
});
