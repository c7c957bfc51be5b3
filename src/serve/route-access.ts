import type { Scope } from '../contracts/index.js';

/**
 * What a route needs: a scope, or nothing (`public`). A route that no rule names is refused
 * to every key: access is closed by default, so a new route is unreachable until a rule
 * here opens it (test/route-access.test.ts checks that every route the server registers has one).
 */
export type Access = Scope | 'public';

interface AccessRule {
  /** HTTP methods, or '*' for any. */
  methods: readonly string[] | '*';
  /** A route pattern as fastify registers it (`/api/v1/themes/:id`); `/x/*` is `/x` and everything under it. */
  route: string;
  access: Access;
}

const READ = ['GET', 'HEAD'] as const;

/**
 * The access table, first matching rule wins. Open: `/api/v1/health` (liveness probes carry
 * no key) and `/openapi.json` (it describes the routes, never data; a client reads it before
 * it has a key). `/api/v1/metrics` falls under insights:read: it shows request counts and
 * the number of verbatims analysed, less than that scope already reads, and a Prometheus
 * scraper sends a bearer key without needing one that can write.
 */
const ACCESS_RULES: readonly AccessRule[] = [
  { methods: READ, route: '/api/v1/health', access: 'public' },
  { methods: READ, route: '/openapi.json', access: 'public' },
  // The dashboard's own files (scripts/build-dashboard.ts): code, no data; it asks for a key
  // when the API does.
  ...['/', '/index.html', '/app.js', '/app.css', '/favicon.svg'].map((route) => ({ methods: READ, route, access: 'public' as const })),
  { methods: '*', route: '/api/v1/subscriptions/*', access: 'subscriptions:write' },
  { methods: ['POST'], route: '/api/v1/runs', access: 'runs:write' },
  { methods: READ, route: '/api/v1/*', access: 'insights:read' },
  { methods: '*', route: '/admin/*', access: 'admin' },
];

function matches(pattern: string, route: string): boolean {
  if (!pattern.endsWith('/*')) return route === pattern;
  const base = pattern.slice(0, -2);
  return route === base || route.startsWith(`${base}/`);
}

/** The access a route needs, or null when no rule names it (refused). */
export function accessOf(method: string, route: string): Access | null {
  for (const rule of ACCESS_RULES) if ((rule.methods === '*' || rule.methods.includes(method)) && matches(rule.route, route)) return rule.access;
  return null;
}
