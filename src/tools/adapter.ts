/** What ai-flow needs to know to install for one AI tool (SPEC §4.1). */
export interface ToolAdapter {
  id: string;
  name: string;
  /** Files or folders whose presence in a repo means the tool is already in use. */
  detect: readonly string[];
  /** Installed path of the wrapper for one command. */
  commandPath(command: string): string;
  /** Template under `templates/commands/` that renders one wrapper in the tool's native format. */
  commandTemplate: string;
  /** How the tool hands the user's arguments to a wrapper, written literally into it. */
  argumentsToken: string;
  /** Human description of the wrapper format, for `ai-flow list`. */
  format: string;
  /** What the user types in the tool to run a command, e.g. `/flow-build` or `$flow-build`. */
  invoke(command: string): string;
  /** The tool's own rules file; null when the tool reads AGENTS.md itself. */
  rules: RulesFile | null;
}

export interface RulesFile {
  path: string;
  /** Template under `templates/rules/`. */
  template: string;
  /** 'block': a file the user may also own, ai-flow keeps its text between markers. */
  owner: 'file' | 'block';
}

/** Text used where a tool has no argument placeholder: the assistant reads the user's words itself. */
export const TYPED_AFTER_COMMAND = 'the text the user typed after the command (may be empty)';
