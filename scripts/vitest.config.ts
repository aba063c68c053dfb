/**
 * Tests: unit tests beside the code (scripts/**, src/**), and site tests (scripts/e2e/) over a site
 * built once from the bundled study into .build/test-site-<pid> by the global setup.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['scripts/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['scripts/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['scripts/e2e/**/*.test.ts'],
          globalSetup: ['scripts/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
