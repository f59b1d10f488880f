// Qwen Code (a Gemini CLI fork). The TUI, `qwen -p` and ACP build one command registry from the
// same loaders: built-ins, bundled skills, skills (.qwen/skills and .agents/skills, in the project
// and under HOME), saved workflows, then file commands (.qwen/commands/*.md and *.toml). It is a
// map by name and a later loader replaces an earlier one, so a .qwen/commands file hides a skill
// of its name. An .md command is sent as its body with the typed line appended after it.
// Separately the model is given a skill list (skills, and commands it may invoke) for its Skill tool.
// Probe: the real binary against the fake model (OPENAI_BASE_URL on loopback, a dummy key):
//   (1) `qwen -p "/name args" -o stream-json`: the init event's slash_commands (the registry) and
//       the recorded request;
//   (2) the TUI under tmux: the completion menu for `/name`, then `/name args` + Enter and the
//       recorded request.
// Both count the name in the model's skill list too: twice there is a duplicate.
import fs from 'node:fs';
import path from 'node:path';
import {
  ARGS_MARK, binPath, fakeHome, isWrapperFor, run, sandboxEnv, sleep, textWith, tmuxSession, waitForRequest,
  waitForScreen, wrapperCommandOf,
} from '../common.mjs';

export const tool = {
  id: 'qwen',
  pkg: '@qwen-code/qwen-code',
  version: '0.24.4',
  bin: 'qwen',
};

const PROMPT = /Type your message/;

function homeWithSettings() {
  const home = fakeHome();
  fs.mkdirSync(path.join(home, '.qwen'), { recursive: true });
  // No update check, no usage statistics, and no background memory agents (each would add a
  // model request after every run). Ripgrep off: the bundled binary is installed without +x.
  fs.writeFileSync(path.join(home, '.qwen', 'settings.json'), JSON.stringify({
    general: { enableAutoUpdate: false },
    privacy: { usageStatisticsEnabled: false },
    telemetry: { enabled: false },
    memory: { enableManagedAutoMemory: false, enableManagedAutoDream: false, enableAutoSkill: false },
    tools: { useRipgrep: false },
  }, null, 2));
  return home;
}

function env(home, fake, extra = {}) {
  return sandboxEnv(home, {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'not-a-real-key',
    OPENAI_MODEL: 'fake-model',
    ...extra,
  });
}

const userTexts = (message) => (Array.isArray(message?.content) ? message.content.map((c) => c.text ?? '') : [String(message?.content ?? '')]);

const lastUserTexts = (req) => userTexts((req.body?.messages ?? []).filter((m) => m.role === 'user').at(-1));

// The user's turn: a chat request whose last user message carries the arguments we typed.
const isTurn = (req) => req.url.split('?')[0].endsWith('/chat/completions') && lastUserTexts(req).some((t) => t.includes(ARGS_MARK));

// How often `name` is in the skill lists the request gives the model (<name>…</name> entries).
function modelListed(req, name) {
  const texts = (req.body.messages ?? []).filter((m) => m.role === 'user').flatMap(userTexts).join('\n');
  return [...texts.matchAll(/<name>\s*([^<\s]+)\s*<\/name>/g)].filter((m) => m[1] === name).length;
}

/** Verdict for one command from how often the tool lists it and the turn it sent (or null). */
function classify(cmd, listed, req) {
  const name = cmd.invoke.replace(/^\//, '');
  if (listed > 1) return { status: 'duplicate', detail: `listed ${listed}× as /${name}` };
  if (!req) return { status: listed ? 'error' : 'missing', detail: `no model request with the arguments; /${name} listed ${listed}×` };
  const text = textWith(lastUserTexts(req));
  const inSkills = modelListed(req, name);
  if (text.trim() === `${cmd.invoke} ${ARGS_MARK}`) return { status: 'missing', detail: `sent as plain text; /${name} listed ${listed}×` };
  if (!isWrapperFor(text, cmd.name)) return { status: 'wrong-body', detail: `expanded to ${wrapperCommandOf(text) ?? JSON.stringify(text.slice(0, 60))}` };
  if (inSkills > 1) return { status: 'duplicate', detail: `in the model's skill list ${inSkills}×` };
  if (!listed) return { status: 'missing', detail: 'expanded, but not in the command list' };
  return { status: 'ok' };
}

async function headless(bin, dir, commands, fake) {
  const environment = env(homeWithSettings(), fake);
  const results = {};
  for (const cmd of commands) {
    const from = fake.requests.length;
    const r = await run(bin, ['-p', `${cmd.invoke} ${ARGS_MARK}`, '-o', 'stream-json'], { cwd: dir, env: environment, timeoutMs: 90_000 });
    let init = null;
    for (const line of r.stdout.split('\n')) {
      try { const ev = JSON.parse(line); if (ev.type === 'system' && ev.subtype === 'init') init = ev; } catch { /* not an event */ }
    }
    if (!init) {
      results[cmd.name] = { status: 'error', detail: `no init event (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200) };
      continue;
    }
    const name = cmd.invoke.replace(/^\//, '');
    const listed = (init.slash_commands ?? []).filter((n) => n === name).length;
    results[cmd.name] = classify(cmd, listed, await waitForRequest(fake, from, isTurn, 2_000));
  }
  return { mode: 'non-interactive', method: 'qwen -p "/name args" -o stream-json → init slash_commands + recorded model request', results };
}

// Rows of the completion menu (below the input line) that offer `name` itself.
function menuRows(screen, typed, name) {
  const lines = screen.split('\n');
  const input = lines.findLastIndex((l) => l.trimStart().startsWith(`> ${typed}`));
  const row = new RegExp(`^\\s*(?:>\\s*)?${name}(?:\\s|$)`);
  return lines.slice(input + 1).filter((l) => row.test(l)).length;
}

// The menu is drawn once the TUI is idle again after the previous turn: wait for it a while.
async function menuCount(session, typed, name, timeoutMs = 5_000) {
  const end = Date.now() + timeoutMs;
  let rows = 0;
  while (!rows && Date.now() < end) {
    await sleep(250);
    rows = menuRows(session.screen(), typed, name);
  }
  return rows;
}

async function interactive(bin, dir, commands, fake) {
  const mode = 'interactive';
  const method = 'TUI under tmux: /name completion menu, then typed "/name args" → recorded model request';
  const session = await tmuxSession({ cwd: dir, env: env(homeWithSettings(), fake, { TERM: 'xterm-256color', NO_COLOR: undefined }), command: bin });
  if (!session) return { mode, method, skipped: 'tmux is not installed' };
  try {
    if (!await waitForScreen(session, PROMPT, 60_000)) throw new Error(`TUI did not start: ${session.screen().trim().split('\n').slice(-3).join(' | ')}`);
    await sleep(1500); // the command loaders finish after the prompt is drawn
    const results = {};
    for (const cmd of commands) {
      const name = cmd.invoke.replace(/^\//, '');
      session.type(cmd.invoke);
      const listed = await menuCount(session, cmd.invoke, name);
      const from = fake.requests.length;
      session.type(` ${ARGS_MARK}`);
      await sleep(300);
      session.send('Enter');
      results[cmd.name] = classify(cmd, listed, await waitForRequest(fake, from, isTurn, 20_000));
      await sleep(300);
      if (!await waitForScreen(session, PROMPT, 10_000)) session.send('C-u');
    }
    return { mode, method, results };
  } catch (e) {
    return { mode, method, skipped: String(e.message ?? e) };
  } finally {
    await quit(session);
  }
}

// Leave with /quit and wait for the session to end: killed, the TUI still writes to its HOME
// while it exits, and would bring back a fake HOME that was just removed.
async function quit(session) {
  session.send('C-u');
  session.type('/quit');
  await sleep(300);
  session.send('Enter');
  const end = Date.now() + 10_000;
  while (session.screen() !== '' && Date.now() < end) await sleep(200);
  session.close();
}

export async function probe({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  return { modes: [await headless(bin, dir, commands, fake), await interactive(bin, dir, commands, fake)] };
}
