import { describe, expect, it } from 'vitest';
import { type Alert, alertKey, Subscription } from '../src/contracts/index.js';
import { wantsAlert } from '../src/distributed/route-run.js';

const subscription = (overrides: Record<string, unknown> = {}): Subscription =>
  Subscription.parse({
    id: '0123456789abcdef',
    team: 'logistics',
    dataset: 'shop',
    cadence: { kind: 'daily' },
    endpoint: 'https://hooks.example.com/x',
    createdAt: '2026-11-01T00:00:00Z',
    ...overrides,
  });

const alert = (overrides: Partial<Alert> = {}): Alert => {
  const fields = { dataset: 'shop', themeId: 'delivery.late', facet: 'all', bucket: '2026-11-20', kind: 'volume' as const, ...overrides };
  return {
    key: alertKey(fields),
    themeName: 'Late delivery',
    team: 'logistics',
    bucketSize: 'day',
    observed: 40,
    expected: 8,
    z: 6,
    baseline: 'weekday',
    runId: 'r',
    createdAt: '2026-11-21T00:00:00Z',
    ...fields,
    ...overrides,
  };
};

describe('which subscriptions hear of an alert', () => {
  it('its team and dataset, the unsliced view unless it names facets, its themes or families, its minimum volume', () => {
    expect(wantsAlert(subscription(), alert(), 'delivery')).toBe(true);
    expect(wantsAlert(subscription({ team: 'billing' }), alert(), 'delivery')).toBe(false);
    expect(wantsAlert(subscription({ dataset: 'other' }), alert(), 'delivery')).toBe(false);
    // One spike, found in every facet value it shows in, reaches a subscription once: the unsliced one.
    expect(wantsAlert(subscription(), alert({ facet: 'channel=chat' }), 'delivery')).toBe(false);
    expect(wantsAlert(subscription({ filter: { facets: ['channel=chat'] } }), alert({ facet: 'channel=chat' }), 'delivery')).toBe(true);
    expect(wantsAlert(subscription({ filter: { facets: ['channel=chat'] } }), alert(), 'delivery')).toBe(false);
    expect(wantsAlert(subscription({ filter: { themes: ['delivery.lost'] } }), alert(), 'delivery')).toBe(false);
    expect(wantsAlert(subscription({ filter: { families: ['delivery'] } }), alert(), 'delivery')).toBe(true);
    expect(wantsAlert(subscription({ minVolume: 50 }), alert(), 'delivery')).toBe(false);
  });
});
