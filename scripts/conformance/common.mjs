// Shared helpers for the conformance probes: running a tool in a sandbox (fake HOME, no real
// keys, only loopback), installing pinned tools into the cache, and reading what a tool sent
// to the fake model.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ARGS_MARK = 'PROBE-ARGS-7Q';

export function cacheRoot() {
  return process.env.AI_FLOW_CONFORMANCE_CACHE || path.join(os.homedir(), '.cache', 'ai-flow', 'conformance');
}

const made = [];

export function tmpDir(prefix) {
  // Under /var/tmp when it exists: some tools refuse to put helper files under /tmp.
  const base = fs.existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, `ai-flow-conf-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Remove every temporary folder made by tmpDir (fake homes, projects, tmux sockets). */
export function removeTmpDirs() {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Folder of one pinned package in the cache. */
export function installDir(pkg, version) {
  return path.join(cacheRoot(), `${pkg.replace('/', '+')}@${version}`);
}

/**
 * Install `pkg@version` into its cache folder unless it is already there. Uses npm, so only the
 * npm registry is contacted. Returns { dir, ok, error }.
 */
export function ensureInstalled(pkg, version, { log = () => {} } = {}) {
  const dir = installDir(pkg, version);
  const marker = path.join(dir, '.ai-flow-conformance-installed');
  if (fs.existsSync(marker)) return { dir, ok: true };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  log(`installing ${pkg}@${version} into ${dir}`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${version}`], {
    cwd: dir, encoding: 'utf8', timeout: 15 * 60_000,
  });
  if (r.status !== 0) {
    const msg = `${r.stderr || ''}${r.stdout || ''}`.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
    return { dir, ok: false, error: `npm install ${pkg}@${version} failed: ${msg || r.error?.message || 'unknown error'}` };
  }
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  return { dir, ok: true };
}

/** Path of an installed binary (node_modules/.bin/<name>). */
export function binPath(dir, name) {
  return path.join(dir, 'node_modules', '.bin', name);
}

/**
 * A clean environment for a tool: a fresh fake HOME, the same PATH, no proxies, no keys from
 * the caller's environment, telemetry and update checks off where a variable exists.
 */
export function sandboxEnv(home, extra = {}) {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    CI: '1',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    DO_NOT_TRACK: '1',
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
}

export function fakeHome() {
  const home = tmpDir('home');
  for (const d of ['.config', '.local/share', '.local/state', '.cache']) fs.mkdirSync(path.join(home, d), { recursive: true });
  return home;
}

/** Run a command; resolves { code, stdout, stderr, timedOut }. Never throws. */
export function run(cmd, args, { cwd, env, timeoutMs = 120_000, input } = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      resolve({ code: -1, stdout, stderr: String(e), timedOut });
      return;
    }
    const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
    const timer = setTimeout(() => { timedOut = true; kill(); }, timeoutMs);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      kill(); // helpers a tool left behind in its process group
      resolve({ code, stdout, stderr, timedOut });
    });
    if (input !== undefined) child.stdin.end(input); else child.stdin.end();
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Wait until the fake model got a request after index `from` that satisfies `pred`. */
export async function waitForRequest(fake, from, pred = () => true, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (let i = fake.requests.length - 1; i >= from; i--) if (pred(fake.requests[i])) return fake.requests[i];
    await sleep(100);
  }
  return null;
}

/** The model requests (not side calls) recorded after index `from`. */
export function requestsSince(fake, from, pred = () => true) {
  return fake.requests.slice(from).filter(pred);
}

/** Every text of a JSON value, joined (to search a recorded request without knowing its shape). */
export function allText(value) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out.join('\n');
}

/**
 * Does `text` hold ai-flow's wrapper for command `cmd`: its opening sentence naming that
 * command's prompt file? (AGENTS.md also names the prompt files, in a table, so a bare path
 * is not enough.)
 */
export function isWrapperFor(text, cmd) {
  return wrapperCommandOf(text) === cmd;
}

/** The texts of the tool results a model request carries (Gemini function responses, chat `tool` messages). */
export function toolResultTexts(body) {
  const out = [];
  for (const c of body?.contents ?? []) for (const p of c.parts ?? []) if (p.functionResponse) out.push(allText(p.functionResponse));
  for (const m of body?.messages ?? []) if (m.role === 'tool') out.push(allText(m.content));
  return out;
}

/**
 * Did a skill tool bring command `cmd` into the conversation after index `from`: a model request
 * whose tool result is ai-flow's wrapper for `cmd`, in a conversation that holds the arguments we
 * typed? (The fake model calls the tool the way the tool's description tells a model to.)
 */
export function resolvedBySkillTool(fake, from, cmd, mark = ARGS_MARK) {
  return fake.requests.slice(from).some((r) => toolResultTexts(r.body).some((t) => isWrapperFor(t, cmd)) && allText(r.body).includes(mark));
}

/** The last of `texts` that holds `mark` (the arguments we typed), or ''. */
export function textWith(texts, mark = ARGS_MARK) {
  for (let i = texts.length - 1; i >= 0; i--) if (String(texts[i]).includes(mark)) return String(texts[i]);
  return '';
}

/** Which ai-flow command's wrapper a text is, if any (by the prompt file it names). */
export function wrapperCommandOf(text) {
  const m = /Read the file `\.ai-flow\/prompts\/[a-z0-9-]+\/([a-z0-9-]+)\.md`/.exec(String(text ?? ''));
  return m ? m[1] : null;
}

export function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * A terminal session under tmux (for interactive modes). Returns null when tmux is missing.
 * { send(keys...), type(text), screen(), close() }
 */
export async function tmuxSession({ cwd, env, command, args = [], width = 220, height = 80 }) {
  if (!which('tmux')) return null;
  const name = `aiflow-conf-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const socket = path.join(tmpDir('tmux'), 'sock');
  const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  const line = ['env', '-i', ...envArgs, command, ...args].map(shellQuote).join(' ');
  const tm = (...a) => spawnSync('tmux', ['-S', socket, ...a], { encoding: 'utf8', cwd });
  const r = tm('new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), '-c', cwd, line);
  if (r.status !== 0) return null;
  return {
    send: (...keys) => tm('send-keys', '-t', name, ...keys),
    type: (text) => tm('send-keys', '-t', name, '-l', text),
    screen: () => tm('capture-pane', '-p', '-J', '-S', '-2000', '-t', name).stdout ?? '',
    close: () => { tm('kill-server'); },
  };
}

/** Wait until the screen of a tmux session matches `re`; returns the screen or null. */
export async function waitForScreen(session, re, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const s = session.screen();
    if (re.test(s)) return s;
    await sleep(250);
  }
  return null;
}

/** A free loopback port, for a tool's own server. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Pids of the processes whose HOME is `home`: a fake home, so they are the probe's own. */
function pidsWithHome(home) {
  let pids = [];
  try { pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)); } catch { return []; }
  return pids.filter((pid) => {
    try { return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`HOME=${home}`); } catch { return false; }
  }).map(Number);
}

/**
 * A TUI goes on writing into its fake HOME for a while after tmux hangs up on it: wait up to
 * `graceMs` for every process running with that HOME to end, then kill the rest by pid, so the
 * HOME can be removed.
 */
export async function stopProcessesWithHome(home, graceMs) {
  const end = Date.now() + graceMs;
  while (pidsWithHome(home).length && Date.now() < end) await sleep(250);
  for (const pid of pidsWithHome(home)) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
}
