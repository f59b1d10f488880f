// The per-prompt packages of inquirer (what @inquirer/prompts re-exports): bundling the
// re-export file would also pull in the editor prompt and ~550 KB of encodings it needs.
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';
import { pickMany } from './tool-picker.js';
import type { CheckboxItem, Choice } from './questions.js';
import { CancelledError } from '../errors.js';

/** Rows of a long list shown at once; the rest scrolls. */
const PAGE_SIZE = 16;

/** The few prompt kinds the interview uses; tests pass a scripted implementation. */
export interface Prompter {
  input(q: { message: string; default?: string; validate?: (v: string) => string | null }): Promise<string>;
  select(q: { message: string; choices: Choice[]; default?: string }): Promise<string>;
  checkbox(q: { message: string; choices: CheckboxItem[]; validate?: (v: string[]) => string | null }): Promise<string[]>;
  confirm(q: { message: string; default: boolean }): Promise<boolean>;
}

/** The real prompts (inquirer). This module is imported only when an interview actually runs. */
export function inquirerPrompter(output: NodeJS.WritableStream): Prompter {
  const inq = { input, select, confirm };
  const ctx = { output };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      // Ctrl-C (or a closed terminal) at a prompt: cancel the whole run, nothing written.
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new CancelledError();
      throw err;
    }
  };
  const asValidator = <T>(check?: (v: T) => string | null) => (check ? (v: T) => check(v) ?? true : undefined);
  return {
    input: (q) => guard(() => inq.input({ message: q.message, default: q.default, validate: asValidator(q.validate) }, ctx)),
    select: (q) => guard(() => inq.select({ message: q.message, choices: q.choices, default: q.default }, ctx)),
    checkbox: (q) => guard(() => pickMany({ message: q.message, choices: q.choices, pageSize: PAGE_SIZE, validate: q.validate }, ctx)),
    confirm: (q) => guard(() => inq.confirm({ message: q.message, default: q.default }, ctx)),
  };
}
