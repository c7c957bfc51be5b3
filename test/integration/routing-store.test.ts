import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, alertKey, type Digest } from '../../src/contracts/index.js';
import { openRoutingStore } from '../../src/store/routing/open-routing-store.js';
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
