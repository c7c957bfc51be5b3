import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionRequest } from '../../src/contracts/index.js';
import { NotFoundError } from '../../src/errors/index.js';
import { openSubscriptionStore } from '../../src/store/subscriptions/open-subscription-store.js';
import type { SubscriptionStore } from '../../src/store/subscriptions/subscription-store.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const db = testNamespace(import.meta.filename);
let store: SubscriptionStore;
let raw: MongoClient;

beforeAll(async () => {
  store = await openSubscriptionStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
  raw = await MongoClient.connect(services().mongoUrl);
});
afterAll(async () => {
  await store?.close();
  await raw?.close();
  await dropDatabase(db);
});

const request: SubscriptionRequest = {
  team: 'billing',
  dataset: 'default',
  filter: { families: ['billing'], facets: ['channel=chat', 'attributes.region=emea'] },
  cadence: { kind: 'cron', cron: '0 8 * * 1-5', timeZone: 'Europe/Paris' },
  minFriction: 2.5,
  minVolume: 10,
  endpoint: 'https://hooks.example.com/billing',
  format: 'slack',
};

describe('the subscription store on MongoDB', () => {
  it('adds a subscription with a Standard Webhooks secret that it keeps to sign, and never lists', async () => {
    const { subscription, secret } = await store.add(request);
    expect(subscription).toEqual({ ...request, id: expect.stringMatching(/^[0-9a-f]{16}$/), createdAt: expect.any(String) });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(await store.signingSecret(subscription.id)).toBe(secret);
    expect(await store.get(subscription.id)).toEqual(subscription);

    const docs = await raw.db(db).collection('subscriptions').find({ id: subscription.id }).toArray();
    expect(docs).toHaveLength(1);
    // Facets stay values in an array: a key "attributes.region" would be a dotted path.
    expect(docs[0]!.filter).toEqual({ families: ['billing'], facets: ['channel=chat', 'attributes.region=emea'] });
    expect(docs[0]!.secret).toBe(secret);
    const indexes = await raw.db(db).collection('subscriptions').indexes();
    expect(indexes.find((i) => i.name === 'id')).toMatchObject({ key: { id: 1 }, unique: true });
  });

  it('lists every subscription oldest first without a secret, and removes one for good', async () => {
    const second = await store.add({ ...request, team: 'logistics', filter: {}, cadence: { kind: 'daily', timeZone: 'UTC' }, format: 'json' });
    const list = await store.list();
    expect(list.map((s) => s.team).sort()).toEqual(['billing', 'logistics']);
    expect(list.map((s) => s.createdAt)).toEqual(list.map((s) => s.createdAt).sort());
    expect(JSON.stringify(list)).not.toContain('whsec_');
    for (const s of list) expect(s).not.toHaveProperty('secret');

    expect(await store.remove(second.subscription.id)).toEqual(second.subscription);
    await expect(store.get(second.subscription.id)).rejects.toThrow(NotFoundError);
    await expect(store.remove(second.subscription.id)).rejects.toThrow(NotFoundError);
    await expect(store.signingSecret(second.subscription.id)).rejects.toThrow(NotFoundError);
    expect((await store.list()).map((s) => s.team)).toEqual(['billing']);
  });

  it('says an unknown or operator-shaped id is not found', async () => {
    await expect(store.get('0000000000000000')).rejects.toThrow("no subscription '0000000000000000'");
    await expect(store.remove('{"$ne":""}')).rejects.toThrow(NotFoundError);
    await expect(store.get({ $ne: '' } as unknown as string)).rejects.toThrow(NotFoundError);
  });

  it('gives two subscriptions different ids and secrets', async () => {
    const a = await store.add(request);
    const b = await store.add(request);
    expect(a.subscription.id).not.toBe(b.subscription.id);
    expect(a.secret).not.toBe(b.secret);
  });
});
