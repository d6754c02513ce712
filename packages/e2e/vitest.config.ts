import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // CLI processes are heavy on 2 cores: one test file at a time.
    fileParallelism: false,
  },
});
