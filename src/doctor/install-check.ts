import type { Config, Manifest } from '../core/state.js';
import { CONFIG_PATH, MANIFEST_PATH } from '../core/state.js';
import { findBlock } from '../core/blocks.js';
import { sha256 } from '../core/hash.js';
import { hasConflictMarkers } from '../core/merge.js';
import type { EntryCommand } from '../pack/commands.js';
import { installedCommands } from '../pack/commands.js';
import { toolById } from '../tools/registry.js';
import { planDelivery } from '../tools/delivery.js';
import { compareVersions } from '../pack/locate.js';
import { toLf } from '../core/text.js';
import { typesOf } from '../types.js';
import type { Finding } from './finding.js';
import { finding } from './finding.js';

export interface InstallReport {
  findings: Finding[];
  edited: string[];
  deleted: string[];
}

/** A file's text, null when missing, or why it cannot be read (a FIFO, not UTF-8 …). */
export type ReadResult = string | null | { unreadable: string };

/**
 * Health of an installation (SPEC §8), from its saved state and the current file texts.
 * Pure: `read` supplies a file's text; `added` are the commands the installation's team packs add.
 */
export function checkInstallation(config: Config, manifest: Manifest, cliVersion: string, read: (p: string) => ReadResult, added: readonly EntryCommand[] = []): InstallReport {
  const findings: Finding[] = [];
  const edited: string[] = [];
  const deleted: string[] = [];
  if (config.packVersion !== cliVersion) {
    const newer = compareVersions(config.packVersion, cliVersion) > 0;
    findings.push(finding(CONFIG_PATH, 0, 'pack-version', `installed with ai-flow ${config.packVersion}; this CLI is ${cliVersion} — ${newer ? 'upgrade ai-flow (npm install -g ai-flow@latest)' : 'run `ai-flow update`'}`));
  }
  if (manifest.packVersion !== config.packVersion) {
    findings.push(finding(MANIFEST_PATH, 0, 'state-version', `manifest is for ${manifest.packVersion} but ai-flow.json says ${config.packVersion} — an update was interrupted; run \`ai-flow update\``));
  }
  const managed = new Set(manifest.files.map((f) => f.path));
  const texts = new Map<string, string>();
  for (const entry of manifest.files) {
    const text = read(entry.path);
    if (text === null) {
      deleted.push(entry.path);
      continue;
    }
    if (typeof text !== 'string') {
      findings.push(finding(entry.path, 0, 'file-unreadable', `${text.unreadable} — restore the file from version control`));
      continue;
    }
    texts.set(entry.path, text);
    let current = text;
    if (entry.owner === 'block') {
      try {
        const block = findBlock(text, entry.path);
        if (!block) {
          findings.push(finding(entry.path, 0, 'block-missing', 'the ai-flow block is gone — `ai-flow update --restore` adds it back', 'info'));
          continue;
        }
        current = block.inner;
      } catch (err) {
        findings.push(finding(entry.path, 0, 'block-markers', (err as Error).message));
        continue;
      }
    }
    if (sha256(toLf(current)) !== entry.sha256) edited.push(entry.path);
    if (hasConflictMarkers(current)) findings.push(finding(entry.path, lineOfMarker(text), 'conflict-markers', 'unresolved merge conflict from `ai-flow update` — resolve it and remove the markers'));
  }
  findings.push(...referenceFindings(deleted, texts, read));
  for (const file of planDelivery(config.tools, installedCommands(typesOf(config.parts), added).map((c) => c.name), config.delivery).files) {
    const names = file.tools.map((id) => toolById(id)?.name ?? id).join(', ');
    if (!managed.has(file.path)) findings.push(notInstalled(file.path, `${names} ${file.tools.length > 1 ? 'are' : 'is'} configured but`, read));
  }
  if (!managed.has('AGENTS.md')) findings.push(notInstalled('AGENTS.md', 'ai-flow always installs it, but', read));
  return { findings, edited, deleted };
}

function notInstalled(p: string, why: string, read: (p: string) => ReadResult): Finding {
  const found = read(p);
  const detail = found !== null && typeof found !== 'string' ? `: it ${found.unreadable}` : '';
  return finding(p, 0, 'not-installed', `${why} ${p} is not installed${detail} — run \`ai-flow update\`, which says why`);
}

function lineOfMarker(text: string): number {
  const at = text.search(/^<<<<<<< /m);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

/**
 * A file that an installed prompt or command refers to (a phase of the chain, a wrapper's
 * target) and that is missing or unreadable breaks the workflow: a problem even when the user
 * deleted it. A deleted file nothing refers to is only reported.
 */
function referenceFindings(deleted: string[], texts: ReadonlyMap<string, string>, read: (p: string) => ReadResult): Finding[] {
  const out: Finding[] = [];
  const referrer = new Map<string, string>();
  for (const [file, text] of texts) {
    for (const m of text.matchAll(/\.ai-flow\/(?:prompts|templates)\/[A-Za-z0-9_./-]+\.md\b/g)) if (!referrer.has(m[0])) referrer.set(m[0], file);
  }
  for (const [ref, by] of referrer) {
    if (texts.has(ref)) continue;
    const found = read(ref);
    if (found === null) out.push(finding(ref, 0, 'file-missing', `is missing, and ${by} refers to it — \`ai-flow update --restore\` brings it back`));
    else if (typeof found !== 'string') out.push(finding(ref, 0, 'file-unreadable', `${found.unreadable}, and ${by} refers to it — restore the file from version control`));
  }
  for (const path of deleted) {
    if (!referrer.has(path)) out.push(finding(path, 0, 'file-missing', 'managed file is missing (deleted?) — `ai-flow update --restore` brings it back', 'info'));
  }
  return out;
}
