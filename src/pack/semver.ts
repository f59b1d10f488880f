/**
 * The part of semantic versioning a pack manifest needs: is a version valid, and does the
 * running ai-flow satisfy a pack's `aiFlow` range. Ranges use npm's syntax (`^0.1.0`,
 * `~1.2`, `>=0.1.0 <0.3.0`, `1.x`, `1.2.3 - 1.4.0`, `a || b`). Pre-release tags are ignored
 * when matching: a pack that works with 0.2.0 works with 0.2.0-rc.1.
 */

export const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

type Triple = [number, number, number];
interface Comparator {
  op: '<' | '<=' | '>' | '>=' | '=';
  v: Triple;
}

export function isVersion(text: string): boolean {
  return VERSION_RE.test(text);
}

/** True when `version` satisfies `range`; throws RangeError for a range it cannot read. */
export function satisfies(version: string, range: string): boolean {
  const m = VERSION_RE.exec(version);
  if (!m) throw new RangeError(`"${version}" is not a version`);
  const v: Triple = [Number(m[1]), Number(m[2]), Number(m[3])];
  return parseRange(range).some((set) => set.every((c) => test(v, c)));
}

/** Returns why `range` cannot be read, or null when it can. */
export function checkRange(range: string): string | null {
  try {
    parseRange(range);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function parseRange(range: string): Comparator[][] {
  if (range.length > 200) throw new RangeError('is longer than 200 characters');
  return range.split('||').map((alternative) => {
    const text = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) return [...bound('>=', hyphen[1]), ...bound('<=', hyphen[2])];
    if (text === '') return [];
    return text.split(/\s+/).flatMap(comparators);
  });
}

function comparators(token: string): Comparator[] {
  const m = /^(\^|~|>=|<=|>|<|=)?v?(.+)$/.exec(token);
  if (!m) throw new RangeError(`cannot read "${token}"`);
  const op = m[1] ?? '';
  const partial = m[2];
  if (op === '^' || op === '~') {
    const [v, known] = readPartial(partial);
    if (known === 0) return [];
    const upper: Triple = op === '~'
      ? (known === 1 ? [v[0] + 1, 0, 0] : [v[0], v[1] + 1, 0])
      : v[0] > 0 || known === 1 ? [v[0] + 1, 0, 0] : v[1] > 0 || known === 2 ? [0, v[1] + 1, 0] : [0, 0, v[2] + 1];
    return [{ op: '>=', v }, { op: '<', v: upper }];
  }
  return bound(op === '' ? '=' : (op as Comparator['op']), partial);
}

/** A comparator against a version that may leave parts out (`1`, `1.2`, `1.x`). */
function bound(op: Comparator['op'], partial: string): Comparator[] {
  const [v, known] = readPartial(partial);
  if (known === 3) return [{ op, v }];
  if (known === 0) return op === '<' || op === '>' ? [{ op: '<', v: [0, 0, 0] }] : [];
  const next: Triple = known === 1 ? [v[0] + 1, 0, 0] : [v[0], v[1] + 1, 0];
  switch (op) {
    case '=': return [{ op: '>=', v }, { op: '<', v: next }];
    case '>': case '<=': return [{ op: op === '>' ? '>=' : '<', v: next }];
    default: return [{ op, v }];
  }
}

/** `1.2.x` → [[1, 2, 0], 2]: the version with missing parts as 0, and how many parts were given. */
function readPartial(text: string): [Triple, number] {
  const full = VERSION_RE.exec(text);
  if (full) return [[Number(full[1]), Number(full[2]), Number(full[3])], 3];
  const parts = text.split('.');
  if (parts.length > 3 || parts.some((p) => !/^(0|[1-9]\d*|x|X|\*)$/.test(p))) throw new RangeError(`cannot read "${text}" as a version`);
  const known = parts.findIndex((p) => /^[xX*]$/.test(p));
  const count = known === -1 ? parts.length : known;
  const v: Triple = [0, 0, 0];
  for (let i = 0; i < count; i++) v[i] = Number(parts[i]);
  return [v, count];
}

function test(v: Triple, c: Comparator): boolean {
  const d = compare(v, c.v);
  switch (c.op) {
    case '<': return d < 0;
    case '<=': return d <= 0;
    case '>': return d > 0;
    case '>=': return d >= 0;
    default: return d === 0;
  }
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
