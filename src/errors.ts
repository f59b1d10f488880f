/**
 * Typed errors. Each carries the exit code of SPEC §7; only src/main.ts turns
 * them into the process's exit status. `hint` is the "how to fix" half of the one-line message.
 */
export class AiFlowError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A check failed: drift, conflicts, refused overwrite, doctor findings. */
export class CheckFailedError extends AiFlowError {
  constructor(message: string, hint?: string) {
    super(message, 1, hint);
  }
}

/** Bad flags, bad answers file, bad target. */
export class UsageError extends AiFlowError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** Could not read or write the file system (permissions, unsafe symlink, disk). */
export class FsError extends AiFlowError {
  constructor(message: string, hint?: string) {
    super(message, 3, hint);
  }
}

/** `.ai-flow/` state that is corrupt, missing pieces, or from a newer schema. */
export class StateError extends AiFlowError {
  constructor(message: string, hint?: string) {
    super(message, 4, hint);
  }
}

/** The user pressed Ctrl-C at a prompt. */
export class CancelledError extends AiFlowError {
  constructor() {
    super('cancelled', 130);
  }
}

/** A template failed to render (unknown variable, syntax error); `where` locates it for a pack author. */
export class RenderError extends AiFlowError {
  constructor(
    message: string,
    hint?: string,
    readonly where?: { file: string; line: number; column: number },
  ) {
    super(message, 1, hint);
  }
}
