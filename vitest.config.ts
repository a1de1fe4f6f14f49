import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI has 2 cores; the end-to-end tests spawn the CLI.
    testTimeout: 30_000,
  },
});
