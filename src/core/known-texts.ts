/**
 * Facts about texts worked out before the run, at build time (the pack image): their UTF-8
 * bytes, sha256 and a gzip member of the bytes. Keyed by the text itself, so a fact only ever
 * serves the very text it was made from; hashing, encoding and compressing ask here first.
 */
export interface TextFacts {
  sha256: string;
  bytes: Buffer;
  gzipMember: Buffer;
}

const known = new Map<string, TextFacts>();

export function rememberText(text: string, facts: TextFacts): void {
  known.set(text, facts);
}

export function knownText(text: string): TextFacts | undefined {
  return known.get(text);
}
