/** Stands in for the build's precompiled templates when the sources run unbundled (vitest). */
const specs: Record<string, TemplateSpecification> = {};
export default specs;
