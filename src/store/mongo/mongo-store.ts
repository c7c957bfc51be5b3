import type { Db, MongoClient, WriteConcernSettings } from 'mongodb';
import { emptyCounts, type Insight, type Reject, type Run, type RunCounts } from '../../contracts/index.js';
import type { InsightPartial } from '../../core/insights/partial-types.js';
import type { InsightQuery, Store } from '../store.js';
import { COLLECTIONS, createIndexes } from './collections.js';
import { fromAnalysisDoc, toAnalysisDoc, type AnalysisDoc } from './analysis-doc.js';
import { claimVerbatims, type ClaimDoc } from './claims.js';
import { insertUnique } from './insert-unique.js';
import { withTransientErrors } from './transient-errors.js';
import { fromPartialDoc, toPartialDoc, type PartialDoc } from './partial-doc.js';
import { fromRollupDoc, rollupId, toRollupDoc, type RollupDoc } from './rollup-doc.js';

type RunDoc = Omit<Run, 'id'> & { _id: string };

export interface MongoStoreOptions {
  client: MongoClient;
  database: string;
  writeConcern?: WriteConcernSettings;
  /** Closes the client with the store (the default); false when the caller shares it. */
  ownsClient?: boolean;
}

const COUNT_FIELDS = ['read', 'analyzed', 'rejected', 'duplicates', 'unsupportedLanguage', 'undated'] as const satisfies ReadonlyArray<keyof RunCounts>;
const NO_ID = { projection: { _id: 0 } } as const;

/**
 * The store on MongoDB (and FerretDB v1, which the tests run against). Write patterns that
 * are fast on both: analyses, rejects, partials and insights by unordered insertMany under
 * unique keys; runs (few, small) updated by _id; insights replaced per run as a new
 * generation, never incremented. Reads are by equality keys, with no server-side
 * aggregation (FerretDB v1's $group is unreliable, see partialProgress). A lost server
 * surfaces as TransientError (transient-errors.ts).
 */
export function createMongoStore(options: MongoStoreOptions): Store {
  const db: Db = options.client.db(options.database);
  const wc = options.writeConcern ? { writeConcern: options.writeConcern } : {};
  const runs = db.collection<RunDoc>(COLLECTIONS.runs, wc);
  const analyses = db.collection<AnalysisDoc>(COLLECTIONS.analyses, wc);
  const rejects = db.collection<Reject>(COLLECTIONS.rejects, wc);
  const partials = db.collection<PartialDoc>(COLLECTIONS.partials, wc);
  const insights = db.collection<Insight>(COLLECTIONS.insights, wc);
  const claims = db.collection<ClaimDoc>(COLLECTIONS.claims, wc);
  const rollups = db.collection<RollupDoc>(COLLECTIONS.rollups, wc);

  const currentGeneration = async (runId: string): Promise<number | undefined> =>
    (await runs.findOne({ _id: runId }, { projection: { insightGeneration: 1 } }))?.insightGeneration;

  return withTransientErrors({
    init: () => createIndexes(db),
    async close() {
      if (options.ownsClient !== false) await options.client.close();
    },

    async createRun(run) {
      const { id, ...rest } = run;
      return (await insertUnique(runs, [{ _id: id, ...rest }])).inserted === 1;
    },
    async getRun(id) {
      const doc = await runs.findOne({ _id: id });
      return doc && fromRunDoc(doc);
    },
    async updateRun(id, patch) {
      const { id: _ignored, ...fields } = patch as Partial<Run>;
      const entries = Object.entries(fields);
      const set = Object.fromEntries(entries.filter(([, v]) => v !== undefined));
      const unset: Record<string, true> = Object.fromEntries(entries.filter(([, v]) => v === undefined).map(([k]) => [k, true]));
      const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
      if (Object.keys(update).length > 0) await runs.updateOne({ _id: id }, update);
    },
    async listRuns() {
      return (await runs.find({}).sort({ startedAt: 1, _id: 1 }).toArray()).map(fromRunDoc);
    },

    claimVerbatims: (dataset, runId, ids) => claimVerbatims(claims, dataset, runId, ids),
    putAnalyses: (docs) => insertUnique(analyses, docs.map(toAnalysisDoc)),
    putRejects: (docs) =>
      insertUnique(
        rejects,
        docs.map((r) => ({ ...r })),
      ),
    putPartial: async (partial) => insertUnique(partials, [await toPartialDoc(partial)]),

    async *analyses(runId, skip = 0) {
      // The server passes over the first `skip`: they are neither sent nor parsed here.
      for await (const doc of analyses.find({ runId }, { ...NO_ID, ...(skip > 0 ? { skip } : {}) })) yield fromAnalysisDoc(doc);
    },
    async *rejects(runId) {
      yield* rejects.find({ runId }, NO_ID);
    },
    async *partials(runId): AsyncIterable<InsightPartial> {
      for await (const doc of partials.find({ runId }, { projection: { _id: 0, body: 1 } })) yield fromPartialDoc(doc);
    },
    async partialKeys(runId) {
      const docs = await partials.find({ runId }, { projection: { _id: 0, key: 1 } }).toArray();
      return new Set(docs.map((d) => d.key));
    },
    /**
     * Summed here, not with $group: FerretDB v1.24.2 computes only the first accumulator of
     * a $group and silently returns 0 for the others. A run has a few thousand partials at
     * most, and only their top-level count fields are read.
     */
    async partialProgress(runId) {
      const projection = { _id: 0, ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, 1])) };
      let batches = 0;
      const counts = emptyCounts();
      for await (const doc of partials.find({ runId }, { projection })) {
        batches++;
        for (const f of COUNT_FIELDS) counts[f] += doc[f] ?? 0;
      }
      return { batches, counts };
    },

    /**
     * Delete, then insert: an upsert costs FerretDB a scan per document (SERVICES.md). A
     * reader in between misses the rollup and recomputes it (pipeline/rollups.ts); the same
     * one stored by both is a duplicate key, and a stale one left by a race is recomputed
     * by the next reader, whose sources differ.
     */
    async putRollups(next) {
      if (next.length === 0) return;
      const docs = await Promise.all(next.map(toRollupDoc));
      await rollups.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
      await insertUnique(rollups, docs);
    },
    async rollupIndex(owner) {
      return rollups.find({ owner }, { projection: { _id: 0, owner: 1, bucket: 1, sources: 1 } }).toArray();
    },
    async *rollups(owner, buckets) {
      const filter = buckets ? { _id: { $in: buckets.map((b) => rollupId(owner, b)) } } : { owner };
      for await (const doc of rollups.find(filter)) yield fromRollupDoc(doc);
    },
    async deleteRollups(owner, buckets) {
      if (buckets.length > 0) await rollups.deleteMany({ _id: { $in: buckets.map((b) => rollupId(owner, b)) } });
    },

    /**
     * New generation first (a retry re-inserts the same keys: duplicates), then the run is
     * switched to it, then older generations are deleted: a reader sees one generation whole.
     */
    async replaceInsights(runId, generation, next) {
      await insertUnique(
        insights,
        next.map((i) => ({ ...i })),
      );
      await runs.updateOne({ _id: runId }, { $set: { insightGeneration: generation } });
      await insights.deleteMany({ runId, generation: { $ne: generation } });
    },
    async insights(q: InsightQuery) {
      const generation = await currentGeneration(q.runId);
      const filter = {
        runId: q.runId,
        ...(generation === undefined ? {} : { generation }),
        ...(q.themeId === undefined ? {} : { themeId: q.themeId }),
        ...(q.bucket === undefined ? {} : { bucket: q.bucket }),
        ...(q.facet === undefined ? {} : { facet: q.facet }),
      };
      return insights.find(filter, NO_ID).toArray();
    },
  });
}

const fromRunDoc = ({ _id, ...rest }: RunDoc): Run => ({ id: _id, ...rest });
