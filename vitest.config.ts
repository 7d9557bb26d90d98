import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Lab and client tests start servers and namespaces; two cores cannot run many at once.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
