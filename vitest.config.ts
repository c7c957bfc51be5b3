import { defineConfig } from 'vitest/config';

/** Starts Redis and FerretDB (scripts/services.sh) for the projects that talk to them. */
const SERVICES = ['test/setup/services.global.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      // Everything that needs no Redis or MongoDB: `npm run test:unit`, no servers, no Go.
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/integration/**', 'test/browser/**'], sequence: { groupOrder: 0 } },
      },
      // Real Redis and FerretDB over the network.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/faults/**'],
          globalSetup: SERVICES,
          sequence: { groupOrder: 0 },
        },
      },
      // The dashboard in Debian's chromium (playwright-core; .ci/run installs it with apt-get).
      // A real browser against serve on the real Redis and FerretDB.
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: SERVICES, sequence: { groupOrder: 0 } } },
      // Fault tests stop and restart the shared Redis and FerretDB: they run after every other
      // file, one file at a time, so no other test sees their outages.
      {
        extends: true,
        test: { name: 'faults', include: ['test/integration/faults/**/*.test.ts'], fileParallelism: false, globalSetup: SERVICES, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
