export { detectFormat } from './format.js';
export { readRecords } from './read-records.js';
