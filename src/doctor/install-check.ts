import type { Config, Manifest } from '../core/state.js';
import { CONFIG_PATH, MANIFEST_PATH } from '../core/state.js';
import { findBlock } from '../core/blocks.js';
import { sha256 } from '../core/hash.js';
import { hasConflictMarkers } from '../core/merge.js';
import { installedCommands } from '../pack/commands.js';
import { toolById } from '../tools/registry.js';
import type { Finding } from './finding.js';
import { finding } from './finding.js';

export interface InstallReport {
  findings: Finding[];
  edited: string[];
  deleted: string[];
}

/**
 * Health of an installation (SPEC §8), from its saved state and the current file texts.
 * Pure: `read` supplies a file's text (null when missing).
 */
export function checkInstallation(config: Config, manifest: Manifest, cliVersion: string, read: (p: string) => string | null): InstallReport {
  const findings: Finding[] = [];
  const edited: string[] = [];
  const deleted: string[] = [];
  if (config.packVersion !== cliVersion) {
    findings.push(finding(CONFIG_PATH, 0, 'pack-version', `installed with ai-flow ${config.packVersion}; this CLI is ${cliVersion} — run \`ai-flow update\``));
  }
  if (manifest.packVersion !== config.packVersion) {
    findings.push(finding(MANIFEST_PATH, 0, 'state-version', `manifest is for ${manifest.packVersion} but ai-flow.json says ${config.packVersion} — an update was interrupted; run \`ai-flow update\``));
  }
  const managed = new Set(manifest.files.map((f) => f.path));
  for (const entry of manifest.files) {
    const text = read(entry.path);
    if (text === null) {
      deleted.push(entry.path);
      findings.push(finding(entry.path, 0, 'file-missing', 'managed file is missing (deleted?) — `ai-flow update --restore` brings it back', 'info'));
      continue;
    }
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
    if (sha256(current) !== entry.sha256) edited.push(entry.path);
    if (hasConflictMarkers(current)) findings.push(finding(entry.path, lineOfMarker(text), 'conflict-markers', 'unresolved merge conflict from `ai-flow update` — resolve it and remove the markers'));
  }
  for (const id of config.tools) {
    const tool = toolById(id);
    if (!tool) continue;
    const expected = [...(tool.rules ? [tool.rules.path] : []), ...installedCommands(config.type).map((c) => tool.commandPath(c.name))];
    for (const p of expected) {
      if (!managed.has(p)) findings.push(finding(p, 0, 'tool-files', `${tool.name} is configured but ${p} is not installed — run \`ai-flow update\``));
    }
  }
  return { findings, edited, deleted };
}

function lineOfMarker(text: string): number {
  const at = text.search(/^<<<<<<< /m);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}
