import Runtime from 'handlebars/runtime';
import { loadCompiler } from './handlebars-compiler.js';

/**
 * Handlebars in two parts. The runtime runs the templates the build precompiled: all a run of
 * the built-in pack needs. The compiler (parser and code generator, most of the library) is
 * loaded on first use: a team pack's own template, a lint, the parse behind an error message.
 */
export type HandlebarsLib = typeof import('handlebars');

export const runtime = Runtime as unknown as HandlebarsLib;

let full: HandlebarsLib | undefined;
export function compiler(): HandlebarsLib {
  return (full ??= loadCompiler());
}
