import { describe, expect, it } from 'vitest';
import { Renderer } from '../../src/core/render.js';
import { RenderError } from '../../src/errors.js';

describe('renderer (strict, noEscape)', () => {
  const hostile = 'R&D <Tools> "Q" {{y}} `t` \'s\' 🚀\nline two';

  it('writes answers exactly as typed, never escaped or re-interpreted', () => {
    const r = new Renderer();
    expect(r.render('t', 'name: {{name}}', { name: hostile })).toBe(`name: ${hostile}`);
  });

  it('fails on an unknown variable instead of printing nothing', () => {
    const r = new Renderer();
    expect(() => r.render('bad.hbs', 'x {{nope}}', {})).toThrow(RenderError);
    expect(() => r.render('bad2.hbs', '{{project.nmae}}', { project: { name: 'a' } })).toThrow(/bad2\.hbs/);
  });

  it('keeps an escaped literal mustache for tools like Gemini', () => {
    expect(new Renderer().render('g', 'args: \\{{args}}', {})).toBe('args: {{args}}');
  });

  it('quotes values into valid YAML/TOML strings', () => {
    const out = new Renderer().render('q', 'description: {{quote v}}', { v: hostile });
    expect(JSON.parse(out.slice('description: '.length))).toBe(hostile);
    expect(out).not.toContain('\n');
  });

  it('flattens a multi-line value to one line where needed', () => {
    expect(new Renderer().render('o', '{{oneLine v}}', { v: 'a\n  b\r\nc' })).toBe('a b c');
  });

  it('reports template syntax errors as RenderError', () => {
    expect(() => new Renderer().render('syntax.hbs', '{{#if x}}unclosed', { x: true })).toThrow(RenderError);
  });
});
