// OpenAI Codex CLI. Skills are listed to the model (name, description, file) and a `$name`
// mention injects the SKILL.md body as a <skill> block. Project skill roots seen so far:
// .agents/skills (cwd up to the repo root) and .codex/skills; a name found in two roots is
// listed twice.
// Probe: (1) `codex debug prompt-input` renders the model-visible input offline: the skills
// list; (2) `codex exec '$name args'` against the fake model (a custom Responses provider on
// loopback with a dummy key) to see which skill body the mention injects.
import fs from 'node:fs';
import path from 'node:path';
import {
  ARGS_MARK, allText, binPath, fakeHome, isWrapperFor, run, sandboxEnv, waitForRequest,
} from '../common.mjs';

export const tool = {
  id: 'codex',
  pkg: '@openai/codex',
  version: '0.171.0',
  bin: 'codex',
};

function setup(fake) {
  const home = fakeHome();
  fs.mkdirSync(path.join(home, '.codex'), { recursive: true });
  fs.writeFileSync(path.join(home, '.codex', 'config.toml'), [
    'model = "gpt-5"',
    'model_provider = "conformance"',
    'check_for_update_on_startup = false',
    '[analytics]',
    'enabled = false',
    '[model_providers.conformance]',
    'name = "conformance fake model"',
    `base_url = "${fake.url}/v1"`,
    'env_key = "CONFORMANCE_FAKE_KEY"',
    'wire_api = "responses"',
    '',
  ].join('\n'));
  return sandboxEnv(home, { CONFORMANCE_FAKE_KEY: 'not-a-real-key', CODEX_HOME: path.join(home, '.codex') });
}

/** Parse the skills list codex shows the model: [{ name, file }]. */
export function parseSkills(text) {
  const roots = {};
  for (const m of text.matchAll(/^- `(r\d+)` = `([^`]+)`/gm)) roots[m[1]] = m[2];
  const skills = [];
  for (const m of text.matchAll(/^- ([^:\n]+): .*\(file: (r\d+)\/([^)]+)\)$/gm)) {
    skills.push({ name: m[1].trim(), file: roots[m[2]] ? path.join(roots[m[2]], m[3]) : m[3] });
  }
  return skills;
}

export async function probe({ dir, commands, installDir, fake }) {
  const bin = binPath(installDir, tool.bin);
  const environment = setup(fake);
  const modes = [];

  // (1) skills list
  {
    const r = await run(bin, ['debug', 'prompt-input', 'hello'], { cwd: dir, env: environment, timeoutMs: 60_000 });
    let items = null;
    try { items = JSON.parse(r.stdout); } catch { /* below */ }
    if (!Array.isArray(items)) {
      modes.push({ mode: 'skills list', method: 'codex debug prompt-input', skipped: `no JSON (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}` });
    } else {
      const skills = parseSkills(allText(items));
      const results = {};
      for (const cmd of commands) {
        const name = cmd.invoke.replace(/^\$/, '');
        const same = skills.filter((s) => s.name === name);
        if (same.length > 1) results[cmd.name] = { status: 'duplicate', detail: same.map((s) => path.relative(dir, s.file)).join(' + ') };
        else if (same.length === 0) results[cmd.name] = { status: 'missing' };
        else {
          let body = '';
          try { body = fs.readFileSync(same[0].file, 'utf8'); } catch { /* unreadable */ }
          results[cmd.name] = isWrapperFor(body, cmd.name) ? { status: 'ok' } : { status: 'wrong-body', detail: same[0].file };
        }
      }
      modes.push({ mode: 'skills list', method: 'codex debug prompt-input (the list the model is given, TUI and exec alike)', results, seen: skills.map((s) => s.name) });
    }
  }

  // (2) exec with a $mention
  {
    const results = {};
    for (const cmd of commands) {
      const from = fake.requests.length;
      const r = await run(bin, ['exec', '--skip-git-repo-check', `${cmd.invoke} ${ARGS_MARK}`], { cwd: dir, env: environment, timeoutMs: 90_000 });
      const req = await waitForRequest(fake, from, (x) => x.url.split('?')[0].endsWith('/responses') && allText(x.body?.input).includes(ARGS_MARK), 2_000);
      if (!req) {
        results[cmd.name] = { status: 'error', detail: `no model request (exit ${r.code}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}`.slice(0, 200) };
        continue;
      }
      const text = allText(req.body.input);
      const blocks = [...text.matchAll(/<skill>\s*<name>([^<]+)<\/name>([\s\S]*?)<\/skill>/g)].map((m) => ({ name: m[1].trim(), body: m[2] }));
      const name = cmd.invoke.replace(/^\$/, '');
      const mine = blocks.filter((b) => b.name === name);
      if (mine.length === 0) results[cmd.name] = { status: 'missing', detail: 'no <skill> block injected for the mention' };
      else if (mine.length > 1) results[cmd.name] = { status: 'duplicate', detail: `${mine.length} <skill> blocks injected` };
      else results[cmd.name] = isWrapperFor(mine[0].body, cmd.name) ? { status: 'ok' } : { status: 'wrong-body', detail: mine[0].body.slice(0, 80) };
    }
    modes.push({ mode: 'exec $mention', method: "codex exec '$name args' → recorded model request (<skill> block)", results });
  }
  return { modes };
}
