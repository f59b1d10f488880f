// Kilo CLI (npm @kilocode/cli, a fork of OpenCode). One command registry serves the TUI's slash
// menu, `kilo run --command` and the HTTP API: commands from .kilo/commands/ and
// .kilocode/workflows/, plus skills (.kilo/skills, .kilocode/skills, .claude/skills,
// .agents/skills) as entries of source "skill"; a skill in both .agents/skills and .claude/skills
// is one entry (the .agents copy runs). Unlike OpenCode, a command does not hide a skill of its
// name: both are listed. The TUI's slash menu labels a skill `/<name>:skill`; typing
// `/<name> args` runs it all the same (a skill's arguments come after its body).
// Probe: (1) `kilo serve` on loopback, GET /command = the list the TUI offers; (2)
// `kilo run --attach <that server> --command <name> args` (the command is resolved by the server,
// as in a standalone `kilo run`, which takes three times longer to boot) and (3) the TUI under
// tmux, `/<name> args` typed, both against the fake model (the built-in anthropic provider with
// its baseURL on loopback, a dummy key), to see which body reaches the model.
import { spawn } from 'node:child_process';
import {
  ARGS_MARK, binPath, fakeHome, freePort, isWrapperFor, run, sandboxEnv, sleep, stopProcessesWithHome, textWith, tmuxSession, waitForRequest, waitForScreen, wrapperCommandOf,
} from '../common.mjs';

export const tool = {
  id: 'kilo',
  pkg: '@kilocode/cli',
  version: '7.7.7',
  bin: 'kilo',
};

function env(home, fake, extra = {}) {
  return sandboxEnv(home, {
    KILO_DISABLE_AUTOUPDATE: '1',
    KILO_DISABLE_MODELS_FETCH: '1',
    KILO_DISABLE_SESSION_INGEST: '1',
    KILO_DISABLE_SHARE: '1',
    KILO_NO_DAEMON: '1', // as Kilo's own tests run it: no shared background daemon (`kilo daemon`)
    KILO_TELEMETRY_LEVEL: 'off', // telemetry is on only for "all"
    KILO_CONFIG_CONTENT: JSON.stringify({
      autoupdate: false,
      share: 'disabled',
      // Else the built-in "kilo" provider fetches its model list from api.kilo.ai.
      enabled_providers: ['anthropic'],
      model: 'anthropic/claude-sonnet-4-5',
      provider: { anthropic: { options: { baseURL: `${fake.url}/v1`, apiKey: 'not-a-real-key' } } },
    }),
    ...extra,
  });
}

// The agent's turn offers tools; the title generator's request (which quotes the turn) does not.
const isAgentTurn = (r) => r.url.split('?')[0].endsWith('/messages') && (r.body?.tools ?? []).length > 0;

/** The user text of a request that carries the arguments we typed. */
function typedText(req) {
  const texts = (req?.body?.messages ?? []).filter((m) => m.role === 'user')
    .flatMap((m) => (Array.isArray(m.content) ? m.content.map((c) => c.text ?? '') : [String(m.content)]));
  return textWith(texts);
}

function classifySent(req, cmd, failure) {
  const sent = typedText(req);
  if (!req || !sent) return { status: 'missing', detail: `no model request with the arguments${failure ? ` (${failure})` : ''}`.slice(0, 200) };
  return isWrapperFor(sent, cmd.name) ? { status: 'ok' } : { status: 'missing', detail: `sent as: ${JSON.stringify(sent.slice(0, 60))}` };
}

/** `kilo serve` in the project on a free loopback port, once GET /command answers. */
async function startServer(bin, dir, environment) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['serve', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: dir, env: environment, detached: true, stdio: 'ignore' });
  const close = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${url}/command`, { signal: AbortSignal.timeout(10_000) });
      if (res.ok) return { url, commands: await res.json(), close };
    } catch { /* not up yet */ }
    await sleep(300);
  }
  close();
  throw new Error('kilo serve did not answer GET /command within 90 s');
}

function classifyListed(list, cmd) {
  const name = cmd.invoke.replace(/^\//, '');
  const same = list.filter((c) => c.name === name);
  const elsewhere = list.filter((c) => c.name !== name && wrapperCommandOf(c.template) === cmd.name);
  if (same.length > 1) return { status: 'duplicate', detail: `listed ${same.length}×: ${same.map((c) => c.source).join(' + ')}` };
  if (same.length === 1 && !isWrapperFor(same[0].template, cmd.name)) return { status: 'missing', detail: `/${name} (source ${same[0].source}) is not ai-flow's command` };
  if (same.length === 1 && elsewhere.length) return { status: 'duplicate', detail: `also as ${elsewhere.map((c) => `/${c.name}`).join(', ')}` };
  if (same.length === 1) return { status: 'ok' };
  if (elsewhere.length) return { status: 'renamed', seenAs: elsewhere.map((c) => `/${c.name}`).join(', ') };
  return { status: 'missing' };
}

function listMode(list, commands) {
  const results = Object.fromEntries(commands.map((cmd) => [cmd.name, classifyListed(list, cmd)]));
  return { mode: 'command list', method: 'kilo serve → GET /command (the registry the TUI slash menu and run --command read)', results, seen: list.map((c) => `${c.name}:${c.source}`) };
}

async function runMode(bin, dir, environment, server, commands, fake) {
  const results = {};
  for (const cmd of commands) {
    const from = fake.requests.length;
    const r = await run(bin, ['run', '--attach', server.url, '--command', cmd.invoke.replace(/^\//, ''), ARGS_MARK], { cwd: dir, env: environment, timeoutMs: 120_000 });
    const req = await waitForRequest(fake, from, isAgentTurn, 2_000);
    const output = (r.stderr || r.stdout).replace(/\x1b\[[0-9;]*m/g, '').trim();
    const failure = `exit ${r.code}${r.timedOut ? ', timed out' : ''}: ${output.split('\n').slice(-1)[0] ?? ''}`;
    results[cmd.name] = classifySent(req, cmd, failure);
  }
  return { mode: 'non-interactive', method: 'kilo run --attach <serve> --command <name> args → recorded model request', results };
}

/**
 * Type a line into the TUI prompt and wait until it shows there. Keys typed while the prompt is
 * still handling an earlier clear (C-u) are sometimes dropped: then clear and type again.
 */
async function typeLine(session, text) {
  const shown = new RegExp(`┃\\s+${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    session.type(text);
    if (await waitForScreen(session, shown, 3_000)) return true;
    session.send('C-u');
    await sleep(500);
  }
  return false;
}

async function tuiMode(bin, dir, home, fake, commands) {
  const method = 'TUI under tmux: typed "<invocation> args" → recorded model request';
  const session = await tmuxSession({ cwd: dir, env: env(home, fake, { TERM: 'xterm-256color', NO_COLOR: undefined, CI: undefined }), command: bin });
  if (!session) return { mode: 'interactive', method, skipped: 'tmux is not installed' };
  try {
    if (!await waitForScreen(session, /Ask anything/, 120_000)) {
      return { mode: 'interactive', method, skipped: `TUI did not start: ${session.screen().trim().split('\n').slice(-3).join(' | ')}` };
    }
    // The server's commands reach the TUI after its prompt is drawn; typed before that, `/name`
    // goes out as plain text. /init is one of them: once the slash menu offers it, all are there.
    session.type('/init');
    const synced = await waitForScreen(session, /┃ \/init\s{2,}\S/, 30_000);
    session.send('C-u');
    if (!synced) return { mode: 'interactive', method, skipped: 'the TUI slash menu never offered /init (server commands not loaded)' };
    const results = {};
    for (const cmd of commands) {
      const from = fake.requests.length;
      if (!await typeLine(session, `${cmd.invoke} ${ARGS_MARK}`)) {
        results[cmd.name] = { status: 'error', detail: 'the typed text never showed in the prompt' };
        continue;
      }
      session.send('Enter');
      const req = await waitForRequest(fake, from, isAgentTurn, 30_000);
      const screen = req ? '' : session.screen().split('\n').filter((l) => l.includes(ARGS_MARK) || /┃ \//.test(l)).map((l) => l.trim()).join(' | ');
      results[cmd.name] = classifySent(req, cmd, req ? '' : `nothing sent after Enter; screen: ${screen}`);
      if (!req) session.send('C-u');
      await sleep(1500); // let the one-word answer finish before the next prompt
    }
    return { mode: 'interactive', method, results };
  } finally {
    session.close();
    await stopProcessesWithHome(home, 15_000);
  }
}

export async function probe({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  const home = fakeHome();
  const environment = env(home, fake);
  const modes = [];
  let server;
  try {
    server = await startServer(bin, dir, environment);
  } catch (e) {
    const reason = String(e.message ?? e);
    modes.push({ mode: 'command list', method: 'kilo serve → GET /command', skipped: reason });
    modes.push({ mode: 'non-interactive', method: 'kilo run --attach <serve> --command', skipped: reason });
  }
  if (server) {
    try {
      modes.push(listMode(server.commands, commands));
      modes.push(await runMode(bin, dir, environment, server, commands, fake));
    } finally {
      server.close(); // before the TUI, which opens the same session database
    }
  }
  modes.push(await tuiMode(bin, dir, home, fake, commands));
  return { modes };
}
