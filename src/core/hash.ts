import { createRequire } from 'node:module';
import { knownText } from './known-texts.js';

/** node:crypto, loaded on first use: it costs about 8 ms to load, and a run may hash only texts it already knows. */
const requireBuiltin = createRequire(import.meta.url);
const crypto = (): typeof import('node:crypto') => requireBuiltin('node:crypto') as typeof import('node:crypto');

/** sha256 of a text's UTF-8 bytes, in hex. A shipped text's hash comes from the build (known-texts.ts). */
export function sha256(text: string): string {
  const known = knownText(text);
  if (known) return known.sha256;
  const c = crypto();
  // One-shot hashing where Node has it (20.12+, 21.7+): no hash object per call.
  return c.hash ? c.hash('sha256', text, 'hex') : c.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 of bytes, in hex. */
export function sha256Bytes(data: Buffer): string {
  return crypto().createHash('sha256').update(data).digest('hex');
}

/** `bytes` random bytes in hex, for names no other run picks (run folders, lock take-overs). */
export function randomHex(bytes: number): string {
  return crypto().randomBytes(bytes).toString('hex');
}
