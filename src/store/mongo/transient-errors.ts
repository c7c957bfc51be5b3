import { MongoBulkWriteError, MongoError, MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { FrictionlensError, TransientError } from '../../errors/index.js';

/**
 * Whether a driver error is one a retry can fix: the server went away (network, no server
 * to select, a closed topology) or the driver itself labels the operation retryable
 * (a primary stepped down mid-write). Duplicate keys, bad queries and validation
 * failures are not: retrying them fails the same way. An insertMany that could not reach
 * the server at all fails as a MongoBulkWriteError with no write errors, carrying the
 * network or server-selection error as its `errorResponse`: that one is judged, not the
 * wrapper (seen against a server stopped mid-run).
 */
function isTransient(error: unknown, depth = 0): boolean {
  if (depth > 4) return false;
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError
  )
    return true;
  if (error instanceof MongoBulkWriteError && [error.writeErrors].flat().length === 0 && (error.errorResponse as unknown) instanceof Error)
    return isTransient(error.errorResponse, depth + 1);
  return error instanceof MongoError && (error.hasErrorLabel('RetryableWriteError') || error.hasErrorLabel('ResetPool'));
}

/** The driver's error as the project's vocabulary: TransientError (with the original as cause) or unchanged. */
function asStoreError(error: unknown): unknown {
  if (error instanceof FrictionlensError || !isTransient(error)) return error;
  return new TransientError(`MongoDB: ${(error as Error).message.split('\n')[0]}`, { cause: error });
}

async function* rethrowing<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* source;
  } catch (error) {
    throw asStoreError(error);
  }
}

/**
 * A store (the Store contract, the key store) with every failure that a retry can fix thrown
 * as TransientError, so jobs retry them with backoff and commands report a lost service,
 * without knowing about the driver. Methods return promises or async iterables; both are wrapped.
 */
export function withTransientErrors<T extends object>(store: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store) as Array<[string, (...args: unknown[]) => unknown]>) {
    wrapped[name] = (...args: unknown[]): unknown => {
      let result: unknown;
      try {
        result = method.apply(store, args);
      } catch (error) {
        throw asStoreError(error);
      }
      if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(asStoreError(error)));
      if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) return rethrowing(result as AsyncIterable<unknown>);
      return result;
    };
  }
  return wrapped as unknown as T;
}
