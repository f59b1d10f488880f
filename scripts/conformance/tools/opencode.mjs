// OpenCode. One command registry serves the TUI's slash menu, `opencode run --command` and
// the HTTP API: commands from .opencode/command(s)/ and opencode.json, plus every skill
// (.opencode/skills, .claude/skills, .agents/skills, and the same under HOME) offered as a
// command of source "skill" when no command has its name.
// Probe: (1) `opencode serve` on loopback, GET /command = the list the TUI offers;
// (2) `opencode run --command <name> args` against the fake model (built-in anthropic provider
// with its baseURL on loopback and a dummy key) to see which body is sent.
import {
  ARGS_MARK, binPath, fakeHome, freePort, isWrapperFor, run, sandboxEnv, sleep, textWith, waitForRequest, wrapperCommandOf,
} from '../common.mjs';
import { spawn } from 'node:child_process';

export const tool = {
  id: 'opencode',
  pkg: 'opencode-ai',
  version: '1.18.33',
  bin: 'opencode',
};

function env(home, fake) {
  return sandboxEnv(home, {
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_CONFIG_CONTENT: JSON.stringify({
      autoupdate: false,
      share: 'disabled',
      model: 'anthropic/claude-sonnet-4-5',
      provider: { anthropic: { options: { baseURL: `${fake.url}/v1`, apiKey: 'not-a-real-key' } } },
    }),
  });
}

async function listCommands(bin, dir, environment) {
  const port = await freePort();
  const child = spawn(bin, ['serve', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: dir, env: environment, detached: true, stdio: 'ignore' });
  try {
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/command`, { signal: AbortSignal.timeout(10_000) });
        if (res.ok) return await res.json();
      } catch { /* not up yet */ }
      await sleep(300);
    }
    throw new Error('opencode serve did not answer GET /command within 60 s');
  } finally {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

export async function probe({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  const modes = [];
  const home = fakeHome();
  const environment = env(home, fake);

  // (1) the command list
  {
    const results = {};
    let list;
    try {
      list = await listCommands(bin, dir, environment);
    } catch (e) {
      modes.push({ mode: 'command list', method: 'opencode serve → GET /command', skipped: String(e.message ?? e) });
    }
    if (list) {
      for (const cmd of commands) {
        const name = cmd.invoke.replace(/^\//, '');
        const same = list.filter((c) => c.name === name);
        const elsewhere = list.filter((c) => c.name !== name && wrapperCommandOf(c.template) === cmd.name);
        if (same.length > 1) results[cmd.name] = { status: 'duplicate', detail: same.map((c) => c.source).join(' + ') };
        else if (same.length === 1 && isWrapperFor(same[0].template, cmd.name)) {
          results[cmd.name] = elsewhere.length
            ? { status: 'duplicate', detail: `also as ${elsewhere.map((c) => `/${c.name}`).join(', ')}` }
            : { status: 'ok', source: same[0].source };
        } else if (same.length === 1) results[cmd.name] = { status: 'wrong-body', detail: `source ${same[0].source}` };
        else if (elsewhere.length) results[cmd.name] = { status: 'renamed', seenAs: elsewhere.map((c) => `/${c.name}`).join(', ') };
        else results[cmd.name] = { status: 'missing' };
      }
      modes.push({ mode: 'command list', method: 'opencode serve → GET /command (the TUI slash menu and run --command read this registry)', results, seen: list.map((c) => `${c.name}:${c.source}`) });
    }
  }

  // (2) non-interactive run
  {
    const results = {};
    for (const cmd of commands) {
      const name = cmd.invoke.replace(/^\//, '');
      const from = fake.requests.length;
      const r = await run(bin, ['run', '--command', name, ARGS_MARK], { cwd: dir, env: environment, timeoutMs: 90_000 });
      const req = await waitForRequest(fake, from, (x) => /\/messages$/.test(x.url.split('?')[0]) && (x.body?.messages ?? []).length > 0 && !String(x.body?.system?.[0]?.text ?? '').includes('title generator'), 2_000);
      const msgs = req?.body?.messages ?? [];
      const texts = msgs.filter((m) => m.role === 'user').flatMap((m) => (Array.isArray(m.content) ? m.content.map((c) => c.text ?? '') : [String(m.content)]));
      const sent = textWith(texts);
      if (!req || !sent) {
        results[cmd.name] = { status: 'missing', detail: `no request with the arguments (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200) };
      } else results[cmd.name] = isWrapperFor(sent, cmd.name) ? { status: 'ok' } : { status: 'wrong-body', detail: sent.slice(0, 80) };
    }
    modes.push({ mode: 'non-interactive', method: 'opencode run --command <name> args → recorded model request', results });
  }
  return { modes };
}
