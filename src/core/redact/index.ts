export { createRedactor, detect, redact, type Redactor } from './redactor.js';
export { PII_TYPES, type PiiType } from './pii-type.js';
export type { PiiSpan } from './span.js';
export { isLuhnValid } from './luhn.js';
export { isValidIban } from './iban.js';
