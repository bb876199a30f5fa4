import { defineConfig } from 'vitest/config';

// Unit and integration tests run in parallel; the end-to-end tier shares one lab and runs its files one by one.
// Every project runs under its own TMPDIR (test/support/scratch-root.ts), removed when the run ends.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Runs the CLI records go to a temporary state folder, never the user's history.
    globalSetup: ['test/support/state-home.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/support/scratch-root.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          globalSetup: ['test/support/scratch-root.ts', 'test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
