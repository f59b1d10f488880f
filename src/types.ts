import type { DeliveryPreference } from './tools/types.js';

/** Shared vocabulary of the CLI: project types, scopes, answers. */

export const PACK_TYPES = ['backend', 'frontend', 'mobile', 'desktop'] as const;
export type PackType = (typeof PACK_TYPES)[number];

export const PROJECT_TYPES = [...PACK_TYPES, 'fullstack'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const SCOPES = ['mvp', 'production', 'enterprise'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  mvp: 'MVP',
  production: 'Production-ready',
  enterprise: 'Enterprise',
};

export const TYPE_LABELS: Record<ProjectType, string> = {
  backend: 'Backend',
  frontend: 'Frontend',
  mobile: 'Mobile',
  desktop: 'Desktop',
  fullstack: 'Fullstack (backend + frontend)',
};

/** The pack types a project type installs: fullstack is backend and frontend side by side. */
export function packTypesOf(type: ProjectType): PackType[] {
  return type === 'fullstack' ? ['backend', 'frontend'] : [type];
}

/** Facts read from the repository's manifests; '' when unknown. */
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

/** Everything the interview decides; saved in .ai-flow/ai-flow.json. */
export interface Answers {
  name: string;
  description: string;
  type: ProjectType;
  scope: Scope;
  tools: string[];
  /** Commands or skills where a tool has both (`--delivery`); each tool's default when absent. */
  delivery?: DeliveryPreference;
  stack: StackFacts;
}
