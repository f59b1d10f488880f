import { createRequire } from 'node:module';

/**
 * Loads the whole of Handlebars, synchronously. The build replaces this module with a plain
 * `require('handlebars')`, which the bundle evaluates only when called (scripts/build.mjs).
 */
const load = createRequire(import.meta.url);
export function loadCompiler(): typeof import('handlebars') {
  return load('handlebars') as typeof import('handlebars');
}
