import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { BIN, NODE, REPO, type CliResult } from '../helpers.js';
import { TOOLS } from '../../src/tools/registry.js';

/** One entry of a tree as lstat sees it: links are never followed. */
export interface Node {
  kind: 'file' | 'dir' | 'link' | 'other';
  /** sha256 of a file's bytes, a link's target, '' otherwise. */
  content: string;
  mode: number;
}

/** Every entry below `root` (folders, files, links, FIFOs), keyed by relative path. */
export function snapshot(root: string): Map<string, Node> {
  const out = new Map<string, Node>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(root, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      const abs = path.join(root, child);
      const st = lstatSync(abs);
      const mode = st.mode & 0o7777;
      if (st.isSymbolicLink()) out.set(child, { kind: 'link', content: readlinkSync(abs), mode: 0 });
      else if (st.isDirectory()) {
        out.set(child, { kind: 'dir', content: '', mode });
        walk(child);
      } else if (st.isFile()) out.set(child, { kind: 'file', content: createHash('sha256').update(readFileSync(abs)).digest('hex'), mode });
      else out.set(child, { kind: 'other', content: '', mode });
    }
  };
  walk('');
  return out;
}

/** Paths whose entry differs between two snapshots (added, removed or changed), filtered by `ignore`. */
export function changedPaths(before: Map<string, Node>, after: Map<string, Node>, ignore: (p: string) => boolean = () => false): string[] {
  const out = new Set<string>();
  for (const [p, n] of before) {
    const m = after.get(p);
    if (!m || m.kind !== n.kind || m.content !== n.content || m.mode !== n.mode) out.add(p);
  }
  for (const p of after.keys()) if (!before.has(p)) out.add(p);
  return [...out].filter((p) => !ignore(p)).sort();
}

/** The top-level names of every path a tool row may install (or installed in an earlier version). */
const TOOL_ROOTS = new Set(
  TOOLS.flatMap((t) => [t.rules?.path, t.commands?.path, t.skills?.folder, t.skills?.fallback, ...t.legacy.map((l) => l.from)])
    .filter((p): p is string => Boolean(p))
    .map((p) => p.split('/')[0]),
);

/** Paths ai-flow may write in a project: its own folder, AGENTS.md and the AI tools' files. */
export function isAiFlowPath(p: string): boolean {
  const top = p.split('/')[0];
  return top === '.ai-flow' || top === 'AGENTS.md' || TOOL_ROOTS.has(top);
}

/** Runs the built CLI without waiting, for concurrent runs; stdin is closed. */
export function runCliAsync(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr });
    });
  });
}
