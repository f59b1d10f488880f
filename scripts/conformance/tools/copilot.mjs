// GitHub Copilot CLI (npm `@github/copilot`; VS Code Copilot Chat is not on npm). It reads no
// command files: project skills come from .github/skills, .agents/skills and .claude/skills
// (and .claude/commands/<name>.md, taken as a skill), a name found in several folders is kept
// once, and the TUI offers every user-invocable skill as `/name`, sending its SKILL.md body with
// the typed arguments. `copilot -p` sends a typed `/name args` to the model as plain text.
// Probe, offline in BYOK mode (COPILOT_OFFLINE, COPILOT_PROVIDER_BASE_URL on the fake model, a
// dummy key): (1) `copilot skill list --json`, the skills with their folders; (2) `copilot -p
// "/name args"` and (3) the TUI under tmux, each read from the recorded model request.
// The fake model does not call Copilot's `skill` tool for a -p run: the tool's description asks
// the model to load a skill that matches the task, and says nothing of slash commands. So
// `copilot -p` does not run ai-flow's commands; ai-flow says so, and the -p mode is informational.
import fs from 'node:fs';
import path from 'node:path';
import {
  ARGS_MARK, allText, binPath, fakeHome, isWrapperFor, requestsSince, run, sandboxEnv, sleep, textWith, tmuxSession, waitForRequest, wrapperCommandOf,
} from '../common.mjs';

export const tool = {
  id: 'copilot',
  pkg: '@github/copilot',
  version: '1.0.102',
  bin: 'copilot',
};

const nameOf = (cmd) => cmd.invoke.replace(/^\//, '');

/** A fake HOME where the user trusts the project folder (else the TUI asks first). */
function homeTrusting(dir) {
  const home = fakeHome();
  fs.mkdirSync(path.join(home, '.copilot'), { recursive: true });
  fs.writeFileSync(path.join(home, '.copilot', 'config.json'), JSON.stringify({ trustedFolders: [dir] }));
  return home;
}

function env(home, fake, extra = {}) {
  return sandboxEnv(home, {
    COPILOT_OFFLINE: 'true',
    COPILOT_PROVIDER_BASE_URL: `${fake.url}/v1`,
    // Copilot masks the key's value wherever it appears in its output, so not a short one.
    COPILOT_PROVIDER_API_KEY: 'not-a-real-key',
    COPILOT_MODEL: 'fake-model',
    COPILOT_AUTO_UPDATE: 'false',
    ...extra,
  });
}

/** Is a recorded request a model turn that carries our arguments? */
const carriesArgs = (r) => r.url.split('?')[0].endsWith('/chat/completions') && allText(r.body?.messages).includes(ARGS_MARK);

/** The user message holding our arguments: the expanded skill, or the raw text. */
function typedText(req) {
  const users = (req.body.messages ?? []).filter((m) => m.role === 'user');
  return textWith(users.map((m) => allText(m.content)));
}

/** The file behind a listed skill: its SKILL.md, or for a .claude/commands entry (listed by
 * that folder) the command's <name>.md. */
function skillBody(entry) {
  for (const file of [path.join(entry.path, 'SKILL.md'), path.join(entry.path, `${entry.name}.md`)]) {
    try { return fs.readFileSync(file, 'utf8'); } catch { /* next */ }
  }
  return '';
}

/** What the user turn of a run shows: ai-flow's wrapper, another skill's body, or plain text. */
function classifySent(text, cmd) {
  if (isWrapperFor(text, cmd.name)) return { status: 'ok' };
  const other = /<skill-context name="([^"]+)">/.exec(text);
  if (other) return { status: 'wrong-body', detail: `expanded the skill ${other[1]}, whose body is not ai-flow's wrapper` };
  return { status: 'missing', detail: `sent as plain text: ${JSON.stringify(text.split('\n').pop().slice(0, 60))}` };
}

function classifyListed(list, cmd, dir) {
  const name = nameOf(cmd);
  const same = list.filter((s) => s.name === name);
  const elsewhere = list.filter((s) => s.name !== name && s.source === 'project' && wrapperCommandOf(skillBody(s)) === cmd.name);
  if (same.length > 1) return { status: 'duplicate', detail: same.map((s) => path.relative(dir, s.path)).join(' + ') };
  if (same.length === 0) {
    return elsewhere.length ? { status: 'renamed', seenAs: elsewhere.map((s) => `/${s.name}`).join(', ') } : { status: 'missing' };
  }
  const [entry] = same;
  if (!isWrapperFor(skillBody(entry), cmd.name)) return { status: 'wrong-body', detail: path.relative(dir, entry.path) };
  if (entry.enabled === false) return { status: 'missing', detail: `listed disabled (${path.relative(dir, entry.path)})` };
  if (elsewhere.length) return { status: 'duplicate', detail: `also as ${elsewhere.map((s) => `/${s.name}`).join(', ')}` };
  return { status: 'ok' };
}

async function skillList(bin, dir, environment, commands) {
  const method = 'copilot skill list --json (the skills a session loads, with their folders)';
  const r = await run(bin, ['skill', 'list', '--json'], { cwd: dir, env: environment, timeoutMs: 60_000 });
  let list;
  try { list = JSON.parse(r.stdout); } catch { /* below */ }
  if (!Array.isArray(list)) return { mode: 'skill list', method, skipped: `no JSON (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}` };
  const results = Object.fromEntries(commands.map((cmd) => [cmd.name, classifyListed(list, cmd, dir)]));
  return { mode: 'skill list', method, results, seen: list.map((s) => `${s.name}:${s.source}`) };
}

async function prompted(bin, dir, environment, fake, commands) {
  const results = {};
  for (const cmd of commands) {
    const from = fake.requests.length;
    const r = await run(bin, ['-p', `${cmd.invoke} ${ARGS_MARK}`], { cwd: dir, env: environment, timeoutMs: 90_000 });
    const req = await waitForRequest(fake, from, carriesArgs, 2_000);
    if (!req) {
      results[cmd.name] = { status: 'error', detail: `no model request (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200) };
      continue;
    }
    results[cmd.name] = classifySent(typedText(req), cmd);
  }
  // ai-flow documents that `copilot -p` does not run slash commands (ToolRow.skillNote): recorded, not judged.
  return { mode: 'non-interactive', method: 'copilot -p "<invocation> args" → recorded model request', results, informational: true };
}

// The TUI's footer reads "/ commands · ? help" while it waits for input, "Working" while busy.
const idle = (screen) => /\/ commands · \? help/.test(screen.trimEnd().split('\n').pop() ?? '');

async function waitIdle(session, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (idle(session.screen())) return true;
    await sleep(200);
  }
  return false;
}

/** After Enter: the model request with our arguments, or the TUI's "Unknown command" line. */
async function submitted(session, fake, from, cmd, timeoutMs = 20_000) {
  const unknown = new RegExp(`Unknown command: ${cmd.invoke.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])[^\\n]*`);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const [req] = requestsSince(fake, from, carriesArgs);
    if (req) return { req };
    const refused = unknown.exec(session.screen());
    if (refused) return { refused: refused[0].trim() };
    await sleep(200);
  }
  return {};
}

async function interactive(bin, dir, home, fake, commands) {
  const method = 'TUI under tmux: typed "<invocation> args" → recorded model request';
  const session = await tmuxSession({ cwd: dir, env: env(home, fake, { TERM: 'xterm-256color', NO_COLOR: undefined }), command: bin });
  if (!session) return { mode: 'interactive', method, skipped: 'tmux is not installed' };
  try {
    if (!await waitIdle(session, 60_000)) return { mode: 'interactive', method, skipped: `TUI did not start: ${session.screen().trim().split('\n').slice(-3).join(' | ')}` };
    await sleep(1000); // a margin: the TUI loads its skill commands asynchronously
    const results = {};
    for (const cmd of commands) {
      const from = fake.requests.length;
      session.type(`${cmd.invoke} ${ARGS_MARK}`);
      await sleep(400); // let the command picker settle before Enter
      session.send('Enter');
      const { req, refused } = await submitted(session, fake, from, cmd);
      if (req) results[cmd.name] = classifySent(typedText(req), cmd);
      else {
        results[cmd.name] = { status: 'missing', detail: refused ?? 'no model request after Enter' };
        session.send('C-u');
      }
      await sleep(300);
      await waitIdle(session, 15_000);
    }
    return { mode: 'interactive', method, results };
  } finally {
    session.close();
  }
}

export async function probe({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  const home = homeTrusting(dir);
  const environment = env(home, fake);
  return {
    modes: [
      await skillList(bin, dir, environment, commands),
      await prompted(bin, dir, environment, fake, commands),
      await interactive(bin, dir, home, fake, commands),
    ],
  };
}
