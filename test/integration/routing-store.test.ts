import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, alertKey, type Digest } from '../../src/contracts/index.js';
import { createPartial, foldAnalysis } from '../../src/core/insights/fold.js';
import { mulberry32 } from '../../src/core/random/mulberry32.js';
import { raiseAlerts } from '../../src/pipeline/raise-alerts.js';
import { refreshDatasetRollups } from '../../src/pipeline/rollups.js';
import { openMongoStore } from '../../src/store/mongo/open.js';
import { openRoutingStore } from '../../src/store/routing/open-routing-store.js';
import { makeAnalysis } from '../helpers/analysis.js';
import type { RoutingStore } from '../../src/store/routing/routing-store.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const db = testNamespace(import.meta.filename);
let store: RoutingStore;

beforeAll(async () => {
  store = await openRoutingStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
});
afterAll(async () => {
  await store?.close();
  await dropDatabase(db);
});

const digest = (label: string, from: string, top: Digest['top'] = []): Digest => ({
  id: `sub_a/${label}`,
  subscriptionId: 'sub_a',
  team: 'billing',
  dataset: 'shop',
  facet: 'channel=chat',
  period: { label, from, to: from },
  previous: { label: 'before', from: '2026-01-01', to: '2026-01-01' },
  window: null,
  top,
  rising: [],
  coverage: null,
  createdAt: '2026-11-30T08:00:00Z',
});

const alert = (bucket: string, kind: Alert['kind'] = 'volume'): Alert => {
  const fields = { dataset: 'shop', themeId: 'billing.double-charge', facet: 'attributes.region=eu', bucket, kind };
  return {
    ...fields,
    key: alertKey(fields),
    themeName: 'Charged twice',
    team: 'billing',
    bucketSize: 'day',
    observed: 40,
    expected: 9.5,
    z: 6.1,
    baseline: 'weekday',
    runId: 'run-1',
    createdAt: `${bucket}T10:00:00Z`,
  };
};

describe('the routing store on MongoDB', () => {
  it("replaces a subscription's digest of a period when it is built again, and lists them newest first", async () => {
    await store.putDigest(digest('2026-11-20', '2026-11-20'));
    await store.putDigest(digest('2026-11-21', '2026-11-21'));
    await store.putDigest({ ...digest('2026-11-20', '2026-11-20'), rising: ['x'] });
    expect((await store.digests('sub_a')).map((d) => [d.period.label, d.rising])).toEqual([
      ['2026-11-21', []],
      ['2026-11-20', ['x']],
    ]);
    expect(await store.digest('sub_a/2026-11-21')).toEqual(digest('2026-11-21', '2026-11-21'));
    expect(await store.digest('sub_a/never')).toBeNull();
    expect(await store.digests('sub_none')).toEqual([]);
  });

  it('claims each spike once, however many workers claim it at the same time', async () => {
    const claims = await Promise.all(
      [alert('2026-11-20'), alert('2026-11-20'), alert('2026-11-20'), alert('2026-11-20', 'negative')].map((a) => store.claimAlert(a)),
    );
    expect(claims.filter(Boolean)).toHaveLength(2);
    expect(await store.claimAlert(alert('2026-11-20'))).toBe(false);
    expect(await store.claimAlert(alert('2026-11-21'))).toBe(true);
    const listed = await store.alerts('shop');
    expect(listed.map((a) => a.key)).toEqual([
      'shop/billing.double-charge/attributes.region=eu/2026-11-21/volume',
      'shop/billing.double-charge/attributes.region=eu/2026-11-20/negative',
      'shop/billing.double-charge/attributes.region=eu/2026-11-20/volume',
    ]);
    expect(await store.alerts('other')).toEqual([]);
  });
});

describe('spike alerts of a finished run', () => {
  it("finds each spike in the run's buckets and records it once, for the team that owns the theme in that facet", async () => {
    // The runs, partials and rollups on FerretDB too: the alert path reads them there.
    const data = await openMongoStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
    try {
      const options = { bucketSize: 'day' as const, by: ['channel'] };
      const random = mulberry32(9);
      const day = (d: number) => new Date(Date.UTC(2026, 8, 1 + d)).toISOString().slice(0, 10);
      // Two runs: eight weeks of history, then a week whose Thursday has five times the late deliveries.
      for (const [id, first, last] of [
        ['history', 0, 55],
        ['latest', 56, 62],
      ] as const) {
        const partial = createPartial(id, 'b0', options);
        for (let d: number = first; d <= last; d++) {
          for (let i = 0; i < 200; i++) {
            const late = random() < (d === 59 ? 0.25 : 0.05);
            const analysis = makeAnalysis(`${id}-${d}-${i}`, {
              themes: late ? [['delivery.late', -0.6]] : [],
              createdAt: `${day(d)}T09:00:00Z`,
              channel: 'chat',
            });
            foldAnalysis(partial, analysis, options);
          }
        }
        await data.createRun({
          id,
          status: 'done',
          sources: [],
          options: { dataset: 'spiky', bucket: 'day', by: ['channel'] },
          counts: { read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
          startedAt: `${day(first)}T00:00:00Z`,
          insightGeneration: 1,
          modelVersion: 'test',
        });
        await data.putPartial(partial);
      }
      await refreshDatasetRollups(data, 'spiky', await data.listRuns());
      const latest = (await data.getRun('latest'))!;
      const ownerOf = (themeId: string, facet: string) => ({ team: facet === 'channel=chat' ? 'support' : 'logistics', name: themeId });
      const raised = await raiseAlerts(data, store, latest, ownerOf, new Date('2026-10-28T10:00:00Z'));
      expect(raised.map((a) => [a.key, a.team, a.kind])).toEqual([
        [`spiky/delivery.late/all/${day(59)}/volume`, 'logistics', 'volume'],
        [`spiky/delivery.late/channel=chat/${day(59)}/volume`, 'support', 'volume'],
      ]);
      expect(raised[0]!.observed).toBeGreaterThan(3 * raised[0]!.expected);
      // The same run routed again (a retry, a second worker): the same alerts, recorded once.
      expect((await raiseAlerts(data, store, latest, ownerOf, new Date())).map((a) => a.key)).toEqual(raised.map((a) => a.key));
      expect((await store.alerts('spiky')).map((a) => a.createdAt)).toEqual(['2026-10-28T10:00:00.000Z', '2026-10-28T10:00:00.000Z']);
      // The earlier run touched none of the spike's buckets.
      expect(await raiseAlerts(data, store, (await data.getRun('history'))!, ownerOf, new Date())).toEqual([]);
    } finally {
      await data.close();
    }
  });
});
