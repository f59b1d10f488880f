import { knownText } from './known-texts.js';
import { sha256Data, sha256Text } from './sha256.js';

/** sha256 of a text's UTF-8 bytes, in hex. A shipped text's hash comes from the build (known-texts.ts). */
export function sha256(text: string): string {
  return knownText(text)?.sha256 ?? sha256Text(text);
}

/** sha256 of bytes, in hex. */
export const sha256Bytes = sha256Data;
