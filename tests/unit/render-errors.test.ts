import { describe, expect, it } from 'vitest';
import { Renderer } from '../../src/core/render.js';
import { RenderError } from '../../src/errors.js';
import { checkTemplateCalls } from '../../src/core/template-ast.js';

/** The RenderError a template throws. */
function failure(source: string, context: object = CONTEXT, renderer = new Renderer()): RenderError {
  try {
    renderer.render('templates/rules/x.md.hbs', source, context);
  } catch (err) {
    if (err instanceof RenderError) return err;
    throw err;
  }
  throw new Error('rendered without an error');
}

const CONTEXT = {
  project: { name: 'shop', description: 'd', scope: 'mvp' },
  parts: [{ type: 'backend', dir: '.', stack: { language: 'Go', framework: 'Gin', packageManager: '' } }],
};

describe('render errors a pack author can act on', () => {
  it('names the full variable path and the names that exist at that level', () => {
    const err = failure('# Rules\n{{#each parts}}\n- {{stack.languag}}\n{{/each}}\n');
    expect(err.message).toBe('template templates/rules/x.md.hbs:3:5: "stack.languag" is not defined — stack has: language, framework, packageManager');
    expect(err.where).toEqual({ file: 'templates/rules/x.md.hbs', line: 3, column: 5 });
  });

  it('lists the names of the current level for a top-level typo', () => {
    expect(failure('{{#each parts}}{{tpye}}{{/each}}').message).toContain('"tpye" is not defined — the names at that level are: type, dir, stack');
    expect(failure('{{projet.name}}').message).toContain('"projet.name" is not defined — the names at that level are: project, parts');
  });

  it('keeps the parser\'s whole message, with line, column and the place of the error', () => {
    const err = failure('line one\nline two {{#if project}}x{{/if}} {{ project.name\n');
    expect(err.message).toMatch(/^template templates\/rules\/x\.md\.hbs:2:\d+: Parse error: Expecting .*'CLOSE'.*, got '.+' — at ▶ in ".*▶.*"$/);
    expect(err.where?.line).toBe(2);
    expect(err.message).not.toContain('\n');
  });

  it('reports a block that is closed by the wrong name where it opens', () => {
    expect(failure('a\n{{#if project}}\n{{/iff}}').message).toMatch(/x\.md\.hbs:2:\d+: if doesn't match iff$/);
  });

  it('calls an unknown helper an unknown helper, and never lets a template log', () => {
    expect(failure('\n {{shout project.name}}').message).toBe('template templates/rules/x.md.hbs:2:4: calls the helper "shout", which ai-flow does not have (helpers: if, unless, each, with, lookup, quote, oneLine)');
    expect(failure('{{log "hello"}}').message).toContain('calls the helper "log"');
  });

  it('points into the partial when the error is there', () => {
    const r = new Renderer();
    r.registerPartial('rules-body', 'ok\n{{project.nmae}}', 'templates/partials/rules-body.hbs');
    expect(failure('{{> rules-body}}', CONTEXT, r).message).toBe('template templates/partials/rules-body.hbs:2:3: "project.nmae" is not defined — project has: name, description, scope');
  });

  it('names a missing partial where it is included', () => {
    expect(failure('x\n  {{> nowhere}}').message).toBe('template templates/rules/x.md.hbs:2:7: includes the partial "nowhere", which does not exist');
  });
});

describe('template calls a pack may make', () => {
  const partials = new Set(['rules-body', 'wrapper-body']);

  it('allows the built-in helpers, sections on context values, inline partials and the built-in partials', () => {
    const ok = '{{#if a}}{{quote b " x"}}{{/if}}{{#each c}}{{oneLine this}}{{/each}}{{#with d}}{{e}}{{/with}}{{lookup f "g"}}{{#h}}{{/h}}{{#*inline "mine"}}m{{/inline}}{{> mine}}{{> rules-body}}{{#unless (lookup f "g")}}{{/unless}}';
    expect(checkTemplateCalls(ok, partials)).toEqual([]);
  });

  it('finds every other helper, partial and decorator, at the line and column of its name', () => {
    const bad = '{{shout a}}\n  {{#repeat 3}}x{{/repeat}}\n{{#if (upper a)}}{{/if}}\n{{> secrets}}\n{{* deco}}\n{{log "x"}}';
    expect(checkTemplateCalls(bad, partials).map((i) => `${i.line}:${i.column} ${i.message.split(',')[0]}`)).toEqual([
      '5:5 uses the decorator "deco"; a pack template may only define inline partials',
      '1:3 calls the helper "shout"',
      '2:6 calls the helper "repeat"',
      '3:8 calls the helper "upper"',
      '4:5 includes the partial "secrets"',
      '6:3 calls the helper "log"',
    ]);
  });

  it('reports a syntax error as one issue with its place', () => {
    expect(checkTemplateCalls('ok\n{{#if a}}\n{{/if', partials)).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/^Parse error: Expecting/) })]);
  });
});
