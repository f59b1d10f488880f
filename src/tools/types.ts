/**
 * What ai-flow knows about one AI tool (SPEC §4.1): one typed row of data per tool in
 * `table.ts`. Paths are relative to the repository root; `<cmd>` stands for a command name.
 */

/** The kind of file a tool runs its commands from. */
export type Delivery = 'commands' | 'skills';
/** `--delivery`: each tool's default, or one kind wherever a tool has both. */
export type DeliveryPreference = 'auto' | Delivery;
export const DELIVERY_PREFERENCES: readonly DeliveryPreference[] = ['auto', 'commands', 'skills'];

export interface RulesFile {
  path: string;
  /** Template under `templates/rules/`. */
  template: string;
  /** 'block': a file the user may also own, ai-flow keeps its text between markers. */
  owner: 'file' | 'block';
}

/** A tool's own command, workflow or prompt files: one file per command. */
export interface CommandSurface {
  kind: 'command' | 'workflow' | 'prompt';
  path: string;
  /** Template under `templates/commands/`, one per native format. */
  template: string;
  /** The tool's placeholder for the user's text, written literally; null: described in prose. */
  args: string | null;
  /** What the user types to run a command. */
  invoke: string;
  format: string;
}

/** Another tool's command files that this tool loads too (a source of duplicates). */
export interface ForeignCommands {
  path: string;
  invoke: string;
  /** Every host of the tool loads it, so it may serve as this tool's delivery. */
  serves: boolean;
  /** Loaded as a skill: one name with its skills counts once when the tool merges skills. */
  asSkill?: boolean;
}

export interface ToolRow {
  id: string;
  name: string;
  /** Other names `--ai` accepts (former names, product aliases); lower case. */
  aliases: readonly string[];
  /** Where the tool runs, for grouping the picker. */
  hosts: 'ide' | 'cli' | 'ide+cli';
  /** Files or folders whose presence in a repo means the tool is already in use. */
  detect: readonly string[];
  /** Its own rules file; null when it reads AGENTS.md itself. */
  rules: RulesFile | null;
  commands: CommandSurface | null;
  /**
   * The skill folder ai-flow writes for it (`<folder>/<cmd>/SKILL.md`), and a second one it
   * reads that ai-flow may use instead when the first would clash; null: no skill delivery.
   */
  skills: { folder: string; fallback?: string } | null;
  /** How a user runs a skill; null: skills are only picked by the model, never listed for the user. */
  skillInvoke: string | null;
  /** What else running a skill takes where the invocation alone is not enough (a headless mode). */
  skillNote?: string;
  /** Every project skill folder it reads, its own included. */
  skillFolders: readonly string[];
  /** One skill name found in several of its skill folders is listed once (false: once per folder). */
  mergesSkills: boolean;
  /** One name found both as a command file and as a skill: which one it lists (null: both, or renamed). */
  sameName: 'command' | 'skill' | null;
  alsoReads: readonly ForeignCommands[];
  /** The delivery `auto` picks when nothing else is installed beside it. */
  delivery: Delivery;
  /** Files earlier ai-flow versions wrote for it, and where each one lives now (`update` moves them). */
  legacy: readonly { from: string; to: string }[];
  sources: readonly { url: string; date: string }[];
}

/** `<cmd>` of a path or invocation pattern replaced by a command name. */
export function fill(pattern: string, cmd: string): string {
  return pattern.replace('<cmd>', () => cmd);
}

export function skillPath(folder: string): string {
  return `${folder}/<cmd>/SKILL.md`;
}

/** Placeholder text where a tool has no argument token: the assistant reads the user's words itself. */
export const TYPED_AFTER_COMMAND = 'the text the user typed after the command (may be empty)';
