import Handlebars from 'handlebars';
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
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  /** Partial sources, to locate an error raised inside one. */
  private readonly partials: TemplateSource[] = [];

  constructor() {
    // Quoted scalars for front matter and TOML: a JSON string is a valid YAML
    // double-quoted scalar and a valid TOML basic string, whatever the user typed.
    // Several arguments are joined first: {{quote name " rules"}}.
    this.hb.registerHelper('quote', (...args: unknown[]) => JSON.stringify(args.slice(0, -1).map(String).join('')));
    // One line for places that cannot hold a newline (a front-matter description).
    this.hb.registerHelper('oneLine', (value: unknown) => String(value).replace(/\s*\r?\n\s*/g, ' ').trim());
    // A template writes files and nothing else: Handlebars' `log` would print from a pack.
    this.hb.registerHelper('log', () => {
      throw new Error('Missing helper: "log"');
    });
  }

  /** Partials are compiled once here; registered as source, Handlebars would recompile them at every use. */
  registerPartial(name: string, source: string, file = `partial ${name}`): void {
    this.hb.registerPartial(name, this.templateFor(source));
    this.partials.push({ file, source });
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
    return spec === undefined ? this.hb.compile(source, OPTIONS) : this.hb.template(spec);
  }
}
