import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The build inlines the precompiled templates; unbundled sources compile them on the fly.
  // sha256.wat is assembled by the build, and by sha256-wasm-unbundled.ts for the sources.
  resolve: {
    alias: {
      'ai-flow:precompiled': new URL('./src/core/precompiled-none.ts', import.meta.url).pathname,
      'ai-flow:sha256-wasm': new URL('./src/core/sha256-wasm-unbundled.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e tests spawn the CLI; two workers match the 2-core machines this runs on.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
