/** The tools installed when none is chosen and none is found in the repository. */
export const DEFAULT_TOOLS: readonly string[] = ['copilot'];
