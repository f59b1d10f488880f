import { knownText } from './known-texts.js';
import { sha256Data, sha256Text } from './sha256.js';

/** sha256 of a text's UTF-8 bytes, in hex. A shipped text's hash comes from the build (known-texts.ts). */
export function sha256(text: string): string {
  return knownText(text)?.sha256 ?? sha256Text(text);
}

/** sha256 of bytes, in hex. */
export function sha256Bytes(data: Uint8Array): string {
  return sha256Data(data);
}

/**
 * `bytes` random bytes in hex, for the names of a run's own folder and files. Math.random is
 * enough: V8 seeds it from the system at every start, so no repository can hold a file of
 * such a name in advance (and the run folder is made exclusively: a taken name is an error).
 */
export function randomHex(bytes: number): string {
  let hex = '';
  for (let i = 0; i < bytes; i++) hex += Math.floor(Math.random() * 256).toString(16).padStart(2, '0');
  return hex;
}
