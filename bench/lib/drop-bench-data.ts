import { MongoClient } from 'mongodb';
import { deleteRedisKeys } from '../../scripts/lib/redis-keys.js';
import type { ServiceLease } from '../../scripts/lib/services.js';

/** A bench's data on the leased services: its database and its queues (every key under its tag). */
export async function dropBenchData(services: ServiceLease, tag: string): Promise<void> {
  const client = new MongoClient(services.mongoUrl);
  try {
    await client.db(tag).dropDatabase();
  } finally {
    await client.close();
  }
  await deleteRedisKeys(services.redisUrl, `${tag}*`);
}
