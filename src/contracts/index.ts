export * from './verbatim.js';
export * from './reject.js';
export * from './analysis.js';
export * from './run.js';
export * from './insight.js';
export * from './drivers.js';
export * from './batch.js';
export * from './api-key.js';
