import type { Db, IndexDescription } from 'mongodb';

/** Collection names; one database holds one frictionlens installation. */
export const COLLECTIONS = {
  runs: 'runs',
  analyses: 'analyses',
  rejects: 'rejects',
  partials: 'partials',
  insights: 'insights',
  claims: 'claims',
  rollups: 'rollups',
} as const;

/**
 * Every index, declared here and created at start-up (createIndexes is a no-op when they
 * exist). The unique ones are the store's keys: a second write of a key is a duplicate-key
 * error, counted as "already stored". Runs and claims (claim-doc.ts) are keyed by _id, and so
 * are rollups (rollup-doc.ts), which are read by owner.
 */
const INDEXES: Record<Exclude<keyof typeof COLLECTIONS, 'runs' | 'claims'>, IndexDescription[]> = {
  analyses: [{ name: 'run_verbatim', key: { runId: 1, verbatimId: 1 }, unique: true }],
  rejects: [{ name: 'run_source_row', key: { runId: 1, source: 1, row: 1 }, unique: true }],
  partials: [{ name: 'run_key', key: { runId: 1, key: 1 }, unique: true }],
  rollups: [{ name: 'owner', key: { owner: 1 } }],
  insights: [
    { name: 'run_generation_theme_scope', key: { runId: 1, generation: 1, themeId: 1, bucket: 1, facet: 1 }, unique: true },
    // `top` and `status` read one scope of the current generation by equality.
    { name: 'run_generation_scope', key: { runId: 1, generation: 1, facet: 1, bucket: 1 } },
  ],
};

/**
 * One index per createIndexes call: FerretDB v1.24.2 drops the connection (a server-side
 * "slice bounds out of range" panic) when one call names several indexes that all exist.
 */
export async function createIndexes(db: Db): Promise<void> {
  for (const [name, indexes] of Object.entries(INDEXES)) {
    for (const index of indexes) await db.collection(name).createIndexes([index]);
  }
}
