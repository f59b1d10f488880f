// Claude Code. Custom commands (.claude/commands) and skills (.claude/skills) share one
// namespace; both are listed to the model under "skills available for use with the Skill
// tool", and `/name args` in print mode expands the body into the user turn.
// Probe: `claude -p "/name args"` against the fake model (ANTHROPIC_BASE_URL on loopback, a
// dummy ANTHROPIC_API_KEY); read the expanded user turn and the skills list from the request.
import {
  ARGS_MARK, allText, binPath, fakeHome, isWrapperFor, run, sandboxEnv, textWith, waitForRequest,
} from '../common.mjs';

export const tool = {
  id: 'claude',
  pkg: '@anthropic-ai/claude-code',
  version: '2.1.332',
  bin: 'claude',
};

function env(home, fake) {
  return sandboxEnv(home, {
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_API_KEY: 'not-a-real-key',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  });
}

/** Names in the "skills available" list of a request. */
export function listedSkills(req) {
  const text = allText(req?.body);
  const i = text.indexOf('skills are available for use with the Skill tool');
  if (i < 0) return [];
  const block = text.slice(i).split('\n\n')[1] ?? '';
  return [...block.matchAll(/^- ([^:\s]+):/gm)].map((m) => m[1]);
}

export async function probe({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  const environment = env(fakeHome(), fake);
  const results = {};
  for (const cmd of commands) {
    const from = fake.requests.length;
    const r = await run(bin, ['-p', `${cmd.invoke} ${ARGS_MARK}`, '--output-format', 'json'], { cwd: dir, env: environment, timeoutMs: 90_000 });
    const req = await waitForRequest(fake, from, (x) => x.url.split('?')[0].endsWith('/messages') && allText(x.body?.messages).includes(ARGS_MARK), 2_000);
    if (!req) {
      let result = '';
      try { result = JSON.parse(r.stdout).result ?? ''; } catch { result = (r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''; }
      results[cmd.name] = { status: 'missing', detail: `no model request (exit ${r.code}): ${result}`.slice(0, 200) };
      continue;
    }
    const texts = (req.body.messages ?? []).filter((m) => m.role === 'user')
      .flatMap((m) => (Array.isArray(m.content) ? m.content.map((c) => c.text ?? '') : [String(m.content)]));
    const expanded = texts.filter((t) => isWrapperFor(t, cmd.name));
    const name = cmd.invoke.replace(/^\//, '');
    const listed = listedSkills(req).filter((n) => n === name).length;
    if (expanded.length === 0) results[cmd.name] = { status: 'missing', detail: `sent: ${textWith(texts).slice(0, 80)}` };
    else if (expanded.length > 1 || listed > 1) results[cmd.name] = { status: 'duplicate', detail: `${expanded.length} expansion(s), listed ${listed}×` };
    else results[cmd.name] = { status: 'ok' };
  }
  return { modes: [{ mode: 'non-interactive', method: 'claude -p "/name args" → recorded model request (expanded turn + skills list)', results }] };
}
