import { createRequire } from 'node:module';

/** node:zlib, loaded on first use: most runs read no archive and merge nothing (≈3 ms to load). */
const requireBuiltin = createRequire(import.meta.url);
export function zlib(): typeof import('node:zlib') {
  return requireBuiltin('node:zlib') as typeof import('node:zlib');
}
