// Types of scripts/node-versions.mjs, for the tests that import it.
export interface NodeBuild {
  version: string;
  bin: string;
  source: 'machine' | 'cache' | 'fetched';
}
export interface FetchedTarball {
  tarball: string;
  integrity: string;
}
export interface EnsureOptions {
  cache?: string;
  offline?: boolean;
  fetchTarball?: (version: string, destDir: string) => Promise<FetchedTarball>;
  log?: (line: string) => void;
}
export const NODE_PACKAGE: string;
export class NodeFetchError extends Error {}
export function testedNodeVersions(): string[];
export function nodeCacheDir(env?: Record<string, string | undefined>): string;
export function npmPackNode(version: string, destDir: string): Promise<FetchedTarball>;
export function inspectNode(dir: string, version: string): Promise<{ ok: true; bin: string } | { ok: false; reason: string }>;
export function ensureNode(version: string, opts?: EnsureOptions): Promise<NodeBuild>;
export function nodeVersions(opts?: EnsureOptions & { versions?: string[] }): Promise<NodeBuild[]>;
