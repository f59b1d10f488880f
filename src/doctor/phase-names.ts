import type { PackType } from '../types.js';

/** Phase names of PACK.md's table, without their parenthetical notes; a heading may add one. */
const SAME = ['Context discovery', '', '', '', '', 'Code standards', 'Testing', '', 'Project setup & final documents', 'Implementation roadmap', 'User stories'];

const OWN: Record<PackType, string[]> = {
  backend: ['Discovery & business', 'Data architecture', 'System architecture', 'Security & auth', 'Operations & deployment'],
  frontend: ['Discovery & UX', 'Components & framework', 'State & data fetching', 'Styling & design system', 'Deployment & performance'],
  mobile: ['Platform & framework', 'Navigation & architecture', 'State, data & offline', 'Permissions & native features', 'Store release & updates'],
  desktop: ['Discovery & desktop UX', 'UI toolkit & components', 'Application architecture', 'Data & storage', 'Packaging, signing & updates'],
};

/** The name phase `n` of `type` must carry in its `# Phase n — <name>` heading. */
export function expectedPhaseName(type: PackType, n: number): string {
  const own = OWN[type];
  const byPhase: Record<number, string> = { 1: own[0], 2: own[1], 3: own[2], 4: own[3], 7: own[4] };
  return byPhase[n] ?? SAME[n];
}

export function matchesPhaseName(heading: string, expected: string): boolean {
  return heading === expected || heading.startsWith(`${expected} (`);
}
