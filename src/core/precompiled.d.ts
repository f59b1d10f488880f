/** The build's precompiled templates (scripts/build.mjs, plugin "precompiled-templates"). */
declare module 'ai-flow:precompiled' {
  const specs: Record<string, TemplateSpecification>;
  export default specs;
}
