import type { Colors } from './output.js';
import type { Action, Plan } from './core/plan.js';
import { isRecord } from './core/state.js';

/** One line of a report: what happens (or happened) to a path, and why. */
export interface ReportedAction {
  path: string;
  action: Action | 'refuse';
  reason: string;
  conflicts?: number;
  /** Deleted by the user and left deleted (shown as "skip"). */
  userDeleted?: boolean;
}

export interface Summary {
  created: number;
  updated: number;
  merged: number;
  conflicted: number;
  kept: number;
  removed: number;
  unchanged: number;
  refused: number;
  leftDeleted: number;
}

/** The plan as report lines (also its --json form, and what a journal keeps for a later run to print). */
export function reportedActions(plan: Plan): ReportedAction[] {
  return plan.actions.map((a) => ({
    path: a.path,
    action: a.refused ? 'refuse' : a.action,
    reason: a.reason,
    ...(a.conflicts ? { conflicts: a.conflicts } : {}),
    ...(a.userDeleted ? { userDeleted: true } : {}),
  }));
}

export function summarize(actions: readonly ReportedAction[]): Summary {
  const s: Summary = { created: 0, updated: 0, merged: 0, conflicted: 0, kept: 0, removed: 0, unchanged: 0, refused: 0, leftDeleted: 0 };
  for (const a of actions) {
    if (a.userDeleted) s.leftDeleted++;
    else s[COUNTER[a.action]]++;
  }
  return s;
}

const COUNTER: Record<ReportedAction['action'], keyof Summary> = {
  create: 'created', update: 'updated', merge: 'merged', conflict: 'conflicted', keep: 'kept', delete: 'removed', skip: 'unchanged', refuse: 'refused',
};

/** True when applying the plan would change a file on disk. */
export function planChangesDisk(plan: Plan): boolean {
  return plan.actions.some((a) => a.write !== undefined);
}

const isUnchanged = (a: ReportedAction): boolean => a.action === 'skip' && !a.userDeleted;

/**
 * The changes as text; unchanged files are only counted (in the summary line). `full` (dry run,
 * --verbose) lists every changed path; otherwise created files are grouped by folder.
 */
export function formatPlan(actions: readonly ReportedAction[], c: Colors, full: boolean): string {
  const lines: string[] = [];
  const label = (a: ReportedAction): string => {
    const colour = a.action === 'conflict' || a.action === 'refuse' ? c.red : a.action === 'create' || a.action === 'update' || a.action === 'merge' ? c.green : a.action === 'delete' ? c.yellow : c.dim;
    return colour(a.action.padEnd(8));
  };
  const line = (a: ReportedAction): string => `  ${label(a)} ${a.path}${c.dim(`  ${a.reason}`)}`;
  if (full) {
    for (const a of actions) if (!isUnchanged(a)) lines.push(line(a));
    return lines.join('\n');
  }
  const groups = new Map<string, string[]>();
  for (const a of actions) if (a.action === 'create') groups.set(groupOf(a.path), [...(groups.get(groupOf(a.path)) ?? []), a.path]);
  for (const [group, paths] of groups) {
    lines.push(`  ${c.green('create'.padEnd(8))} ${paths.length > 1 ? `${group}${c.dim(` (${paths.length} files)`)}` : paths[0]}`);
  }
  for (const a of actions) if (a.action !== 'create' && !isUnchanged(a)) lines.push(line(a));
  return lines.join('\n');
}

/** `.ai-flow/prompts/backend/x.md` → `.ai-flow/prompts/backend/`; a root file stays itself. */
function groupOf(p: string): string {
  const parts = p.split('/');
  if (parts.length === 1) return p;
  const depth = parts[0] === '.ai-flow' ? 3 : 2;
  return parts.length <= depth ? p : `${parts.slice(0, depth).join('/')}/`;
}

export function formatSummary(s: Summary, c: Colors): string {
  const parts: string[] = [];
  const add = (n: number, word: string, colour: (t: string) => string): void => {
    if (n > 0) parts.push(colour(`${n} ${word}`));
  };
  add(s.created, 'created', c.green);
  add(s.updated, 'updated', c.green);
  add(s.merged, 'merged', c.green);
  add(s.conflicted, 'conflicted', c.red);
  add(s.kept, 'kept', c.cyan);
  add(s.removed, 'removed', c.yellow);
  add(s.unchanged, 'unchanged', c.dim);
  add(s.refused, 'refused', c.red);
  add(s.leftDeleted, 'left deleted', c.yellow);
  return parts.length > 0 ? parts.join(', ') : 'nothing to do';
}

/** Report lines kept in a journal, read back for printing: only well-formed lines, strings cut. */
export function parseReportedActions(value: unknown): ReportedAction[] | null {
  if (!Array.isArray(value)) return null;
  const out: ReportedAction[] = [];
  for (const a of value) {
    if (!isRecord(a) || typeof a.path !== 'string' || typeof a.reason !== 'string' || typeof a.action !== 'string' || !(a.action in COUNTER)) return null;
    out.push({
      path: clean(a.path),
      action: a.action as ReportedAction['action'],
      reason: clean(a.reason),
      ...(typeof a.conflicts === 'number' ? { conflicts: a.conflicts } : {}),
      ...(a.userDeleted === true ? { userDeleted: true } : {}),
    });
  }
  return out;
}

function clean(text: string): string {
  return text.slice(0, 300).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
