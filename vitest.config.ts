import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
    // One file per core: an API test file spends much of its time in PGlite and its own database,
    // so every core is kept busy (vitest's default leaves one idle).
    maxWorkers: availableParallelism(),
  },
});
