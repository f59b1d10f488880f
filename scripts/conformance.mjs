#!/usr/bin/env node
// Conformance harness: proof, against the AI tools' own loaders, that every slash command
// ai-flow installs is seen by each tool exactly once, under the name ai-flow prints.
//
//   npm run conformance                 build, then probe every tool
//   node scripts/conformance.mjs --tools gemini,codex   only these tools
//   node scripts/conformance.mjs --json                 the results as one JSON document
//
// Pinned tools are installed with npm into AI_FLOW_CONFORMANCE_CACHE (default
// ~/.cache/ai-flow/conformance/<pkg>@<version>) and reused. Each tool runs with a fake HOME,
// dummy keys and a loopback fake model; nothing else is contacted. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled, removeTmpDirs, tmpDir } from './conformance/common.mjs';
import { startFakeModel } from './conformance/fake-model.mjs';
import { PROBES, NOT_PROBED } from './conformance/tools/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'ai-flow.cjs');
const COMMANDS = ['flow-build', 'flow-work', 'flow-check', 'flow-commit', 'flow-finish', 'flow-release', 'flow-docs-sync'];

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const onlyTools = opt('--tools')?.split(',').map((s) => s.trim()).filter(Boolean);
const asJson = argv.includes('--json');
const keep = argv.includes('--keep');
const log = (...a) => { if (!asJson) console.error(...a); };

function aiFlow(args, cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`ai-flow ${args.join(' ')} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * What ai-flow documents for each tool when `selection` is installed (`all` or one id), as
 * `ai-flow list --json --ai <selection>` gives it: [{ id, name, commands: [{ name, invoke }] }].
 */
function documented(selection) {
  const list = JSON.parse(aiFlow(['list', '--json', '--ai', selection]));
  return list.tools.map((t) => {
    let commands;
    if (Array.isArray(t.commands) && t.commands.every((c) => c && typeof c.name === 'string' && typeof c.invoke === 'string')) {
      commands = t.commands.map((c) => ({ name: c.name, invoke: c.invoke }));
    } else {
      if (typeof t.runs !== 'string' || !t.runs.includes('flow-build')) throw new Error(`ai-flow list --json: tool ${t.id} has neither commands[] nor a runs string naming flow-build`);
      commands = COMMANDS.map((name) => ({ name, invoke: t.runs.replace('flow-build', name) }));
    }
    return { id: t.id, name: t.name, commands, delivery: t.delivery, note: t.note ?? null };
  });
}

function install(ids, dir) {
  aiFlow(['init', '--yes', '--ai', ids, dir]);
  // a repository, as the tools expect (some only read project folders inside one)
  spawnSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

function pad(s, n) { s = String(s); return s.length >= n ? s : s + ' '.repeat(n - s.length); }

/** One cell of the table: "ok", or each other status with how many commands it hits. */
function summarize(results) {
  const total = Object.keys(results).length;
  const byStatus = {};
  for (const [name, r] of Object.entries(results)) (byStatus[r.status] ??= []).push([name, r]);
  const bad = Object.keys(byStatus).filter((s) => s !== 'ok');
  if (!bad.length) {
    const via = [...new Set(Object.values(results).map((r) => r.via).filter(Boolean))];
    return via.length ? `ok (via ${via.join(', ')})` : 'ok';
  }
  return bad.map((s) => {
    const hits = byStatus[s];
    const [name, r] = hits[0];
    const example = r.seenAs ? ` (e.g. ${name} as ${r.seenAs})` : hits.length < total ? ` (${hits.map(([n]) => n).join(',')})` : '';
    return `${s} ${hits.length}/${total}${example}`;
  }).join('; ') + (byStatus.ok ? `; ok ${byStatus.ok.length}/${total}` : '');
}

async function main() {
  const tools = documented('all');
  const selected = tools.filter((t) => !onlyTools || onlyTools.includes(t.id));
  const fake = await startFakeModel();
  const work = tmpDir('projects');
  const report = { date: new Date().toISOString(), tools: [] };
  let failed = false;
  try {
    const allDir = install('all', path.join(work, 'all'));
    for (const t of selected) {
      const probeDef = PROBES[t.id];
      if (!probeDef) {
        report.tools.push({ id: t.id, probed: false, reason: NOT_PROBED[t.id] ?? 'no probe written for this tool yet' });
        continue;
      }
      const { tool, probe } = probeDef;
      const inst = ensureInstalled(tool.pkg, tool.version, { log });
      if (!inst.ok) {
        report.tools.push({ id: t.id, probed: false, reason: inst.error });
        failed = true;
        continue;
      }
      const entry = { id: t.id, probed: true, pkg: `${tool.pkg}@${tool.version}`, scenarios: {} };
      for (const scenario of ['alone', 'all']) {
        const dir = scenario === 'all' ? allDir : install(t.id, path.join(work, `alone-${t.id}`));
        const { commands, delivery } = scenario === 'all' ? t : documented(t.id).find((d) => d.id === t.id);
        log(`probing ${t.id} (${scenario}) ...`);
        let out;
        try {
          out = await probe({ dir, commands, delivery, installDir: inst.dir, fake, scenario });
        } catch (e) {
          out = { modes: [{ mode: 'probe', method: 'probe crashed', skipped: String(e.stack ?? e) }] };
        }
        entry.scenarios[scenario] = out;
        for (const m of out.modes) {
          // An informational mode records a way of running the tool that ai-flow documents as not
          // running the commands (e.g. `copilot -p`): shown, never a failure.
          if (m.skipped || m.informational) continue;
          if (Object.values(m.results).some((r) => r.status !== 'ok')) failed = true;
        }
      }
      report.tools.push(entry);
    }
  } finally {
    await fake.close();
    if (!keep) removeTmpDirs();
    else log(`kept the temporary folders (projects in ${work})`);
  }

  if (asJson) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const rows = [];
    for (const t of report.tools) {
      if (!t.probed) { rows.push([t.id, '-', `not probed: ${t.reason}`, '']); continue; }
      const modes = [...new Set(Object.values(t.scenarios).flatMap((s) => s.modes.map((m) => m.mode)))];
      for (const mode of modes) {
        const cell = (sc) => {
          const m = t.scenarios[sc]?.modes.find((x) => x.mode === mode);
          if (!m) return 'n/a';
          if (m.skipped) return `not probed: ${m.skipped.split('\n')[0]}`;
          return m.informational ? `info: ${summarize(m.results)}` : summarize(m.results);
        };
        rows.push([t.id, mode, cell('alone'), cell('all')]);
      }
    }
    const w = [12, 16, 46];
    console.log(`ai-flow conformance — ${report.date}`);
    console.log(`${pad('tool', w[0])} ${pad('mode', w[1])} ${pad('alone', w[2])} all`);
    console.log('-'.repeat(110));
    for (const r of rows) console.log(`${pad(r[0], w[0])} ${pad(r[1], w[1])} ${pad(r[2], w[2])} ${r[3]}`);
    console.log('');
    const pinned = report.tools.filter((t) => t.probed).map((t) => t.pkg).join(', ');
    console.log(`pinned: ${pinned || '(none probed)'}`);
    // details of every non-ok result
    const details = [];
    for (const t of report.tools) {
      if (!t.probed) continue;
      for (const [sc, out] of Object.entries(t.scenarios)) {
        for (const m of out.modes) {
          if (m.skipped) continue;
          for (const [name, r] of Object.entries(m.results)) {
            if (r.status !== 'ok' && r.detail && !m.informational) details.push(`  ${t.id} ${sc} ${m.mode} ${name}: ${r.status}: ${r.detail}`);
          }
        }
      }
    }
    if (details.length) console.log(`details:\n${details.slice(0, 40).join('\n')}${details.length > 40 ? `\n  ... ${details.length - 40} more (see --json)` : ''}`);
    console.log(failed ? 'conformance: FAILED' : 'conformance: passed');
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(2);
});
