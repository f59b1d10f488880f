import type Handlebars from 'handlebars';
import type { HandlebarsLib } from './handlebars.js';
import { compiler, runtime } from './handlebars.js';
import { sha256 } from './hash.js';
import type { TemplateSource } from './render-errors.js';
import { explainRenderError } from './render-errors.js';

// The shipped `.hbs` files precompiled by the build, keyed by the sha256 of their source
// (scripts/build.mjs; empty when the sources run unbundled, e.g. in the unit tests).
import PRECOMPILED from 'ai-flow:precompiled';
const OPTIONS = { strict: true, noEscape: true } as const;

/**
 * The Handlebars environment of SPEC §5: `strict` (a missing variable is an error) and
 * `noEscape` (answers appear exactly as typed). Literal `{{...}}` meant for a tool is
 * escaped in the template source (`\{{args}}`), so it survives rendering.
 */
export class Renderer {
  /** Runs the precompiled templates; `compiling` (made on first need) compiles the others. */
  private readonly hb = withHelpers(runtime.create());
  private compiling: HandlebarsLib | undefined;
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  /** Every registered partial, to register on `compiling` too, and its source to locate errors. */
  private readonly partials: (TemplateSource & { name: string; template: Handlebars.TemplateDelegate })[] = [];

  /** Partials are compiled once here; registered as source, Handlebars would recompile them at every use. */
  registerPartial(name: string, source: string, file = `partial ${name}`): void {
    const template = this.templateFor(source);
    this.hb.registerPartial(name, template);
    this.compiling?.registerPartial(name, template);
    this.partials.push({ name, file, source, template });
  }

  /** Renders `source` (named `name` in errors) with `context`; throws RenderError on any failure. */
  render(name: string, source: string, context: object): string {
    let template = this.compiled.get(name);
    if (!template) {
      template = this.templateFor(source);
      this.compiled.set(name, template);
    }
    try {
      return template(context);
    } catch (err) {
      const run = template;
      throw explainRenderError({ file: name, source }, this.partials, err, (ctx) => run(ctx), context);
    }
  }

  /**
   * A template function for `source`. A shipped template is used as precompiled by the build
   * (compiling them all costs ~30 ms per run); any other text, e.g. an edited pack, is compiled.
   */
  private templateFor(source: string): Handlebars.TemplateDelegate {
    const spec = PRECOMPILED[sha256(source)];
    if (spec !== undefined) return this.hb.template(spec);
    if (!this.compiling) {
      this.compiling = withHelpers(compiler().create());
      for (const p of this.partials) this.compiling.registerPartial(p.name, p.template);
    }
    return this.compiling.compile(source, OPTIONS);
  }
}

/**
 * ai-flow's helpers, the same in both environments. Quoted scalars for front matter and TOML:
 * a JSON string is a valid YAML double-quoted scalar and a valid TOML basic string, whatever
 * the user typed; several arguments are joined first: {{quote name " rules"}}.
 */
function withHelpers<T extends HandlebarsLib>(hb: T): T {
  hb.registerHelper('quote', (...args: unknown[]) => JSON.stringify(args.slice(0, -1).map(String).join('')));
  // One line for places that cannot hold a newline (a front-matter description).
  hb.registerHelper('oneLine', (value: unknown) => String(value).replace(/\s*\r?\n\s*/g, ' ').trim());
  // A template writes files and nothing else: Handlebars' `log` would print from a pack.
  hb.registerHelper('log', () => {
    throw new Error('Missing helper: "log"');
  });
  return hb;
}
