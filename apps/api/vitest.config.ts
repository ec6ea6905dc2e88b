import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The migrated, Kota-Bandung-seeded database is built once; every file starts from its own copy.
    globalSetup: ['test/setup/global-setup.ts'],
    // PGlite start-up and argon2 make the first requests of a file slow.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
