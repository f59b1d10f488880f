// Factory Droid (npm `droid`, a compiled binary). Project skills (.factory/skills, .agents/skills)
// and commands (.factory/commands, .agents/commands) are all slash commands. Droid expands a typed
// `/name args` itself: the SKILL.md body goes into the user turn as a <skill> block, the arguments
// after it (no model tool call is involved). A skill name found in both project skill folders is
// kept once, from .factory/skills, and the other copy is reported as a configuration warning
// (`droid doctor`, and "N config issues" in the TUI).
// Probe: a BYOK custom model in ~/.factory/settings.json (fake HOME) pointing at the loopback fake
// model, in Airgap Mode so that Droid makes no hosted requests (without it each run waits about
// 5 s on DNS retries for Factory's hosts; the project loaders are the same either way).
//   (1) `droid exec -m custom:… "/name args"`: the recorded request holds the skills list the model
//       is given and the expanded <skill> block;
//   (2) the TUI under tmux: the entries the `/name` menu offers, then the typed command and its
//       recorded request.
// `droid doctor --config --json` adds the name-collision warnings to the results (as detail).
import fs from 'node:fs';
import path from 'node:path';
import {
  ARGS_MARK, binPath, fakeHome, isWrapperFor, run, sandboxEnv, sleep, stopProcessesWithHome, textWith, tmuxSession, waitForRequest, waitForScreen,
} from '../common.mjs';

export const tool = {
  id: 'droid',
  pkg: 'droid',
  version: '0.215.0',
  bin: 'droid',
};

// Droid names a custom model "custom:<displayName>-<index in customModels>".
const MODEL = 'custom:Conformance-0';

function setup(fake) {
  const home = fakeHome();
  fs.mkdirSync(path.join(home, '.factory'), { recursive: true });
  fs.writeFileSync(path.join(home, '.factory', 'settings.json'), JSON.stringify({
    customModels: [{
      model: 'fake-model',
      displayName: 'Conformance',
      baseUrl: `${fake.url}/v1`,
      apiKey: 'not-a-real-key',
      provider: 'generic-chat-completion-api',
      maxOutputTokens: 1024,
    }],
    // The TUI has no -m flag: the model of new sessions.
    sessionDefaultSettings: { model: MODEL },
  }, null, 2));
  return home;
}

function env(home, extra = {}) {
  return sandboxEnv(home, { FACTORY_AIRGAP_ENABLED: '1', ...extra });
}

// The agent's model request; the side request that names a new TUI session carries no tools.
const isAgentCall = (r) => r.url.split('?')[0].endsWith('/chat/completions') && (r.body?.tools ?? []).length > 0;

function textsOf(messages) {
  return messages.filter((m) => m.role === 'user')
    .flatMap((m) => (Array.isArray(m.content) ? m.content.map((c) => c.text ?? '') : [String(m.content ?? '')]));
}

// A TUI request carries the whole conversation; the command just typed is after the last answer.
function currentTurn(req) {
  const messages = req?.body?.messages ?? [];
  return textsOf(messages.slice(messages.findLastIndex((m) => m.role === 'assistant') + 1));
}

/** Names in the last "Available skills" reminder of a request (one line `name: description` each). */
export function listedSkills(texts) {
  const block = texts.findLast((t) => t.includes('Available skills ('));
  if (!block) return [];
  const body = block.slice(block.lastIndexOf('Available skills (')).split('</system-reminder>')[0];
  return [...body.matchAll(/^([a-z0-9][a-z0-9-]*): /gm)].map((m) => m[1]);
}

/** The <skill> blocks Droid expanded into user messages: [{ name, file, body, text }]. */
export function expansions(texts) {
  return texts.flatMap((text) => [...text.matchAll(/<skill filePath="([^"]*)">\s*<name>([^<]+)<\/name>([\s\S]*?)<\/skill>/g)]
    .map((m) => ({ file: m[1], name: m[2].trim(), body: m[3], text })));
}

/** The verdict on the model request that followed `<invocation> args` for command `cmd`. */
function judge(req, cmd, dir, warnings) {
  const name = cmd.invoke.replace(/^\//, '');
  const turn = currentTurn(req);
  const mine = expansions(turn).filter((e) => e.name === name);
  const listed = listedSkills(textsOf(req.body.messages ?? [])).filter((n) => n === name).length;
  if (mine.length > 1 || listed > 1) return { status: 'duplicate', detail: `${mine.length} <skill> block(s), listed ${listed}× in the skills reminder` };
  const withArgs = turn.some((t) => t.includes(ARGS_MARK));
  if (mine.length === 0) {
    // A command file of that name (.factory/commands, .agents/commands) wins over a skill; its
    // body is expanded without a <skill> block.
    if (!turn.some((t) => isWrapperFor(t, cmd.name))) return { status: 'missing', detail: `sent as plain text: ${JSON.stringify(textWith(turn).slice(-60))}` };
    return withArgs ? { status: 'ok', via: 'a command file' } : { status: 'error', detail: 'a command file of that name was expanded without the arguments' };
  }
  const file = path.relative(dir, mine[0].file);
  if (!isWrapperFor(mine[0].body, cmd.name)) return { status: 'error', detail: `the <skill> block from ${file} is not ai-flow's wrapper for ${cmd.name}` };
  if (!mine[0].text.includes(ARGS_MARK)) return { status: 'error', detail: `the arguments are not in the message that carries ${file}` };
  if (listed === 0) return { status: 'error', detail: `expanded from ${file}, but not in the skills reminder the model is given` };
  return { status: 'ok', file, ...(warnings[name] ? { detail: warnings[name] } : {}) };
}

/** `droid doctor --config --json`: the skill-collision warnings, by skill name. */
async function collisionWarnings(bin, dir, environment) {
  const r = await run(bin, ['doctor', '--config', '--json'], { cwd: dir, env: environment, timeoutMs: 60_000 });
  let report;
  try { report = JSON.parse(r.stdout); } catch { return { error: `droid doctor gave no JSON (exit ${r.code})` }; }
  const byName = {};
  for (const x of report.results ?? []) {
    const m = x.status === 'warn' && /Skill name "([^"]+)"/.exec(x.detail ?? '');
    if (m) byName[m[1]] = `droid doctor warns: ${x.detail.replaceAll(`${dir}/`, '')}`;
  }
  return { byName };
}

async function execMode(bin, dir, commands, home, fake, warnings) {
  const results = {};
  for (const cmd of commands) {
    const from = fake.requests.length;
    const r = await run(bin, ['exec', '-m', MODEL, `${cmd.invoke} ${ARGS_MARK}`], { cwd: dir, env: env(home), timeoutMs: 90_000 });
    const req = await waitForRequest(fake, from, isAgentCall, 2_000);
    if (!req) {
      results[cmd.name] = { status: 'error', detail: `no model request (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200) };
      continue;
    }
    results[cmd.name] = judge(req, cmd, dir, warnings);
  }
  return { mode: 'exec', method: `droid exec -m ${MODEL} "<invocation> args" → recorded model request (skills reminder + <skill> block)`, results };
}

// The slash menu is drawn under the input box; the conversation above it may repeat a command.
function menuEntries(screen, invoke) {
  const lines = screen.split('\n');
  const box = lines.findLastIndex((l) => l.trimStart().startsWith('╰'));
  return lines.slice(box + 1).filter((l) => l.trimStart().startsWith(`${invoke} `));
}

// Each answered turn adds one "⛬ ok" (the fake model's reply) to the conversation.
const answers = (screen) => (screen.match(/⛬\s+ok\b/g) ?? []).length;

async function waitUntil(session, pred, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const s = session.screen();
    if (pred(s)) return s;
    await sleep(250);
  }
  return session.screen();
}

async function tuiMode(bin, dir, commands, home, fake, warnings) {
  const method = 'TUI under tmux: `/name` menu entries, then typed "<invocation> args" → recorded model request';
  const session = await tmuxSession({ cwd: dir, env: env(home, { TERM: 'xterm-256color', NO_COLOR: undefined, CI: undefined }), command: bin });
  if (!session) return { mode: 'interactive', method, skipped: 'tmux is not installed' };
  const lastLines = () => session.screen().trim().split('\n').slice(-3).join(' | ');
  try {
    // A fresh HOME has never trusted the project folder; project skills load once it is trusted.
    if (!await waitForScreen(session, /Trust this folder/, 60_000)) throw new Error(`no trust prompt: ${lastLines()}`);
    session.send('Enter');
    if (!await waitForScreen(session, /Auto \(/, 30_000)) throw new Error(`TUI did not start: ${lastLines()}`);
    const results = {};
    for (const cmd of commands) {
      session.type(cmd.invoke);
      const entries = menuEntries(await waitUntil(session, (s) => menuEntries(s, cmd.invoke).length > 0, 5_000), cmd.invoke);
      const before = answers(session.screen());
      const from = fake.requests.length;
      session.type(` ${ARGS_MARK}`);
      await sleep(300);
      session.send('Enter');
      const req = await waitForRequest(fake, from, isAgentCall, 20_000);
      if (!req) {
        results[cmd.name] = { status: 'error', detail: `no model request after Enter: ${lastLines()}`.slice(0, 200) };
        session.send('C-u');
        continue;
      }
      const sent = judge(req, cmd, dir, warnings);
      if (entries.length === 1) results[cmd.name] = sent;
      else {
        const menu = entries.length ? `the menu offers ${cmd.invoke} ${entries.length}×` : `the menu does not offer ${cmd.invoke}`;
        results[cmd.name] = { status: entries.length ? 'duplicate' : 'missing', detail: `${menu}; the request: ${sent.status}${sent.detail ? ` (${sent.detail})` : ''}` };
      }
      // The next command is typed once this turn has been answered.
      await waitUntil(session, (s) => answers(s) > before, 15_000);
      await sleep(300);
    }
    return { mode: 'interactive', method, results };
  } catch (e) {
    return { mode: 'interactive', method, skipped: String(e.message ?? e) };
  } finally {
    session.close();
  }
}

export async function probe({ dir, commands, installDir, fake }) {
  const home = setup(fake);
  try {
    return await probeIn({ dir, commands, installDir, fake, home });
  } finally {
    await stopProcessesWithHome(home, 5_000);
  }
}

async function probeIn({ dir, commands, installDir, fake, home }) {
  const bin = binPath(installDir, tool.bin);
  // The warnings only annotate the results; without them the modes still decide.
  const doctor = await collisionWarnings(bin, dir, env(home));
  const warnings = doctor.byName ?? {};
  const modes = [await execMode(bin, dir, commands, home, fake, warnings), await tuiMode(bin, dir, commands, home, fake, warnings)];
  return { modes: doctor.error ? modes.map((m) => ({ ...m, note: doctor.error })) : modes };
}
