import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFromFlags, completeAnswers, mergeGiven } from '../../src/interview/answers.js';
import { answersFromFile } from '../../src/interview/answers-file.js';
import type { Detected } from '../../src/interview/detect.js';
import type { Prompter } from '../../src/interview/prompter.js';
import { UsageError } from '../../src/errors.js';
import { EMPTY_STACK } from '../../src/types.js';
import { tmpDir } from '../helpers.js';

const stackTs = { ...EMPTY_STACK, language: 'TypeScript' };
const detected: Detected = { name: 'det', description: 'det desc', parts: [{ type: 'frontend', dir: '.', stack: stackTs, evidence: [] }], tools: ['cursor'], stackAt: () => ({ ...EMPTY_STACK }) };
const quiet = () => undefined;

/** A prompter that answers from a script and records what was asked. */
function scripted(answers: unknown[]): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = async (q: { message: string }) => {
    asked.push(q.message.split('\n')[0]);
    return queue.shift() as never;
  };
  return { asked, input: next, select: next, checkbox: next, confirm: next };
}

describe('answers from flags', () => {
  it('accepts valid values and parses the tool list', () => {
    expect(answersFromFlags({ type: 'mobile', ai: 'Cursor, claude', scope: 'mvp', name: 'n' })).toEqual({ types: ['mobile'], tools: ['claude', 'cursor'], scope: 'mvp', name: 'n' });
    expect(answersFromFlags({ ai: 'all' }).tools!.length).toBeGreaterThanOrEqual(9);
  });

  it('parses several types, the fullstack alias and each part\'s folder', () => {
    expect(answersFromFlags({ type: 'Mobile,backend' }).types).toEqual(['backend', 'mobile']);
    expect(answersFromFlags({ type: 'fullstack' }).types).toEqual(['backend', 'frontend']);
    expect(answersFromFlags({ type: 'backend,mobile', partDir: ['backend=./server/', 'mobile=apps/app'] }).dirs).toEqual({ backend: 'server', mobile: 'apps/app' });
    expect(() => answersFromFlags({ type: 'backend', partDir: ['mobile=app'] })).toThrow(/--part-dir: mobile is not one of the project's types/);
    expect(() => answersFromFlags({ type: 'backend', partDir: ['backend=../x'] })).toThrow(/--part-dir: .*inside the repository/);
    expect(() => answersFromFlags({ type: 'backend', partDir: ['backend'] })).toThrow(/<type>=<folder>/);
    expect(() => answersFromFlags({ type: 'backend', partDir: ['backend=a b'] })).toThrow(/folder names/);
  });

  it('rejects bad values naming the flag and the allowed values', () => {
    expect(() => answersFromFlags({ type: 'web' })).toThrow(/--type: unknown project type "web" \(allowed: backend, frontend, mobile, desktop, fullstack; several separated by commas\)/);
    expect(() => answersFromFlags({ ai: 'claude,vim' })).toThrow(/--ai: unknown AI tool "vim"/);
    expect(() => answersFromFlags({ scope: 'huge' })).toThrow(UsageError);
    expect(() => answersFromFlags({ name: 'a\nb' })).toThrow(/--name: .*one line/);
    expect(() => answersFromFlags({ ai: ',' })).toThrow(/no AI tool/);
  });
});

describe('answers file', () => {
  const file = (content: string): string => {
    const p = path.join(tmpDir(), 'answers.json');
    writeFileSync(p, content);
    return p;
  };

  it('reads every key, tools as list or string', () => {
    const p = file(JSON.stringify({ name: 'a', description: 'd more', type: 'desktop', scope: 'enterprise', tools: ['gemini'], stack: { testCommand: 'make test' }, language: 'Deutsch' }));
    expect(answersFromFile(p)).toEqual({ name: 'a', description: 'd more', types: ['desktop'], scope: 'enterprise', tools: ['gemini'], stack: { testCommand: 'make test' }, language: 'Deutsch' });
    const parts = file(JSON.stringify({ parts: [{ type: 'mobile', dir: 'app', stack: { testCommand: 'flutter test' } }, { type: 'backend', dir: 'api' }] }));
    expect(answersFromFile(parts)).toMatchObject({ types: ['backend', 'mobile'], dirs: { mobile: 'app', backend: 'api' }, stacks: { mobile: { testCommand: 'flutter test' } } });
    expect(answersFromFile(file('{"ai": "codex,cline"}')).tools).toEqual(['codex', 'cline']);
  });

  it('names the file and the key on bad input', () => {
    expect(() => answersFromFile(file('{"type": 3}'))).toThrow(/"type": must be a type, a list of types/);
    expect(() => answersFromFile(file('{"type": "x"}'))).toThrow(/"type": unknown project type/);
    expect(() => answersFromFile(file('nope'))).toThrow(/not valid JSON/);
    expect(() => answersFromFile(path.join(tmpDir(), 'missing.json'))).toThrow(/file not found/);
    expect(() => answersFromFile(file('[]'))).toThrow(/JSON object/);
    expect(() => answersFromFile(file('{"tool": ["claude"]}'))).toThrow(/"tool": unknown key \(allowed: name, description, type, parts, scope, tools, ai, delivery, stack, language/);
    expect(() => answersFromFile(file('{"parts": [{"type": "backend"}, {"type": "backend", "dir": "x"}]}'))).toThrow(/appears twice/);
    expect(() => answersFromFile(file('{"parts": [{"type": "backend", "dir": "/etc"}]}'))).toThrow(/parts\[0\]\.dir/);
    expect(() => answersFromFile(file('{"stack": {"testCmd": "x"}}'))).toThrow(/"stack\.testCmd": unknown key/);
  });
});

describe('completing answers', () => {
  it('without a prompter uses given, then detected, then defaults', async () => {
    const a = await completeAnswers({ name: 'given' }, detected, null, quiet);
    expect(a).toMatchObject({ name: 'given', description: 'det desc', parts: [{ type: 'frontend', dir: '.', stack: stackTs }], tools: ['cursor'], scope: 'production', language: 'English' });
    const said: string[] = [];
    const empty = await completeAnswers({}, { ...detected, parts: [], tools: [] }, null, (m) => said.push(m));
    expect(empty).toMatchObject({ parts: [{ type: 'backend', dir: '.' }], tools: ['copilot'] });
    expect(said.join()).toMatch(/no framework found/);
  });

  it('puts a part where it was given, with the stack detected there', async () => {
    const at = { ...detected, stackAt: (dir: string) => ({ ...EMPTY_STACK, testCommand: `cd ${dir} && make test` }) };
    const a = await completeAnswers({ types: ['backend', 'frontend'], dirs: { backend: 'api' } }, at, null, quiet);
    expect(a.parts).toEqual([{ type: 'backend', dir: 'api', stack: { ...EMPTY_STACK, testCommand: 'cd api && make test' } }, { type: 'frontend', dir: '.', stack: stackTs }]);
    await expect(completeAnswers({ types: ['backend', 'frontend'], stack: { testCommand: 'x' } }, at, null, quiet)).rejects.toThrow(/several parts/);
  });

  it('flags beat the answers file', () => {
    expect(mergeGiven({ name: 'flag' }, { name: 'file', types: ['mobile'] })).toMatchObject({ name: 'flag', types: ['mobile'] });
  });

  it('asks only what was not given, in the order of the interview, with the stacks confirmed in one question', async () => {
    const p = scripted(['My App', ['backend'], ['claude'], 'mvp', 'Español', true]);
    const a = await completeAnswers({ description: 'given' }, detected, p, quiet);
    expect(p.asked).toEqual(['Project name', 'Project parts (space to toggle; a repository may have several)', 'AI tools to install for (space to toggle)', 'Scope', 'Language of the project documents', 'Detected (commands run from the repository root):']);
    expect(a).toMatchObject({ name: 'My App', description: 'given', parts: [{ type: 'backend', dir: '.' }], tools: ['claude'], scope: 'mvp', language: 'Español' });
  });

  it('asks each part\'s folder when there are several, and lets the user correct a stack', async () => {
    const p = scripted(['n', 'd', ['backend', 'mobile'], 'server', 'app', ['claude'], 'mvp', 'English', false, 'Go', 'chi', 'go', 'go build ./...', 'go test ./...', '', 'Dart', 'Flutter', 'flutter pub', '', 'flutter test', '']);
    const a = await completeAnswers({}, detected, p, quiet);
    expect(a.parts.map((x) => `${x.type}@${x.dir}`)).toEqual(['backend@server', 'mobile@app']);
    expect(a.parts[0].stack).toEqual({ language: 'Go', framework: 'chi', packageManager: 'go', buildCommand: 'go build ./...', testCommand: 'go test ./...', lintCommand: '' });
    expect(a.parts[1].stack.testCommand).toBe('flutter test');
  });
});
