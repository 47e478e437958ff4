import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/global-build.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
