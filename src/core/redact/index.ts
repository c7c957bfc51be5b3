export { createRedactor, detect, redact, type Redaction, type Redactor } from './redactor.js';
export { PII_TYPES, placeholder, type PiiType } from './pii-type.js';
export type { PiiSpan } from './span.js';
export { isLuhnValid } from './luhn.js';
export { isValidIban, ibanRemainder, IBAN_LENGTHS } from './iban.js';
