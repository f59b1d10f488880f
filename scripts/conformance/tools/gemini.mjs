// Gemini CLI. Two loaders differ:
//   non-interactive (`gemini -p "/cmd args"`): built-in, MCP-prompt and file-command loaders;
//   interactive (the TUI): the same plus a skill-command loader that turns every discovered
//   skill (.gemini/skills, .agents/skills, ~/.gemini/skills, ~/.agents/skills) into a slash
//   command, and renames both sides of a name clash.
// Probe: the real binary against the fake model (GOOGLE_GEMINI_BASE_URL + a dummy API key);
// the command resolved when the model request carries ai-flow's wrapper with our arguments.
// The TUI runs under tmux; its start-up notices show renames.
import fs from 'node:fs';
import path from 'node:path';
import {
  ARGS_MARK, binPath, fakeHome, isWrapperFor, resolvedBySkillTool, run, textWith, sandboxEnv, sleep, tmuxSession, waitForRequest, waitForScreen,
} from '../common.mjs';

export const tool = {
  id: 'gemini',
  pkg: '@google/gemini-cli',
  version: '0.61.0',
  bin: 'gemini',
};

const isModelCall = (r) => /:streamGenerateContent/.test(r.url);

// The user part that carries the arguments we typed: the expanded command, or the raw text.
function typedText(req) {
  const parts = (req?.body?.contents ?? []).filter((c) => c.role === 'user').flatMap((c) => c.parts ?? []);
  return textWith(parts.map((p) => p.text ?? ''));
}

function homeWithSettings() {
  const home = fakeHome();
  fs.mkdirSync(path.join(home, '.gemini'), { recursive: true });
  // Read before running: auth by API key (a dummy), no auto-update, no usage statistics.
  fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify({
    security: { auth: { selectedType: 'gemini-api-key' } },
    general: { disableAutoUpdate: true, disableUpdateNag: true },
    privacy: { usageStatisticsEnabled: false },
    telemetry: { enabled: false },
  }, null, 2));
  return home;
}

function env(home, fake, extra = {}) {
  return sandboxEnv(home, {
    GEMINI_API_KEY: 'not-a-real-key',
    GOOGLE_GEMINI_BASE_URL: fake.url,
    GEMINI_CLI_NO_RELAUNCH: 'true',
    // The user trusts the project folder (else workspace commands and skills are not loaded).
    GEMINI_CLI_TRUST_WORKSPACE: 'true',
    ...extra,
  });
}

function classify(text, cmd, renames, bySkill = false) {
  if (isWrapperFor(text, cmd.name)) return { status: 'ok' };
  // A skill command (or the model, told by the skill list) called activate_skill for it.
  if (bySkill) return { status: 'ok', via: 'activate_skill' };
  const renamed = renames.filter((r) => r.from === cmd.invoke);
  if (renamed.length) return { status: 'renamed', seenAs: renamed.map((r) => r.to).join(', ') };
  return { status: 'missing', detail: `sent as plain text: ${JSON.stringify(text.slice(0, 60))}` };
}

export async function probe({ dir, commands, delivery, installDir, fake }) {
  const gemini = binPath(installDir, tool.bin);
  const modes = [];

  // Non-interactive. Headless Gemini offers activate_skill only when allowed, as ai-flow
  // documents for skills (ToolRow.skillNote).
  const headlessSkills = delivery === 'skills' ? ['--allowed-tools', 'activate_skill'] : [];
  {
    const home = homeWithSettings();
    const results = {};
    for (const cmd of commands) {
      const from = fake.requests.length;
      const r = await run(gemini, ['-p', `${cmd.invoke} ${ARGS_MARK}`, '--output-format', 'json', ...headlessSkills], {
        cwd: dir, env: env(home, fake), timeoutMs: 90_000,
      });
      const req = await waitForRequest(fake, from, isModelCall, 2_000);
      if (!req) {
        results[cmd.name] = { status: 'error', detail: `no model request (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0] ?? ''}` };
        continue;
      }
      results[cmd.name] = classify(typedText(req), cmd, [], resolvedBySkillTool(fake, from, cmd.name));
    }
    modes.push({ mode: 'non-interactive', method: `gemini -p "<invocation> args"${headlessSkills.length ? ` ${headlessSkills.join(' ')}` : ''} → recorded model request`, results });
  }

  // Interactive (TUI under tmux).
  {
    const home = homeWithSettings();
    const session = await tmuxSession({ cwd: dir, env: env(home, fake, { TERM: 'xterm-256color', NO_COLOR: undefined }), command: gemini });
    if (!session) {
      modes.push({ mode: 'interactive', method: 'TUI under tmux', skipped: 'tmux is not installed' });
    } else {
      try {
        const ready = await waitForScreen(session, /Type your message/, 60_000);
        if (!ready) throw new Error(`TUI did not start: ${session.screen().trim().split('\n').slice(-3).join(' | ')}`);
        await sleep(1500); // conflict notices are printed once the command loaders finish
        const screen = session.screen();
        const renames = [...screen.matchAll(/command '(\/[^']+)' was renamed to '(\/[^']+)'/g)].map((m) => ({ from: m[1], to: m[2] }));
        const results = {};
        for (const cmd of commands) {
          const from = fake.requests.length;
          session.type(`${cmd.invoke} ${ARGS_MARK}`);
          await sleep(400);
          session.send('Enter');
          const req = await waitForRequest(fake, from, isModelCall, 20_000);
          if (!req) {
            results[cmd.name] = { status: 'error', detail: 'no model request after Enter' };
            session.send('C-u');
            continue;
          }
          await sleep(500); // a skill command's tool answer may come in a second request
          results[cmd.name] = classify(typedText(req), cmd, renames, resolvedBySkillTool(fake, from, cmd.name));
          await waitForScreen(session, /Type your message/, 10_000);
          await sleep(300);
        }
        modes.push({ mode: 'interactive', method: 'TUI under tmux: typed "<invocation> args" → recorded model request; start-up rename notices', results, renames });
      } catch (e) {
        modes.push({ mode: 'interactive', method: 'TUI under tmux', skipped: String(e.message ?? e) });
      } finally {
        session.close();
      }
    }
  }
  return { modes };
}
