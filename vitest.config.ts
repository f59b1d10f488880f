import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e tests spawn the CLI; two workers match the 2-core machines this runs on.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
