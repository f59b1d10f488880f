import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, listFiles, read, tmpDir, write } from '../helpers.js';

/**
 * Drives the real interview in a pseudo-terminal: util-linux `script` gives the CLI a TTY,
 * we wait for each question on screen and type the answer, as a person would.
 */
class Terminal {
  private screen = '';
  private readonly proc;
  readonly exited: Promise<number>;

  constructor(args: string[], cwd: string) {
    const command = [NODE, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    this.proc = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
    this.proc.stdout.on('data', (d: Buffer) => (this.screen += d.toString('utf8')));
    this.proc.stderr.on('data', (d: Buffer) => (this.screen += d.toString('utf8')));
    this.exited = new Promise((resolve) => this.proc.on('close', (code) => resolve(code ?? -1)));
  }

  /** Waits until `text` appears on screen after everything seen so far, then types `keys`. */
  async answer(text: string, keys: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!this.screen.includes(text)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; screen:\n${this.screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    this.screen = this.screen.slice(this.screen.indexOf(text) + text.length);
    await new Promise((r) => setTimeout(r, 150));
    this.proc.stdin.write(keys);
  }

  get output(): string {
    return this.screen;
  }
}

const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';
const CTRL_C = '\x03';

describe('interactive interview in a pseudo-terminal', () => {
  it('asks each question, accepts keyboard answers and installs what was chosen', async () => {
    const dir = tmpDir();
    write(dir, 'package.json', JSON.stringify({ name: 'pty-app', dependencies: { express: '5' }, scripts: { test: 'node --test' } }));
    const t = new Terminal(['init', '.'], dir);
    await t.answer('Project name', `My PTY App${ENTER}`);
    await t.answer('description', `A test & <demo>${ENTER}`);
    await t.answer('Project parts', `${DOWN}${SPACE}${ENTER}`); // backend (detected, checked) + frontend
    await t.answer('Folder of the backend part', ENTER); // the detected root
    await t.answer('Folder of the frontend part', `web${ENTER}`);
    await t.answer('AI tools', `claude${SPACE}${ENTER}`); // filter to Claude Code and tick it; Copilot is pre-checked
    await t.answer('Scope', ENTER);
    await t.answer('Language of the project documents', `Español${ENTER}`);
    await t.answer('Correct?', ENTER);
    await t.answer('file(s) into', ENTER);
    expect(await t.exited).toBe(0);
    const config = JSON.parse(read(dir, '.ai-flow/ai-flow.json'));
    expect(config).toMatchObject({ name: 'My PTY App', description: 'A test & <demo>', tools: ['claude', 'copilot'], scope: 'production', language: 'Español' });
    expect(config.parts).toMatchObject([{ type: 'backend', dir: '.', stack: { framework: 'Express', testCommand: 'npm test' } }, { type: 'frontend', dir: 'web' }]);
    expect(read(dir, 'AGENTS.md')).toContain('# My PTY App — instructions');
    expect(listFiles(dir)).toContain('.claude/commands/frontend-flow-build.md');
    expect(listFiles(dir)).toContain('.agents/skills/backend-flow-build/SKILL.md');
  });

  it('answering no to the final question writes nothing', async () => {
    const dir = tmpDir();
    const t = new Terminal(['init', '.', '--type', 'backend', '--ai', 'claude', '--scope', 'mvp', '--language', 'English'], dir);
    await t.answer('Project name', `x${ENTER}`);
    await t.answer('description', ENTER);
    await t.answer('Correct?', ENTER);
    await t.answer('file(s) into', `n${ENTER}`);
    expect(await t.exited).toBe(130);
    expect(listFiles(dir)).toEqual([]);
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const dir = tmpDir();
    const t = new Terminal(['init', '.'], dir);
    await t.answer('Project name', `half${ENTER}`);
    await t.answer('description', CTRL_C);
    expect(await t.exited).toBe(130);
    expect(t.output).toContain('cancelled — nothing was written');
    expect(listFiles(dir)).toEqual([]);
  });
});
