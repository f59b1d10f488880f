import { RenderError } from '../errors.js';
import type { Position, TemplateNode } from './template-ast.js';
import { describeParseError, firstCall, isCalledWithArguments, parseTemplate, pathsWithin, TEMPLATE_HELPERS } from './template-ast.js';

/** A template's source and the file it came from (a template, or a partial it includes). */
export interface TemplateSource {
  file: string;
  source: string;
}

const HINT = 'fix the template; for a pack of your own, `ai-flow pack lint <dir>` lists every problem';
const MAX_NAMES = 20;

/**
 * Turns whatever Handlebars threw into a message a pack author can act on: file, line and
 * column, the parser's whole message, and for a missing variable its full path and the names
 * that do exist at that level (found by rendering once more with a context that notes its misses).
 */
export function explainRenderError(template: TemplateSource, partials: readonly TemplateSource[], err: unknown, rerun: (context: unknown) => void, context: unknown): RenderError {
  const text = err instanceof Error ? err.message : String(err);
  if (/^(Parse|Lexical) error on line \d+/.test(text)) {
    const where = describeParseError(template.source, err);
    return located(template.file, where, where.message);
  }
  const e = err as { lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
  const strict = /^"(.*)" not defined in /.exec(text);
  if (strict && e.lineNumber !== undefined && e.column !== undefined) {
    const from = { line: e.lineNumber, column: e.column + 1 };
    const to = { line: e.endLineNumber ?? e.lineNumber, column: (e.endColumn ?? e.column) + 1 };
    for (const candidate of [template, ...partials]) {
      const found = missingVariable(candidate.source, strict[1], from, to, () => lastMiss(rerun, context));
      if (found) return located(candidate.file, from, found);
    }
  }
  const helper = /^Missing helper: "(.*)"/.exec(text);
  const partial = /^The partial (.+) could not be found/.exec(text);
  const name = helper?.[1] ?? partial?.[1];
  if (name !== undefined) {
    const message = helper ? `calls the helper ${JSON.stringify(name)}, which ai-flow does not have (helpers: ${TEMPLATE_HELPERS.join(', ')})` : `includes the partial ${JSON.stringify(name)}, which does not exist`;
    for (const candidate of [template, ...partials]) {
      const ast = parseTemplate(candidate.source);
      const at = 'type' in ast ? firstCall(ast as TemplateNode, name) : null;
      if (at) return located(candidate.file, at, message);
    }
    return located(template.file, { line: 0, column: 0 }, message);
  }
  const at = e.lineNumber !== undefined ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : { line: 0, column: 0 };
  return located(template.file, at, text.replace(/ - \d+:\d+$/, '').replace(/\n+/g, ' '));
}

function located(file: string, at: Position, message: string): RenderError {
  const where = at.line > 0 ? `${file}:${at.line}:${at.column}` : file;
  return new RenderError(`template ${where}: ${message}`, HINT, { file, line: at.line, column: at.column });
}

/** The message for a variable `name` that strict mode did not find between `from` and `to`; null when this source has no such path there. */
function missingVariable(source: string, name: string, from: Position, to: Position, miss: () => Miss | null): string | null {
  const ast = parseTemplate(source);
  if (!('type' in ast)) return null;
  const path = pathsWithin(ast as TemplateNode, from, to).find((p) => p.parts.includes(name));
  if (!path) return null;
  if (isCalledWithArguments(ast as TemplateNode, path)) {
    return `calls the helper ${JSON.stringify(path.original)}, which ai-flow does not have (helpers: ${TEMPLATE_HELPERS.join(', ')})`;
  }
  const what = `${JSON.stringify(path.original)} is not defined`;
  // Strict mode reports the segment after a missing one ("name" of `projet.name`): the miss says which one it was.
  const found = miss();
  const at = found ? path.parts.indexOf(found.name) : -1;
  if (!found || at === -1) return what;
  const list = found.keys.length === 0 ? 'nothing' : `${found.keys.slice(0, MAX_NAMES).join(', ')}${found.keys.length > MAX_NAMES ? ', …' : ''}`;
  return at > 0 ? `${what} — ${path.parts.slice(0, at).join('.')} has: ${list}` : `${what} — the names at that level are: ${list}`;
}

/** A name looked up and not found, and the names the object had. */
interface Miss {
  name: string;
  keys: string[];
}

/**
 * Renders again with a context whose objects note every name looked up in them and not found;
 * the last one before the error is the missing variable, and the object it was looked up in is
 * its level, whatever block (`each`, `with`, a partial) the template was in.
 */
function lastMiss(rerun: (context: unknown) => void, context: unknown): Miss | null {
  let last: Miss | null = null;
  const note = (target: object, key: string | symbol, found: boolean): void => {
    if (!found && typeof key === 'string') last = { name: key, keys: Object.keys(target) };
  };
  const watch = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(watch);
    if (typeof value !== 'object' || value === null) return value;
    const target = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, watch(v)]));
    return new Proxy(target, {
      get: (t, key, receiver) => {
        note(t, key, Reflect.has(t, key));
        return Reflect.get(t, key, receiver) as unknown;
      },
      has: (t, key) => {
        const found = Reflect.has(t, key);
        note(t, key, found);
        return found;
      },
      getOwnPropertyDescriptor: (t, key) => {
        const found = Reflect.getOwnPropertyDescriptor(t, key);
        note(t, key, found !== undefined);
        return found;
      },
    });
  };
  try {
    rerun(watch(context));
  } catch {
    return last;
  }
  return null;
}
