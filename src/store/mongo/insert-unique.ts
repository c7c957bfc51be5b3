import { MongoBulkWriteError, type Collection, type Document, type OptionalUnlessRequiredId } from 'mongodb';
import type { WriteResult } from '../store.js';

const DUPLICATE_KEY = 11000;

/**
 * Inserts documents under a unique index with one unordered insertMany: every new document
 * is stored, and a duplicate-key error (code 11000) means "already stored", which is what
 * makes a retried batch idempotent. Any other write error fails the whole call (and the job
 * retries it). Never a per-document upsert: on FerretDB those cost a scan each.
 */
export async function insertUnique<T extends Document>(collection: Collection<T>, docs: OptionalUnlessRequiredId<T>[]): Promise<WriteResult> {
  if (docs.length === 0) return { inserted: 0, duplicates: 0 };
  try {
    const result = await collection.insertMany(docs, { ordered: false });
    return { inserted: result.insertedCount, duplicates: 0 };
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || error.writeConcernError) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
    const inserted = error.insertedCount;
    if (inserted + writeErrors.length !== docs.length) throw error;
    return { inserted, duplicates: writeErrors.length };
  }
}
