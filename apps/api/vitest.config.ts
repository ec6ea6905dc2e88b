import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The migrated, Kota-Bandung-seeded database is built once; every file starts from its own copy.
    globalSetup: ['test/setup/global-setup.ts'],
    // Files share a worker's loaded modules (the app, drizzle, PGlite's WASM): each file builds its own
    // app on its own database, and no module keeps state between files.
    isolate: false,
    // PGlite start-up and argon2 make the first requests of a file slow.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
