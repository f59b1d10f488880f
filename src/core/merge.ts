import { diff3Merge } from 'node-diff3';

export interface MergeOutcome {
  text: string;
  conflicts: number;
}

export interface MergeLabels {
  ours: string;
  base: string;
  theirs: string;
}

/**
 * Three-way merge of the user's file (`ours`) and the new pack text (`theirs`) against
 * the text ai-flow installed last time (`base`), line by line. Conflicting regions get
 * git-style markers (with the base section, diff3 style) so any merge tool understands them.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string, labels: MergeLabels): MergeOutcome {
  const regions = diff3Merge(toLines(ours), toLines(base), toLines(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      out.push(...region.ok);
    } else if (region.conflict) {
      conflicts++;
      out.push(`<<<<<<< ${labels.ours}`, ...region.conflict.a);
      out.push(`||||||| ${labels.base}`, ...region.conflict.o);
      out.push('=======', ...region.conflict.b, `>>>>>>> ${labels.theirs}`);
    }
  }
  const endsWithNewline = ours.endsWith('\n') || theirs.endsWith('\n');
  return { text: out.join('\n') + (endsWithNewline && out.length > 0 ? '\n' : ''), conflicts };
}

/** Lines without their terminators; a trailing newline does not make an empty last line. */
function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True when a text still holds unresolved conflict markers written by mergeThreeWay. */
export function hasConflictMarkers(text: string): boolean {
  return /^<<<<<<< .*$/m.test(text) && /^>>>>>>> .*$/m.test(text);
}
