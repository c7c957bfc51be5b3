import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyCounts, type Analysis, type Insight, type Reject, type Run } from '../contracts/index.js';
import { accumulatePartial, addCounts } from '../core/insights/merge.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import { JsonlCollection } from './jsonl-collection.js';
import type { InsightQuery, PartialProgress, Rollup, Store, WriteResult } from './store.js';

interface RunFiles {
  analyses: JsonlCollection<Analysis>;
  rejects: JsonlCollection<Reject>;
  partials: JsonlCollection<InsightPartial> | MergedPartials;
}

export interface EmbeddedStoreOptions {
  /** Where the files go (default: a temporary folder, removed on close). */
  dir?: string;
  /**
   * false: analyses are counted and their keys kept, but not written, and read back as
   * none. For a run whose analyses nobody reads (analyze without --out): at ~2 KB of JSON
   * each they are the largest write of the run.
   */
  keepAnalyses?: boolean;
  /**
   * true: partials are added into one per run as they are put, and read back as that one
   * sum (their keys and counts are kept). Every reader of partials merges them by addition
   * anyway (DESIGN.md), so the insights are the same, without writing and re-reading a
   * partial per batch (~0.8 MB of JSON each with the bootstrap replicates). The store adopts
   * a put partial's parts: the caller must not touch it afterwards.
   */
  mergePartials?: boolean;
}

/** The merged-partials mode's per-run state: the sum so far and the keys added into it. */
class MergedPartials {
  private readonly keys = new Set<string>();
  private sum: InsightPartial | null = null;

  put(partial: InsightPartial): number {
    if (this.keys.has(partial.key)) return 0;
    this.keys.add(partial.key);
    if (this.sum === null) this.sum = partial;
    else accumulatePartial(this.sum, partial);
    return 1;
  }

  async *read(): AsyncIterable<InsightPartial> {
    // A copy: the caller (the aggregate stage) absorbs what it reads.
    if (this.sum !== null) yield structuredClone(this.sum);
  }

  progress(): PartialProgress {
    return { batches: this.keys.size, counts: this.sum?.counts ?? emptyCounts() };
  }

  keySet(): Set<string> {
    return new Set(this.keys);
  }

  async close(): Promise<void> {}
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * The zero-set-up store of embedded mode: runs and insights in memory, analyses, rejects and
 * partials appended to files under `dir` (a temporary folder, removed on close, when none is
 * given), so memory stays bounded whatever the input size.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): Store {
  const { dir, keepAnalyses = true, mergePartials = false } = options;
  const root = dir ?? mkdtempSync(join(tmpdir(), 'frictionlens-'));
  const ownsRoot = dir === undefined;
  const runs = new Map<string, Run>();
  const files = new Map<string, RunFiles>();
  let insights: Insight[] = [];
  /** Per dataset: verbatim id -> the run that claimed it. */
  const claims = new Map<string, Map<string, string>>();
  /** Per owner: bucket -> rollup. */
  const rollups = new Map<string, Map<string, Rollup>>();

  const filesOf = (runId: string): RunFiles => {
    let f = files.get(runId);
    if (!f) {
      const folder = join(root, encodeURIComponent(runId));
      mkdirSync(folder, { recursive: true });
      f = {
        analyses: new JsonlCollection(join(folder, 'analyses.jsonl'), keepAnalyses),
        rejects: new JsonlCollection(join(folder, 'rejects.jsonl')),
        partials: mergePartials ? new MergedPartials() : new JsonlCollection(join(folder, 'partials.jsonl')),
      };
      files.set(runId, f);
    }
    return f;
  };

  /** Groups documents by run so each goes to its run's files. */
  const insertByRun = async <T extends { runId: string }>(
    docs: readonly T[],
    pick: (f: RunFiles) => Pick<JsonlCollection<T>, 'insert'>,
    keyOf: (d: T) => string,
  ): Promise<WriteResult> => {
    const byRun = new Map<string, T[]>();
    for (const d of docs) {
      const group = byRun.get(d.runId);
      if (group) group.push(d);
      else byRun.set(d.runId, [d]);
    }
    let inserted = 0;
    for (const [runId, group] of byRun) inserted += await pick(filesOf(runId)).insert(group, keyOf);
    return { inserted, duplicates: docs.length - inserted };
  };

  return {
    async init() {},
    async close() {
      for (const f of files.values()) await Promise.all([f.analyses.close(), f.rejects.close(), f.partials.close()]);
      files.clear();
      if (ownsRoot) rmSync(root, { recursive: true, force: true });
    },

    async createRun(run) {
      if (runs.has(run.id)) return false;
      runs.set(run.id, clone(run));
      return true;
    },
    async getRun(id) {
      const run = runs.get(id);
      return run ? clone(run) : null;
    },
    async updateRun(id, patch) {
      const run = runs.get(id);
      if (!run) return;
      const next: Record<string, unknown> = { ...run, ...clone(patch) };
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
      runs.set(id, next as Run);
    },
    async listRuns() {
      return [...runs.values()].map(clone).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
    },

    async claimVerbatims(dataset, runId, ids) {
      let owners = claims.get(dataset);
      if (!owners) claims.set(dataset, (owners = new Map()));
      const taken = new Map<string, string>();
      for (const id of ids) {
        const owner = owners.get(id);
        if (owner === undefined) owners.set(id, runId);
        else if (owner !== runId) taken.set(id, owner);
      }
      return taken;
    },

    putAnalyses: (docs) =>
      insertByRun(
        docs,
        (f) => f.analyses,
        (a) => a.verbatimId,
      ),
    putRejects: (docs) =>
      insertByRun(
        docs,
        (f) => f.rejects,
        (r) => `${r.source}\u0000${r.row}`,
      ),
    async putPartial(p) {
      const partials = filesOf(p.runId).partials;
      if (partials instanceof JsonlCollection)
        return insertByRun(
          [p],
          () => partials,
          (x) => x.key,
        );
      const inserted = partials.put(p);
      return { inserted, duplicates: 1 - inserted };
    },

    analyses: (runId, skip) => filesOf(runId).analyses.read(skip),
    rejects: (runId) => filesOf(runId).rejects.read(),
    partials: (runId) => filesOf(runId).partials.read(),
    async partialKeys(runId) {
      const partials = filesOf(runId).partials;
      if (partials instanceof MergedPartials) return partials.keySet();
      const keys = new Set<string>();
      for await (const p of partials.read()) keys.add(p.key);
      return keys;
    },
    async partialProgress(runId) {
      const partials = filesOf(runId).partials;
      if (partials instanceof MergedPartials) return partials.progress();
      let batches = 0;
      let counts = emptyCounts();
      for await (const p of partials.read()) {
        batches++;
        counts = addCounts(counts, p.counts);
      }
      return { batches, counts };
    },

    async putRollups(next) {
      for (const rollup of next) {
        let owned = rollups.get(rollup.owner);
        if (!owned) rollups.set(rollup.owner, (owned = new Map()));
        owned.set(rollup.bucket, clone(rollup));
      }
    },
    async rollupIndex(owner) {
      return [...(rollups.get(owner)?.values() ?? [])].map(({ partial: _body, ...entry }) => clone(entry));
    },
    async *rollups(owner, buckets) {
      const wanted = buckets && new Set(buckets);
      for (const rollup of [...(rollups.get(owner)?.values() ?? [])]) if (!wanted || wanted.has(rollup.bucket)) yield clone(rollup);
    },
    async deleteRollups(owner, buckets) {
      for (const bucket of buckets) rollups.get(owner)?.delete(bucket);
    },

    async replaceInsights(runId, generation, next) {
      insights = insights.filter((i) => i.runId !== runId).concat(next.map(clone));
      const run = runs.get(runId);
      if (run) runs.set(runId, { ...run, insightGeneration: generation });
    },
    async insights(q: InsightQuery) {
      const generation = runs.get(q.runId)?.insightGeneration;
      return insights
        .filter(
          (i) =>
            i.runId === q.runId &&
            (generation === undefined || i.generation === generation) &&
            (q.themeId === undefined || i.themeId === q.themeId) &&
            (q.bucket === undefined || i.bucket === q.bucket) &&
            (q.facet === undefined || i.facet === q.facet),
        )
        .map(clone);
    },
  };
}
