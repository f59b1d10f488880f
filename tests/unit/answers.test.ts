import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFromFile, answersFromFlags, completeAnswers, mergeGiven } from '../../src/interview/answers.js';
import type { Detected } from '../../src/interview/detect.js';
import type { Prompter } from '../../src/interview/prompter.js';
import { UsageError } from '../../src/errors.js';
import { EMPTY_STACK } from '../../src/types.js';
import { tmpDir } from '../helpers.js';

const detected: Detected = { name: 'det', description: 'det desc', type: 'frontend', tools: ['cursor'], stack: { ...EMPTY_STACK, language: 'TypeScript' }, evidence: [] };

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
    expect(answersFromFlags({ type: 'mobile', ai: 'Cursor, claude', scope: 'mvp', name: 'n' })).toEqual({ type: 'mobile', tools: ['claude', 'cursor'], scope: 'mvp', name: 'n' });
    expect(answersFromFlags({ ai: 'all' }).tools).toHaveLength(9);
  });

  it('rejects bad values naming the flag and the allowed values', () => {
    expect(() => answersFromFlags({ type: 'web' })).toThrow(/--type: unknown project type "web" \(allowed: backend, frontend, mobile, desktop, fullstack\)/);
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
    const p = file(JSON.stringify({ name: 'a', description: 'd more', type: 'desktop', scope: 'enterprise', tools: ['gemini'], stack: { testCommand: 'make test' } }));
    expect(answersFromFile(p)).toEqual({ name: 'a', description: 'd more', type: 'desktop', scope: 'enterprise', tools: ['gemini'], stack: { testCommand: 'make test' } });
    expect(answersFromFile(file('{"ai": "codex,cline"}')).tools).toEqual(['codex', 'cline']);
  });

  it('names the file and the key on bad input', () => {
    expect(() => answersFromFile(file('{"type": 3}'))).toThrow(/"type": must be a string/);
    expect(() => answersFromFile(file('{"type": "x"}'))).toThrow(/"type": unknown project type/);
    expect(() => answersFromFile(file('nope'))).toThrow(/not valid JSON/);
    expect(() => answersFromFile(path.join(tmpDir(), 'missing.json'))).toThrow(/file not found/);
    expect(() => answersFromFile(file('[]'))).toThrow(/JSON object/);
    expect(() => answersFromFile(file('{"tool": ["claude"]}'))).toThrow(/"tool": unknown key \(allowed: name, description, type, scope, tools, ai, stack\)/);
    expect(() => answersFromFile(file('{"stack": {"testCmd": "x"}}'))).toThrow(/"stack\.testCmd": unknown key/);
  });
});

describe('completing answers', () => {
  it('without a prompter uses given, then detected, then defaults', async () => {
    const a = await completeAnswers({ name: 'given' }, detected, null);
    expect(a).toMatchObject({ name: 'given', description: 'det desc', type: 'frontend', tools: ['cursor'], scope: 'production' });
    const empty = await completeAnswers({}, { ...detected, type: null, tools: [] }, null);
    expect(empty).toMatchObject({ type: 'backend', tools: ['copilot'] });
  });

  it('flags beat the answers file', () => {
    expect(mergeGiven({ name: 'flag' }, { name: 'file', type: 'mobile' })).toMatchObject({ name: 'flag', type: 'mobile' });
  });

  it('asks only what was not given, with the stack confirmed in one question', async () => {
    const p = scripted(['My App', 'backend', ['claude'], 'mvp', true]);
    const a = await completeAnswers({ description: 'given' }, detected, p);
    expect(p.asked).toEqual(['Project name', 'Project type', 'AI tools to install for (space to toggle)', 'Scope', 'Detected stack:']);
    expect(a).toMatchObject({ name: 'My App', description: 'given', type: 'backend', tools: ['claude'], scope: 'mvp', stack: { language: 'TypeScript' } });
  });

  it('lets the user correct the detected stack', async () => {
    const p = scripted(['n', 'd', 'backend', ['claude'], 'mvp', false, 'Go', 'chi', 'go', 'go build ./...', 'go test ./...', '']);
    const a = await completeAnswers({}, detected, p);
    expect(a.stack).toEqual({ language: 'Go', framework: 'chi', packageManager: 'go', buildCommand: 'go build ./...', testCommand: 'go test ./...', lintCommand: '' });
  });
});
