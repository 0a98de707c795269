import { defineConfig } from 'vitest/config';

// One run across the workspace. Each test file that needs Redis spawns its own redis-server
// (see @alphatrader/testkit), so files can run in parallel forks without sharing state.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 15_000,
  },
});
