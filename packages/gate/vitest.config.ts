import { defineConfig } from 'vitest/config';

// CI machines are shared and slow down under load: give each test room (its own limits stay tight).
export default defineConfig({ test: { testTimeout: 30_000 } });
