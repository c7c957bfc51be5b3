import type { JobHandler } from '../handler.js';
import { aggregateHandler } from './aggregate.js';
import { analyzeHandler } from './analyze.js';
import { ingestHandler } from './ingest.js';
import { routeHandler } from './route.js';

/** Every job handler, in one place (checked at start-up by createHandlerRegistry). */
export const HANDLERS: readonly JobHandler[] = [ingestHandler, analyzeHandler, aggregateHandler, routeHandler] as JobHandler[];
