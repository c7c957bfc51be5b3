/** The 45 theme ids of the default taxonomy (a fixed contract with models/taxonomy.yaml). */
export const THEME_IDS = [
  'billing.double-charge',
  'billing.incorrect-charge',
  'billing.payment-failed',
  'billing.invoice-issue',
  'billing.autopay-problem',
  'delivery.late',
  'delivery.lost-package',
  'delivery.damaged-item',
  'delivery.wrong-item',
  'delivery.tracking',
  'delivery.courier-conduct',
  'account.login-failure',
  'account.password-reset',
  'account.locked',
  'account.two-factor',
  'account.profile-update',
  'support.wait-time',
  'support.transfers',
  'support.agent-knowledge',
  'support.agent-attitude',
  'support.no-callback',
  'support.unresolved',
  'support.repeat-contact',
  'product.defect',
  'product.quality',
  'product.sizing-fit',
  'product.missing-parts',
  'product.not-as-described',
  'app.crash',
  'app.slow',
  'app.checkout-error',
  'app.usability',
  'app.notifications',
  'pricing.too-expensive',
  'pricing.hidden-fees',
  'pricing.price-increase',
  'pricing.promo-not-applied',
  'cancellation.cancel-difficulty',
  'cancellation.refund-delay',
  'cancellation.refund-denied',
  'cancellation.return-process',
  'communication.no-updates',
  'communication.conflicting-info',
  'communication.unwanted-marketing',
  'communication.unclear-policy',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export type Polarity = 'negative' | 'positive';

/** One planted mention of a theme in a verbatim's customer text. */
export interface Mention {
  theme: ThemeId;
  polarity: Polarity;
}
