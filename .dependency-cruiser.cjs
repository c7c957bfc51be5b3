/**
 * The layers of frictionlens (DESIGN.md "Layers"), checked by `npm run lint` (first in
 * `npm test`); a violating import fails it. Arrows point down only:
 *
 *   shells        cli/, distributed/handlers/, workers/ (and serve/)
 *   application   pipeline/, runner/, services/, distributed/ (submit, wait, worker plumbing)
 *   adapters      ingest/, store/, queue/, load/ (and deliver/)
 *   core          pure functions; models arrive as arguments
 *   vocabulary    contracts/ (zod schemas), errors/
 *
 * Beside them, dashboard/ is browser code (bundled by esbuild, served by serve/): a client of
 * the HTTP API that imports pure core/ code and the vocabulary's types, never Node or the rest.
 */
const SHELLS = '^(src/(cli|serve|distributed/handlers)/|workers/)';
const APPLICATION = '^src/(pipeline|runner|services|distributed)/';
const ADAPTERS = '^src/(ingest|store|queue|load|deliver)/';
/** Code with no I/O: the core, and the dashboard (it runs in a browser). */
const PURE = '^src/(core|dashboard)/';
/** Packages with I/O, servers, global state or a model to load: never imported by the core. */
const IMPURE_PACKAGES = 'node_modules/(mongodb|bullmq|ioredis|fastify|@fastify|pino|prom-client|csv-parse|tinyld|wink-eng-lite-web-model|playwright-core)/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'a cycle makes load order matter and layers meaningless', from: {}, to: { circular: true } },
    { name: 'not-to-unresolvable', severity: 'error', comment: 'an import that resolves to nothing', from: {}, to: { couldNotResolve: true } },
    {
      name: 'vocabulary-imports-nothing-of-ours',
      severity: 'error',
      comment: 'contracts/ and errors/ sit below everything: they import only each other (and zod)',
      from: { path: '^src/(contracts|errors)/' },
      to: { path: '^src/', pathNot: '^src/(contracts|errors)/' },
    },
    {
      name: 'core-imports-core-contracts-errors',
      severity: 'error',
      comment: 'core/ is pure: it imports only core/, contracts/, errors/ and pure packages',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core|contracts|errors)/' },
    },
    {
      name: 'pure-code-has-no-node-builtins',
      severity: 'error',
      comment: 'no fs, net, worker_threads, module... in the core (I/O belongs to adapters and shells) nor in the dashboard (browser code)',
      from: { path: PURE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-code-has-no-impure-packages',
      severity: 'error',
      comment:
        'drivers, servers and loaded models (wink-eng-lite-web-model, tinyld) are passed to the core, never imported by it; none has a place in the browser bundle',
      from: { path: PURE },
      to: { path: IMPURE_PACKAGES },
    },
    {
      name: 'dashboard-is-browser-code',
      severity: 'error',
      comment:
        'dashboard/ runs in a browser: it imports dashboard/, pure core/ and contracts/ (types only; scripts/build-dashboard.ts fails a bundle that holds zod)',
      from: { path: '^src/dashboard/' },
      to: { path: '^src/', pathNot: '^src/(dashboard|core|contracts)/' },
    },
    {
      name: 'nothing-imports-the-dashboard',
      severity: 'error',
      comment: 'the dashboard is an entry point of its own (bundled, then served as files)',
      from: { path: '^src/', pathNot: '^src/dashboard/' },
      to: { path: '^src/dashboard/' },
    },
    {
      name: 'adapters-import-no-application-or-shell',
      severity: 'error',
      comment: 'ingest, store, queue and load are used by the application and the shells, never the other way',
      from: { path: ADAPTERS },
      to: { path: `${APPLICATION}|${SHELLS}` },
    },
    {
      name: 'only-shells-import-shells',
      severity: 'error',
      comment: 'shells wire the rest together; nothing below them may depend on one',
      from: { path: '^src/', pathNot: SHELLS },
      to: { path: SHELLS },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc parses the
    // sources instead, type-only imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Resolve packages through their export maps as Node does (csv-parse/sync, tinyld).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
