/** The kinds of personal data the redactor replaces, each with its own placeholder. */
export const PII_TYPES = ['EMAIL', 'PHONE', 'CARD', 'IBAN', 'SSN', 'ADDRESS', 'URL'] as const;
export type PiiType = (typeof PII_TYPES)[number];

export function placeholder(type: PiiType): string {
  return `[${type}]`;
}
