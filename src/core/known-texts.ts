/**
 * Facts about texts worked out before the run, at build time (the pack image): their UTF-8
 * bytes, sha256 and a gzip member of the bytes. Keyed by the text itself, so a fact only ever
 * serves the very text it was made from; hashing, encoding and compressing ask here first.
 * And the shipped bytes by their sha256, so that an unedited installed file is recognised by
 * comparing bytes rather than hashing them.
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

let shippedLookup: (sha256: string) => Buffer | undefined = () => undefined;

export function rememberShippedBytes(lookup: (sha256: string) => Buffer | undefined): void {
  shippedLookup = lookup;
}

/** The bytes of the shipped file with this sha256, when the pack image is open and has one. */
export function shippedBytes(sha256: string): Buffer | undefined {
  return shippedLookup(sha256);
}
