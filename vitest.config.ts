import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Starts Redis and FerretDB (scripts/services.sh) once for every project.
    globalSetup: ['test/setup/services.global.ts'],
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/faults/**'], sequence: { groupOrder: 0 } } },
      // Fault tests stop and restart the shared Redis and FerretDB: they run after every other
      // file, one file at a time, so no other test sees their outages.
      { extends: true, test: { name: 'faults', include: ['test/faults/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
