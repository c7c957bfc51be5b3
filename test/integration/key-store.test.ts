import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { parseKey } from '../../src/core/keys/key-format.js';
import { NotFoundError } from '../../src/errors/index.js';
import type { KeyStore } from '../../src/store/keys/key-store.js';
import { openKeyStore } from '../../src/store/keys/open-key-store.js';
import { hashSecret } from '../../src/store/keys/secret-hash.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const db = testNamespace(import.meta.filename);
let keys: KeyStore;
let raw: MongoClient;

beforeAll(async () => {
  keys = await openKeyStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
  raw = await MongoClient.connect(services().mongoUrl);
});
afterAll(async () => {
  await keys?.close();
  await raw?.close();
  await dropDatabase(db);
});

describe('the key store on MongoDB', () => {
  it('creates a key that verifies to its record, and keeps only a hash of its secret', async () => {
    const { id, key } = await keys.create('dashboard', ['insights:read']);
    const parts = parseKey(key)!;
    expect(parts.id).toBe(id);
    expect(Buffer.from(parts.secret, 'base64url')).toHaveLength(32);
    expect(await keys.verify(key)).toEqual({ id, name: 'dashboard', scopes: ['insights:read'], createdAt: expect.any(String) });

    const docs = await raw.db(db).collection('apiKeys').find({ id }).toArray();
    expect(docs).toHaveLength(1);
    const stored = JSON.stringify(docs[0]);
    expect(stored).not.toContain(parts.secret);
    expect(stored).not.toContain(key);
    expect(docs[0]!.hash).toBe(hashSecret(parts.secret));
    expect(Object.keys(docs[0]!).sort()).toEqual(['_id', 'createdAt', 'hash', 'id', 'name', 'scopes']);
    const indexes = await raw.db(db).collection('apiKeys').indexes();
    expect(indexes.find((i) => i.name === 'id')).toMatchObject({ key: { id: 1 }, unique: true });
  });

  it('gives two keys different ids and secrets', async () => {
    const a = await keys.create('a', ['runs:write']);
    const b = await keys.create('b', ['runs:write']);
    expect(a.id).not.toBe(b.id);
    expect(parseKey(a.key)!.secret).not.toBe(parseKey(b.key)!.secret);
  });

  it('verifies nothing but a stored key: a wrong secret, an unknown id or a malformed key is null', async () => {
    const { id, key } = await keys.create('ci', ['runs:write']);
    const secret = parseKey(key)!.secret;
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await keys.verify(`fl_${id}_${flipped}`)).toBeNull();
    expect(await keys.verify(`fl_ffffffffffffffff_${secret}`)).toBeNull();
    expect(await keys.verify(key.slice(0, -1))).toBeNull();
    expect(await keys.verify('')).toBeNull();
  });

  it('lists every key without a hash, oldest first, and revokes one for good', async () => {
    const { id, key } = await keys.create('to revoke', ['admin']);
    const revoked = await keys.revoke(id);
    expect(revoked).toMatchObject({ id, name: 'to revoke', scopes: ['admin'], revokedAt: expect.any(String) });
    expect(await keys.verify(key)).toBeNull();
    expect((await keys.revoke(id)).revokedAt).toBe(revoked.revokedAt);

    const list = await keys.list();
    // Keys created in the same millisecond are ordered by id: compare the names as a set.
    expect(list.map((k) => k.name).sort()).toEqual(['a', 'b', 'ci', 'dashboard', 'to revoke']);
    expect(list.map((k) => k.createdAt)).toEqual(list.map((k) => k.createdAt).sort());
    expect(list.find((k) => k.id === id)!.revokedAt).toBe(revoked.revokedAt);
    for (const k of list) expect(k).not.toHaveProperty('hash');
  });

  it('says an unknown id is not found when revoking it', async () => {
    await expect(keys.revoke('0000000000000000')).rejects.toThrow(NotFoundError);
    await expect(keys.revoke('{"$ne":""}')).rejects.toThrow(NotFoundError);
  });
});
