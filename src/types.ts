import type { DeliveryPreference } from './tools/types.js';

/** Shared vocabulary of the CLI: project types, parts, scopes, answers. */

export const PACK_TYPES = ['backend', 'frontend', 'mobile', 'desktop'] as const;
export type PackType = (typeof PACK_TYPES)[number];

/** Names `--type` accepts besides the types: each stands for a list of types. */
export const TYPE_ALIASES: Readonly<Record<string, readonly PackType[]>> = { fullstack: ['backend', 'frontend'] };

export const SCOPES = ['mvp', 'production', 'enterprise'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  mvp: 'MVP',
  production: 'Production-ready',
  enterprise: 'Enterprise',
};

export const TYPE_LABELS: Record<PackType, string> = {
  backend: 'Backend',
  frontend: 'Frontend',
  mobile: 'Mobile',
  desktop: 'Desktop',
};

export const DEFAULT_LANGUAGE = 'English';

/** Facts read from the repository's manifests; '' when unknown. Commands run from the repository root. */
export interface StackFacts {
  language: string;
  framework: string;
  packageManager: string;
  buildCommand: string;
  testCommand: string;
  lintCommand: string;
}

export const EMPTY_STACK: StackFacts = {
  language: '',
  framework: '',
  packageManager: '',
  buildCommand: '',
  testCommand: '',
  lintCommand: '',
};

/** One part of the project: its type, its folder relative to the repository root, its stack. */
export interface Part {
  type: PackType;
  dir: string;
  stack: StackFacts;
}

/** A pack of the installation besides the shipped one (`--pack`), bottom of the stack first (SPEC §11). */
export interface PackRef {
  /** As given, a folder or .tgz relative to the repository (`./packs/acme`) or absolute, or a package name. */
  source: string;
  name: string;
  version: string;
}

/** Everything the interview decides; saved in .ai-flow/ai-flow.json. */
export interface Answers {
  name: string;
  description: string;
  /** In PACK_TYPES order, at most one per type. */
  parts: Part[];
  scope: Scope;
  tools: string[];
  /** Commands or skills where a tool has both (`--delivery`); each tool's default when absent. */
  delivery?: DeliveryPreference;
  /** Language of the documents the assistant writes (prompts stay English). */
  language: string;
  /** Team packs and overlays stacked on (or replacing) the shipped pack; absent: the shipped pack alone. */
  packs?: PackRef[];
}

/** The types of a project, in PACK_TYPES order. */
export function typesOf(parts: readonly { type: PackType }[]): PackType[] {
  return PACK_TYPES.filter((t) => parts.some((p) => p.type === t));
}

/** "Backend + Mobile". */
export function typesLabel(types: readonly PackType[]): string {
  return types.map((t) => TYPE_LABELS[t]).join(' + ');
}

/** Parts sorted into PACK_TYPES order (the order of documents, commands and tables). */
export function sortParts<T extends { type: PackType }>(parts: readonly T[]): T[] {
  return [...parts].sort((a, b) => PACK_TYPES.indexOf(a.type) - PACK_TYPES.indexOf(b.type));
}
