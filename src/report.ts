import type { ChalkInstance } from 'chalk';
import type { Action, Plan, PlannedAction } from './core/plan.js';

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

export function summarize(plan: Plan): Summary {
  const s: Summary = { created: 0, updated: 0, merged: 0, conflicted: 0, kept: 0, removed: 0, unchanged: 0, refused: 0, leftDeleted: 0 };
  for (const a of plan.actions) {
    if (a.refused) s.refused++;
    else if (a.userDeleted) s.leftDeleted++;
    else s[COUNTER[a.action]]++;
  }
  return s;
}

const COUNTER: Record<Action, keyof Summary> = {
  create: 'created', update: 'updated', merge: 'merged', conflict: 'conflicted', keep: 'kept', delete: 'removed', skip: 'unchanged',
};

/** True when applying the plan would change a file on disk. */
export function planChangesDisk(plan: Plan): boolean {
  return plan.actions.some((a) => a.write !== undefined);
}

/** Actions worth a line of their own even in a short report: anything but "created" and "up to date". */
function isNotable(a: PlannedAction): boolean {
  return !(a.action === 'create' || (a.action === 'skip' && !a.refused && !a.userDeleted));
}

/**
 * The plan as text. `full` (dry run, --verbose) lists every path; otherwise created files
 * are grouped by folder and up-to-date ones are only counted.
 */
export function formatPlan(plan: Plan, c: ChalkInstance, full: boolean): string {
  const lines: string[] = [];
  const label = (a: PlannedAction): string => {
    const name = a.refused ? 'refuse' : a.action;
    const colour = a.action === 'conflict' || a.refused ? c.red : a.action === 'create' || a.action === 'update' || a.action === 'merge' ? c.green : a.action === 'delete' ? c.yellow : c.dim;
    return colour(name.padEnd(8));
  };
  if (full) {
    for (const a of plan.actions) lines.push(`  ${label(a)} ${a.path}${c.dim(`  ${a.reason}`)}`);
  } else {
    const groups = new Map<string, string[]>();
    for (const a of plan.actions) if (a.action === 'create') groups.set(groupOf(a.path), [...(groups.get(groupOf(a.path)) ?? []), a.path]);
    for (const [group, paths] of groups) {
      lines.push(`  ${c.green('create'.padEnd(8))} ${paths.length > 1 ? `${group}${c.dim(` (${paths.length} files)`)}` : paths[0]}`);
    }
    for (const a of plan.actions) if (isNotable(a)) lines.push(`  ${label(a)} ${a.path}${c.dim(`  ${a.reason}`)}`);
  }
  return lines.join('\n');
}

/** `.ai-flow/prompts/backend/x.md` → `.ai-flow/prompts/backend/`; a root file stays itself. */
function groupOf(p: string): string {
  const parts = p.split('/');
  if (parts.length === 1) return p;
  const depth = parts[0] === '.ai-flow' ? 3 : 2;
  return parts.length <= depth ? p : `${parts.slice(0, depth).join('/')}/`;
}

export function formatSummary(s: Summary, c: ChalkInstance): string {
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

/** The plan as plain data for --json. */
export function planToJson(plan: Plan): { path: string; action: string; reason: string; conflicts?: number }[] {
  return plan.actions.map((a) => ({
    path: a.path,
    action: a.refused ? 'refuse' : a.action,
    reason: a.reason,
    ...(a.conflicts ? { conflicts: a.conflicts } : {}),
  }));
}
