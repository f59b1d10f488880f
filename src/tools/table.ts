import type { CommandSurface, ToolRow } from './types.js';

/**
 * Every supported AI tool, one row each (facts, sources and dates: docs/tools.md).
 * Adding a tool: one row here, one test row in tests/unit/tools.test.ts, one line of docs.
 * Order: the order of `ai-flow list`, of saved answers and of the delivery search.
 */
const AGENTS = '.agents/skills';
const CLAUDE_SKILLS = '.claude/skills';
const ASK = 'ask: "use the <cmd> skill"';

type Defaults = 'aliases' | 'rules' | 'commands' | 'skills' | 'skillInvoke' | 'skillFolders' | 'mergesSkills' | 'sameName' | 'alsoReads' | 'legacy';
function row(r: Omit<ToolRow, Defaults> & Partial<Pick<ToolRow, Defaults>>): ToolRow {
  return { aliases: [], rules: null, commands: null, skills: null, skillInvoke: null, skillFolders: [], mergesSkills: true, sameName: null, alsoReads: [], legacy: [], ...r };
}

/** Markdown command with `description` front matter (and `argument-hint` where the tool knows it). */
function md(path: string, args: string | null, hint = false, kind: CommandSurface['kind'] = 'command'): CommandSurface {
  return {
    kind,
    path,
    template: hint ? 'markdown-hint.md.hbs' : 'markdown.md.hbs',
    args,
    invoke: '/<cmd>',
    format: `Markdown, front matter description${hint ? ', argument-hint' : ''}${args ? `; ${args}` : ''}`,
  };
}

const plain = (path: string, kind: CommandSurface['kind']): CommandSurface => ({ kind, path, template: 'plain.md.hbs', args: null, invoke: '/<cmd>', format: 'plain Markdown' });
const pointer = (path: string) => ({ path, template: 'plain.md.hbs', owner: 'file' as const });

export const TOOL_TABLE: readonly ToolRow[] = [
  row({
    id: 'claude', name: 'Claude Code', aliases: ['claude-code'], hosts: 'cli', detect: ['.claude', 'CLAUDE.md'],
    rules: { path: 'CLAUDE.md', template: 'claude.md.hbs', owner: 'block' },
    commands: md('.claude/commands/<cmd>.md', '$ARGUMENTS', true),
    skills: { folder: CLAUDE_SKILLS }, skillInvoke: '/<cmd>', skillFolders: [CLAUDE_SKILLS], sameName: 'skill', delivery: 'commands',
    sources: [{ url: 'https://code.claude.com/docs/en/skills', date: '2026' }, { url: 'https://github.com/anthropics/claude-code/blob/main/CHANGELOG.md', date: '2026-08-22' }],
  }),
  row({
    id: 'cursor', name: 'Cursor', aliases: ['cursor-agent'], hosts: 'ide+cli', detect: ['.cursor', '.cursorrules'],
    rules: { path: '.cursor/rules/ai-flow.mdc', template: 'cursor.mdc.hbs', owner: 'file' },
    commands: plain('.cursor/commands/<cmd>.md', 'command'),
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, '.cursor/skills', CLAUDE_SKILLS, '.codex/skills'], delivery: 'commands',
    sources: [{ url: 'https://cursor.com/docs/context/skills.md', date: '2026' }, { url: 'https://skillscursor.com/blog/how-skills-work', date: '2026-03-14' }],
  }),
  row({
    id: 'copilot', name: 'GitHub Copilot', aliases: ['github-copilot', 'copilot-cli'], hosts: 'ide+cli',
    detect: ['.github/copilot-instructions.md', '.github/prompts', '.github/instructions', '.github/skills'],
    rules: { path: '.github/copilot-instructions.md', template: 'plain.md.hbs', owner: 'block' },
    commands: { kind: 'prompt', path: '.github/prompts/<cmd>.prompt.md', template: 'copilot.prompt.md.hbs', args: '${input:args}', invoke: '/<cmd>', format: '.prompt.md, front matter description, agent; ${input:args} (VS Code only)' },
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, '.github/skills', CLAUDE_SKILLS],
    alsoReads: [{ path: '.claude/commands/<cmd>.md', invoke: '/<cmd>', serves: false, asSkill: true }], delivery: 'skills',
    // The Copilot CLI runs `/name` of a skill in its interactive mode only (checked with 1.0.102).
    skillNote: 'in the interactive CLI; `copilot -p` sends it to the model as plain text',
    sources: [{ url: 'https://github.com/microsoft/vscode-docs/blob/main/docs/copilot/customization/agent-skills.md', date: '2026-02-04' }, { url: 'https://github.com/github/copilot-cli/blob/main/changelog.md', date: '2026-08-03' }],
  }),
  row({
    id: 'gemini', name: 'Gemini CLI', aliases: ['gemini-cli'], hosts: 'cli', detect: ['.gemini', 'GEMINI.md'],
    rules: { path: 'GEMINI.md', template: 'gemini.md.hbs', owner: 'block' },
    commands: { kind: 'command', path: '.gemini/commands/<cmd>.toml', template: 'gemini.toml.hbs', args: '{{args}}', invoke: '/<cmd>', format: 'TOML: description, prompt; {{args}}' },
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, '.gemini/skills'], delivery: 'commands',
    // Headless Gemini offers activate_skill only to a run that allows it (checked with 0.61).
    skillNote: 'with `gemini -p`, add `--allowed-tools activate_skill`',
    sources: [{ url: 'https://github.com/google-gemini/gemini-cli/blob/main/packages/cli/src/services/SlashCommandResolver.ts', date: '2026-08-21' }, { url: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/cli/custom-commands.md', date: '2026-08-21' }],
  }),
  row({
    id: 'devin', name: 'Devin Desktop (Windsurf)', aliases: ['windsurf', 'devin-desktop', 'cascade'], hosts: 'ide+cli',
    detect: ['.devin', '.windsurf', '.windsurfrules'],
    rules: { path: '.devin/rules/ai-flow.md', template: 'always-on.md.hbs', owner: 'file' },
    commands: md('.devin/workflows/<cmd>.md', null, false, 'workflow'),
    skills: { folder: AGENTS }, skillInvoke: '@<cmd>', skillFolders: [AGENTS, '.devin/skills', '.windsurf/skills', CLAUDE_SKILLS], delivery: 'commands',
    legacy: [{ from: '.windsurf/workflows/<cmd>.md', to: '.devin/workflows/<cmd>.md' }, { from: '.windsurf/rules/ai-flow.md', to: '.devin/rules/ai-flow.md' }],
    sources: [{ url: 'https://docs.devin.ai/desktop/cascade/memories', date: '2026' }, { url: 'https://docs.windsurf.com/windsurf/cascade/skills', date: '2026' }],
  }),
  row({
    id: 'codex', name: 'OpenAI Codex', aliases: ['codex-cli', 'openai-codex'], hosts: 'ide+cli', detect: ['.codex'],
    skills: { folder: AGENTS, fallback: '.codex/skills' }, skillInvoke: '$<cmd>', skillFolders: [AGENTS, '.codex/skills'], mergesSkills: false, delivery: 'skills',
    sources: [{ url: 'https://developers.openai.com/codex/skills.md', date: '2026' }],
  }),
  row({
    id: 'antigravity', name: 'Google Antigravity', aliases: ['agy'], hosts: 'ide+cli', detect: ['.agents/workflows', '.agents/rules', '.agent'],
    rules: { path: '.agents/rules/ai-flow.md', template: 'always-on.md.hbs', owner: 'file' },
    commands: md('.agents/workflows/<cmd>.md', null, false, 'workflow'),
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, '.agent/skills'], delivery: 'commands',
    legacy: [{ from: '.agent/workflows/<cmd>.md', to: '.agents/workflows/<cmd>.md' }, { from: '.agent/rules/ai-flow.md', to: '.agents/rules/ai-flow.md' }],
    sources: [{ url: 'https://github.com/dyoshikawa/rulesync/tree/main/src/features', date: '2026-08-18' }, { url: 'https://github.com/github/spec-kit/blob/main/src/specify_cli/integrations/agy/__init__.py', date: '2026-08-21' }],
  }),
  row({
    id: 'cline', name: 'Cline', aliases: ['cline-cli'], hosts: 'ide+cli', detect: ['.clinerules', '.cline'],
    rules: pointer('.clinerules/ai-flow.md'),
    commands: plain('.clinerules/workflows/<cmd>.md', 'workflow'),
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, '.clinerules/skills', '.cline/skills', CLAUDE_SKILLS], sameName: 'skill', delivery: 'commands',
    sources: [{ url: 'https://github.com/cline/cline/blob/main/sdk/packages/core/src/extensions/config/runtime-commands.ts', date: '2026-08-22' }, { url: 'https://github.com/cline/cline/pull/9281', date: '2026-02-12' }],
  }),
  row({
    id: 'opencode', name: 'OpenCode', aliases: ['sst-opencode'], hosts: 'cli', detect: ['.opencode', 'opencode.json', 'opencode.jsonc'],
    commands: md('.opencode/commands/<cmd>.md', '$ARGUMENTS'),
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, CLAUDE_SKILLS, '.opencode/skills'], sameName: 'command', delivery: 'commands',
    sources: [{ url: 'https://github.com/anomalyco/opencode/blob/dev/packages/web/src/content/docs/commands.mdx', date: '2026' }, { url: 'https://github.com/anomalyco/opencode/blob/dev/packages/opencode/src/skill/index.ts', date: '2026' }],
  }),
  row({
    id: 'qwen', name: 'Qwen Code', aliases: ['qwen-code'], hosts: 'cli', detect: ['.qwen', 'QWEN.md'],
    rules: { path: 'QWEN.md', template: 'gemini.md.hbs', owner: 'block' },
    commands: md('.qwen/commands/<cmd>.md', null, true),
    skills: { folder: '.qwen/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.qwen/skills', AGENTS], sameName: 'command', delivery: 'commands',
    sources: [{ url: 'https://qwenlm.github.io/qwen-code-docs/1.x/en/users/custom-commands/', date: '2026' }, { url: 'https://github.com/github/spec-kit/issues/1589', date: '2026' }],
  }),
  row({
    id: 'kilo', name: 'Kilo Code', aliases: ['kilocode', 'kilo-code'], hosts: 'ide+cli', detect: ['.kilo', '.kilocode', 'kilo.json', 'kilo.jsonc'],
    commands: md('.kilo/commands/<cmd>.md', '$ARGUMENTS'),
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, CLAUDE_SKILLS, '.kilo/skills', '.kilocode/skills'], delivery: 'commands',
    sources: [{ url: 'https://github.com/Kilo-Org/kilocode/blob/main/packages/opencode/src/config/paths.ts', date: '2026' }],
  }),
  row({
    id: 'roo', name: 'Zoo Code (Roo Code)', aliases: ['zoo', 'roo-code', 'zoo-code'], hosts: 'ide', detect: ['.roo', '.roomodes', '.roorules'],
    commands: md('.roo/commands/<cmd>.md', null, true),
    skillFolders: [AGENTS, '.roo/skills'], delivery: 'commands',
    sources: [{ url: 'https://github.com/RooCodeInc/Roo-Code/blob/main/src/services/command/commands.ts', date: '2026-04-14' }, { url: 'https://github.com/github/spec-kit/issues/3167', date: '2026-06-25' }],
  }),
  row({
    id: 'auggie', name: 'Augment Code (Auggie)', aliases: ['augment', 'augment-code'], hosts: 'ide+cli', detect: ['.augment', '.augment-guidelines'],
    commands: md('.augment/commands/<cmd>.md', '$ARGUMENTS', true),
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS, '.augment/skills'],
    alsoReads: [{ path: '.claude/commands/<cmd>.md', invoke: '/<cmd>', serves: true }], delivery: 'commands',
    sources: [{ url: 'https://github.com/augmentcode/auggie/blob/main/CHANGELOG.md', date: '2026-06-25' }],
  }),
  row({
    id: 'kiro', name: 'Kiro (Amazon Q)', aliases: ['amazonq', 'amazon-q', 'kiro-cli'], hosts: 'ide+cli', detect: ['.kiro', '.amazonq'],
    rules: { path: '.kiro/steering/ai-flow.md', template: 'kiro-steering.md.hbs', owner: 'file' },
    skills: { folder: '.kiro/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.kiro/skills'], delivery: 'skills',
    sources: [{ url: 'https://kiro.dev/docs/cli/skills', date: '2026' }, { url: 'https://github.com/aws/amazon-q-developer-cli/blob/main/README.md', date: '2026-04-23' }],
  }),
  row({
    id: 'junie', name: 'Junie (JetBrains)', aliases: ['jetbrains-junie'], hosts: 'ide+cli', detect: ['.junie'],
    commands: md('.junie/commands/<cmd>.md', '$ARGUMENTS'),
    skillFolders: ['.junie/skills'], delivery: 'commands',
    sources: [{ url: 'https://github.com/github/spec-kit/blob/main/src/specify_cli/integrations/junie/__init__.py', date: '2026-08-21' }],
  }),
  row({
    id: 'crush', name: 'Crush', aliases: ['charm-crush'], hosts: 'cli', detect: ['.crush', 'CRUSH.md', 'crush.json', '.crush.json'],
    commands: { ...plain('.crush/commands/<cmd>.md', 'command'), invoke: 'Ctrl+P: project:<cmd>' },
    skills: { folder: AGENTS }, skillInvoke: 'Ctrl+P: <cmd>', skillFolders: [AGENTS, '.crush/skills', CLAUDE_SKILLS, '.cursor/skills'], delivery: 'skills',
    sources: [{ url: 'https://github.com/charmbracelet/crush/blob/main/internal/config/load.go', date: '2026-08-21' }],
  }),
  row({
    id: 'trae', name: 'Trae', aliases: ['trae-cn'], hosts: 'ide', detect: ['.trae'],
    rules: { path: '.trae/rules/ai-flow.md', template: 'always-apply.md.hbs', owner: 'file' },
    skills: { folder: '.trae/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.trae/skills'], delivery: 'skills',
    sources: [{ url: 'https://m.w3cschool.cn/traedocs/trae-skills.html', date: '2026' }, { url: 'https://github.com/github/spec-kit/tree/main/src/specify_cli/integrations/trae', date: '2026-08-21' }],
  }),
  row({
    id: 'codebuddy', name: 'CodeBuddy', aliases: ['codebuddy-code'], hosts: 'ide+cli', detect: ['.codebuddy', 'CODEBUDDY.md'],
    rules: { path: 'CODEBUDDY.md', template: 'plain.md.hbs', owner: 'block' },
    commands: md('.codebuddy/commands/<cmd>.md', '$ARGUMENTS', true),
    skillFolders: ['.codebuddy/skills'], delivery: 'commands',
    sources: [{ url: 'https://www.codebuddy.ai/docs/cli/skills', date: '2026' }, { url: 'https://github.com/github/spec-kit/tree/main/src/specify_cli/integrations/codebuddy', date: '2026-08-21' }],
  }),
  row({
    id: 'continue', name: 'Continue', aliases: ['continue-dev', 'cn'], hosts: 'ide+cli', detect: ['.continue'],
    commands: { kind: 'prompt', path: '.continue/prompts/<cmd>.md', template: 'continue.prompt.md.hbs', args: null, invoke: '/<cmd>', format: 'Markdown, front matter name, description, invokable: true' },
    skillFolders: ['.continue/skills', CLAUDE_SKILLS], delivery: 'commands',
    sources: [{ url: 'https://github.com/continuedev/continue/blob/main/docs/customize/deep-dives/prompts.mdx', date: '2026-06-18' }],
  }),
  row({
    id: 'droid', name: 'Factory Droid', aliases: ['factory', 'factory-droid'], hosts: 'cli', detect: ['.factory'],
    commands: md('.factory/commands/<cmd>.md', '$ARGUMENTS', true),
    // Droid lists a skill found in two of its folders once, but reports each extra copy as a
    // config issue (checked with 0.215.0): counted as listed twice, so it never gets a copy.
    skills: { folder: '.factory/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.factory/skills', AGENTS, '.agent/skills'], mergesSkills: false, sameName: 'command', delivery: 'skills',
    sources: [{ url: 'https://github.com/Factory-AI/factory/blob/main/docs/cli/configuration/skills.mdx', date: '2026-07-24' }, { url: 'https://docs.factory.ai/cli/configuration/custom-slash-commands.md', date: '2026' }],
  }),
  row({
    id: 'qoder', name: 'Qoder', aliases: ['qodercli', 'qoder-cli'], hosts: 'ide+cli', detect: ['.qoder'],
    rules: pointer('.qoder/rules/ai-flow.md'),
    skills: { folder: '.qoder/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.qoder/skills'], delivery: 'skills',
    sources: [{ url: 'https://docs.qoder.com/en/cli/Skills', date: '2026' }, { url: 'https://docs.qoder.com/ja/extensions/skills', date: '2026' }],
  }),
  row({
    id: 'lingma', name: 'Lingma (Tongyi)', aliases: ['tongyi-lingma'], hosts: 'ide', detect: ['.lingma'],
    rules: pointer('.lingma/rules/ai-flow.md'),
    skills: { folder: '.lingma/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.lingma/skills'], delivery: 'skills',
    sources: [{ url: 'https://help.aliyun.com/zh/lingma/user-guide/skills', date: '2026' }, { url: 'https://help.aliyun.com/zh/lingma/user-guide/rules', date: '2026' }],
  }),
  row({
    id: 'bob', name: 'IBM Bob', aliases: ['ibm-bob', 'bob-shell'], hosts: 'ide+cli', detect: ['.bob', '.bobrules'],
    rules: pointer('.bob/rules/ai-flow.md'),
    skills: { folder: '.bob/skills' }, skillInvoke: '/<cmd>', skillFolders: ['.bob/skills', AGENTS], delivery: 'skills',
    sources: [{ url: 'https://bob.ibm.com/docs/ide/features/skills', date: '2026' }, { url: 'https://bob.ibm.com/docs/ide/configuration/rules', date: '2026' }],
  }),
  row({
    id: 'zed', name: 'Zed', aliases: ['zed-agent'], hosts: 'ide', detect: ['.zed', '.rules'],
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', skillFolders: [AGENTS], delivery: 'skills',
    sources: [{ url: 'https://zed.dev/docs/ai/skills', date: '2026' }, { url: 'https://zed.dev/docs/ai/instructions.md', date: '2026' }],
  }),
  row({
    id: 'amp', name: 'Amp', aliases: ['ampcode'], hosts: 'ide+cli', detect: ['.amp'],
    skills: { folder: AGENTS }, skillInvoke: ASK, skillFolders: [AGENTS], delivery: 'skills',
    sources: [{ url: 'https://github.com/github/spec-kit/blob/main/src/specify_cli/integrations/amp/__init__.py', date: '2026-08-21' }, { url: 'https://github.com/dyoshikawa/rulesync/blob/main/src/features/skills/amp-skill.ts', date: '2026-08-18' }],
  }),
  row({
    id: 'goose', name: 'goose', aliases: ['block-goose'], hosts: 'ide+cli', detect: ['.goosehints', '.goose'],
    skills: { folder: AGENTS }, skillInvoke: ASK, skillFolders: [CLAUDE_SKILLS, '.goose/skills', AGENTS], delivery: 'skills',
    sources: [{ url: 'https://block.github.io/goose/docs/guides/context-engineering/using-skills', date: '2026' }],
  }),
  row({
    id: 'warp', name: 'Warp', aliases: ['warp-terminal'], hosts: 'cli', detect: ['.warp', 'WARP.md'],
    skills: { folder: AGENTS }, skillInvoke: '/<cmd>', delivery: 'skills',
    skillFolders: [AGENTS, '.warp/skills', CLAUDE_SKILLS, '.codex/skills', '.cursor/skills', '.gemini/skills', '.copilot/skills', '.factory/skills', '.github/skills', '.opencode/skills', '.kiro/skills'],
    sources: [{ url: 'https://github.com/warpdotdev/warp/blob/main/app/src/ai/skills/skill_utils.rs', date: '2026-08-22' }],
  }),
  row({
    id: 'skills', name: 'Agent Skills (other clients)', aliases: ['agent-skills', 'agentskills'], hosts: 'ide+cli', detect: [],
    skills: { folder: AGENTS }, skillInvoke: ASK, skillFolders: [AGENTS], delivery: 'skills',
    sources: [{ url: 'https://github.com/agentskills/agentskills/blob/main/docs/specification.mdx', date: '2026-08-09' }],
  }),
];
