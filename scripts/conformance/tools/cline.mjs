// Cline CLI (npm `cline`, the terminal Cline; the VS Code extension is not on npm).
// Workflows (.clinerules/workflows, .cline/workflows) are slash commands named after the file
// without ".md"; skills (.agents/skills, .cline/skills, .clinerules/skills) are slash entries
// too, and a skill of the same name hides the workflow: `/name` is then sent as plain text for
// the model to call the `skills` tool.
// Probe: `cline auth` with an openai-compatible provider on loopback (dummy key), then
// `cline --json "<invocation> args"` and read the user turn from the recorded request. When
// the documented invocation is not expanded, the same name without ".md" is tried, to tell
// "renamed" from "missing".
import fs from 'node:fs';
import {
  ARGS_MARK, binPath, fakeHome, isWrapperFor, resolvedBySkillTool, run, sandboxEnv, textWith, waitForRequest,
} from '../common.mjs';

export const tool = {
  id: 'cline',
  pkg: 'cline',
  version: '3.0.65',
  bin: 'cline',
};

async function sent(bin, dir, environment, fake, text) {
  const from = fake.requests.length;
  const r = await run(bin, ['--json', text], { cwd: dir, env: environment, timeoutMs: 90_000 });
  const req = await waitForRequest(fake, from, (x) => x.url.split('?')[0].endsWith('/chat/completions'), 2_000);
  if (!req) return { error: `no model request (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200) };
  const texts = (req.body.messages ?? []).filter((m) => m.role === 'user')
    .flatMap((m) => (Array.isArray(m.content) ? m.content.map((c) => c.text ?? '') : [String(m.content)]));
  return { text: textWith(texts), from };
}

// `cline` leaves a detached hub daemon per project folder (`--cline-hub-daemon --cwd <dir>`);
// stop the ones our runs started, by pid, matching our temporary project folder exactly.
function stopHubDaemons(dir) {
  let pids = [];
  try { pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)); } catch { return; }
  for (const pid of pids) {
    let argv;
    try { argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    const i = argv.indexOf('--cwd');
    if (argv.includes('--cline-hub-daemon') && i >= 0 && argv[i + 1] === dir) {
      try { process.kill(Number(pid), 'SIGTERM'); } catch { /* gone */ }
    }
  }
}

export async function probe({ dir, commands, installDir, fake }) {
  try {
    return await probeIn({ dir, commands, installDir, fake });
  } finally {
    stopHubDaemons(dir);
  }
}

async function probeIn({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  const home = fakeHome();
  const environment = sandboxEnv(home, {});
  const auth = await run(bin, ['auth', '-p', 'openai-compatible', '-k', 'not-a-real-key', '-m', 'fake-model', '-b', `${fake.url}/v1`], { cwd: dir, env: environment, timeoutMs: 60_000 });
  if (auth.code !== 0) return { modes: [{ mode: 'non-interactive', method: 'cline --json', skipped: `cline auth failed: ${auth.stderr.trim().split('\n').slice(-1)[0]}` }] };
  const results = {};
  for (const cmd of commands) {
    const first = await sent(bin, dir, environment, fake, `${cmd.invoke} ${ARGS_MARK}`);
    if (first.error) { results[cmd.name] = { status: 'error', detail: first.error }; continue; }
    if (isWrapperFor(first.text, cmd.name)) { results[cmd.name] = { status: 'ok' }; continue; }
    // A skill hides the workflow of its name; the model is told to run it with the `skills` tool.
    if (resolvedBySkillTool(fake, first.from, cmd.name)) { results[cmd.name] = { status: 'ok', via: 'skills tool' }; continue; }
    const alt = cmd.invoke.replace(/\.md$/, '');
    let also = '';
    if (alt !== cmd.invoke) {
      const second = await sent(bin, dir, environment, fake, `${alt} ${ARGS_MARK}`);
      if (!second.error && isWrapperFor(second.text, cmd.name)) { results[cmd.name] = { status: 'renamed', seenAs: alt }; continue; }
      also = `; ${alt} too`;
    }
    results[cmd.name] = { status: 'missing', detail: `sent as plain text: ${JSON.stringify(first.text.slice(0, 40))}${also}` };
  }
  return { modes: [{ mode: 'non-interactive', method: 'cline --json "<invocation> args" → recorded model request', results }] };
}
