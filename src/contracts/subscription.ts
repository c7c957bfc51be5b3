import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { DatasetName } from './run.js';

/** An IANA time zone ("Europe/Paris", "UTC"), as luxon (and so the digests' periods) reads it. */
const TimeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), { error: (i) => `'${String(i.input)}' is not an IANA time zone (e.g. Europe/Paris, UTC)` });

/**
 * A cron expression as BullMQ's job schedulers read it: BullMQ parses repeat patterns with
 * cron-parser, so a pattern this accepts is one a digest scheduler can run.
 */
const CronPattern = z
  .string()
  .trim()
  .min(1)
  .superRefine((cron, ctx) => {
    try {
      CronExpressionParser.parse(cron);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `'${cron}' is not a cron expression: ${(error as Error).message}` });
    }
  });

/**
 * When a subscription's digest is built, in the subscription's time zone: `daily` (each day's
 * period), `weekly` (each ISO week's, Monday first), or `cron` with its own pattern.
 */
const Cadence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily'), timeZone: TimeZone.default('UTC') }),
  z.strictObject({ kind: z.literal('weekly'), timeZone: TimeZone.default('UTC') }),
  z.strictObject({ kind: z.literal('cron'), cron: CronPattern, timeZone: TimeZone.default('UTC') }),
]);

/** One facet value, "FIELD=VALUE" as `--by` slices insights: channel=chat, attributes.region=emea. */
const FacetValue = z.string().regex(/^(channel|segment|attributes\.[^=\s]+)=.+$/, 'must be FIELD=VALUE with FIELD channel, segment or attributes.NAME');

/** Which themes a subscription hears about: any of `themes`, or of `families`; in `facets` (any of them) only. None given: all of the team's. */
const SubscriptionFilter = z.strictObject({
  themes: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
  families: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
  facets: z.array(FacetValue).min(1).max(100).optional(),
});

export const SUBSCRIPTION_FORMATS = ['json', 'slack'] as const;

/**
 * What a subscription asks for, as `subscriptions add` and POST /subscriptions take it. Strict
 * objects and plain strings throughout: a MongoDB operator in place of a value
 * (`{"team":{"$gt":""}}`) is refused here, never reaches a query.
 */
export const SubscriptionRequest = z.strictObject({
  team: z.string().min(1).max(100),
  dataset: DatasetName,
  filter: SubscriptionFilter.default({}),
  cadence: Cadence,
  /** Themes under this friction score, or this volume in the period, are left out of the digest. */
  minFriction: z.number().min(0).optional(),
  minVolume: z.number().int().min(0).optional(),
  endpoint: z.string().max(2048),
  format: z.enum(SUBSCRIPTION_FORMATS).default('json'),
});
export type SubscriptionRequest = z.infer<typeof SubscriptionRequest>;

/**
 * A stored subscription as it is listed and read (never its signing secret): what digests
 * and alerts select by (`filter`, `cadence`, `minFriction`, `minVolume`) and send to.
 */
export const Subscription = SubscriptionRequest.extend({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.iso.datetime(),
});
export type Subscription = z.infer<typeof Subscription>;
