import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { inject } from 'vitest';
import { connectMongo } from '../../src/store/mongo/connect.js';

/** The Redis and MongoDB URLs the global setup started (or REDIS_URL / MONGO_URL). */
export const services = (): { redisUrl: string; mongoUrl: string } => inject('services');

/**
 * A name of this test file's own for a database or a BullMQ prefix: test files run in
 * parallel against the same servers and must not see each other's data.
 */
export function testNamespace(file: string): string {
  const stem = basename(file)
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-zA-Z0-9]/g, '_');
  return `t_${stem}_${randomBytes(3).toString('hex')}`;
}

/** Drops a test database at the end of a file. */
export async function dropDatabase(name: string): Promise<void> {
  const client = await connectMongo(services().mongoUrl);
  try {
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
