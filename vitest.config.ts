import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Child processes, not worker threads: the CLI tests run the CLI in-process in its working
    // directory (process.chdir, which worker threads may not call).
    pool: 'forks',
    // CI has 2 cores; a few end-to-end tests still start the built CLI.
    testTimeout: 30_000,
  },
});
