import { defineConfig } from 'vitest/config';

// Some tests score whole real datasets; CI machines are shared and slow down under load.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
