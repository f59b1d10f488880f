import { compiler } from './handlebars.js';

/**
 * What a template may call (SPEC §11: a pack is data). Handlebars' own block helpers and
 * ai-flow's two: nothing a template does can reach past its render context.
 */
export const TEMPLATE_HELPERS: readonly string[] = ['if', 'unless', 'each', 'with', 'lookup', 'quote', 'oneLine'];

export interface Position {
  line: number;
  /** 1-based. */
  column: number;
}

export interface TemplateIssue extends Position {
  message: string;
}

interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** A node of Handlebars' syntax tree, as far as these checks read it. */
interface Node {
  type: string;
  loc?: Loc;
  [key: string]: unknown;
}

interface PathNode extends Node {
  type: 'PathExpression';
  original: string;
  parts: string[];
  depth: number;
  data: boolean;
}

/** Parses a template; a syntax error is returned as an issue with its line and column. */
export function parseTemplate(source: string): Node | TemplateIssue {
  try {
    return compiler().parse(source) as unknown as Node;
  } catch (err) {
    return describeParseError(source, err);
  }
}

/**
 * Every call a template makes that ai-flow does not offer: a helper outside TEMPLATE_HELPERS, a
 * partial outside `partials` (or defined inline), a decorator other than `inline`.
 */
export function checkTemplateCalls(source: string, partials: ReadonlySet<string>): TemplateIssue[] {
  const ast = parseTemplate(source);
  if (!isNode(ast)) return [ast];
  const issues: TemplateIssue[] = [];
  const inline = new Set<string>();
  visit(ast, (node) => {
    if (node.type === 'DecoratorBlock' || node.type === 'Decorator') {
      const name = calleeName(node.path);
      if (name !== 'inline') issues.push(issue(calleeNode(node.path, node), `uses the decorator ${JSON.stringify(name)}; a pack template may only define inline partials`));
      else inline.add(literal(((node.params as unknown[] | undefined) ?? [])[0]) ?? '');
    }
  });
  visit(ast, (node) => {
    const params = (node.params as unknown[] | undefined) ?? [];
    const callsHelper = node.type === 'SubExpression' || ((node.type === 'MustacheStatement' || node.type === 'BlockStatement') && (params.length > 0 || node.hash !== undefined));
    if (callsHelper) {
      const name = calleeName(node.path);
      if (!TEMPLATE_HELPERS.includes(name)) issues.push(issue(calleeNode(node.path, node), `calls the helper ${JSON.stringify(name)}, which ai-flow does not have (helpers: ${TEMPLATE_HELPERS.join(', ')})`));
    }
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = isNode(node.name) && node.name.type !== 'SubExpression' ? calleeName(node.name) : null;
      if (name !== null && name !== '@partial-block' && !partials.has(name) && !inline.has(name)) {
        issues.push(issue(calleeNode(node.name, node), `includes the partial ${JSON.stringify(name)}, which does not exist (partials: ${[...partials].join(', ') || 'none'})`));
      }
    }
  });
  return issues;
}

/** The path expressions written between two positions (a failing mustache), in source order. */
export function pathsWithin(ast: Node, from: Position, to: Position): PathNode[] {
  const out: PathNode[] = [];
  visit(ast, (node) => {
    if (node.type !== 'PathExpression' || !node.loc) return;
    const start = { line: node.loc.start.line, column: node.loc.start.column + 1 };
    if (before(start, from) || before(to, start)) return;
    out.push(node as PathNode);
  });
  return out;
}

/** Where a helper or partial named `name` is first called; null when it is not. */
export function firstCall(ast: Node, name: string): Position | null {
  let found: Position | null = null;
  visit(ast, (node) => {
    if (found || !node.loc) return;
    const callee = node.type.startsWith('Partial') ? node.name : node.path;
    if (isNode(callee) && calleeName(callee) === name) {
      const at = callee.loc ?? node.loc;
      found = { line: at.start.line, column: at.start.column + 1 };
    }
  });
  return found;
}

/**
 * A Handlebars parse error, whose message is "Parse error on line N:", an excerpt of the
 * source around the error, a caret line, and what the parser expected.
 */
export function describeParseError(source: string, err: unknown): TemplateIssue {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n');
  const head = /^(Parse|Lexical) error on line (\d+)/.exec(lines[0]);
  if (!head || lines.length < 3) {
    const at = / - (\d+):(\d+)$/.exec(lines[0]);
    return { line: Number(at?.[1] ?? 0), column: at ? Number(at[2]) + 1 : 0, message: text.replace(/ - \d+:\d+$/, '').replace(/\n+/g, ' ') };
  }
  const line = Number(head[2]);
  const excerpt = lines[1];
  const caret = lines[2].indexOf('^');
  const before = excerpt.slice(0, caret).replace(/^\.\.\./, '');
  const expected = lines.slice(3).join(' ').trim();
  const marked = `${excerpt.slice(0, caret)}▶${excerpt.slice(caret)}`;
  return { line, column: columnOf(source, line, before), message: `${head[1]} error: ${expected || 'unrecognized text'} — at ▶ in ${JSON.stringify(marked)}` };
}

/** The column on `line` right after `before` (the parser's excerpt drops newlines, so match its longest tail). */
function columnOf(source: string, line: number, before: string): number {
  const text = source.split('\n')[line - 1] ?? '';
  for (let k = before.length; k > 0; k--) {
    const at = text.indexOf(before.slice(-k));
    if (at !== -1) return at + k + 1;
  }
  return 1;
}

function visit(node: unknown, fn: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, fn);
    return;
  }
  if (!isNode(node)) return;
  fn(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value) || isNode(value)) visit(value, fn);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function calleeName(path: unknown): string {
  if (!isNode(path)) return '';
  if (path.type === 'PathExpression') return (path as PathNode).original;
  return literal(path) ?? path.type;
}

function literal(node: unknown): string | null {
  return isNode(node) && 'value' in node && node.type !== 'PathExpression' ? String(node.value) : null;
}

/** The name's own node, for its position; the whole statement when the name has none. */
function calleeNode(callee: unknown, node: Node): Node {
  return isNode(callee) && callee.loc ? callee : node;
}

function issue(node: Node, message: string): TemplateIssue {
  return { line: node.loc?.start.line ?? 0, column: (node.loc?.start.column ?? 0) + 1, message };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** Whether `path` is the callee of a mustache, block or sub-expression that passes it arguments. */
export function isCalledWithArguments(ast: Node, path: Node): boolean {
  let called = false;
  visit(ast, (node) => {
    if (node.path === path && ((node.params as unknown[] | undefined)?.length ?? 0) + (node.hash ? 1 : 0) > 0) called = true;
  });
  return called;
}

export type { Node as TemplateNode, PathNode as TemplatePath };
