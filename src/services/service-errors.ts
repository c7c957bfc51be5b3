import { MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { FrictionlensError, ServiceUnavailableError } from '../errors.js';

/**
 * A command that loses MongoDB or Redis half way (after the start-up probe) reports it in
 * one line like an unreachable service (exit code 4), not as a bug with a stack.
 */
export function asServiceError(error: unknown): unknown {
  if (error instanceof FrictionlensError || !(error instanceof Error)) return error;
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError || error instanceof MongoNotConnectedError || error instanceof MongoTopologyClosedError) {
    return new ServiceUnavailableError(`MongoDB became unreachable: ${error.message.split('\n')[0]}`);
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/.test(code)) {
    return new ServiceUnavailableError(`a service became unreachable: ${error.message.split('\n')[0]}`);
  }
  return error;
}
