import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Each file migrates its own fresh database; PGlite start-up and argon2 make the first requests slow.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
