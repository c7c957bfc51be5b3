import { describe, expect, it } from 'vitest';
import { SubscriptionRequest } from '../src/contracts/index.js';
import { checkSubscription, subscriptionScope } from '../src/core/routing/subscription-check.js';
import { formatIssues, InputError } from '../src/errors/index.js';
import { loadOwners } from '../src/load/owners.js';
import { loadComposedTaxonomy } from '../src/load/industry-packs.js';

const composed = loadComposedTaxonomy();
const taxonomy = composed.taxonomy;
const scope = subscriptionScope(taxonomy, loadOwners(composed).teams, ['127.0.0.1']);
const base = { team: 'billing', dataset: 'default', cadence: { kind: 'daily' }, endpoint: 'https://hooks.example.com/x' };
const problems = (body: unknown): string => {
  const parsed = SubscriptionRequest.safeParse(body);
  return parsed.success ? '' : formatIssues(parsed.error);
};

describe('a subscription request', () => {
  it('defaults to json, an empty filter and UTC', () => {
    expect(SubscriptionRequest.parse(base)).toEqual({ ...base, cadence: { kind: 'daily', timeZone: 'UTC' }, filter: {}, format: 'json' });
  });

  it('takes a cron cadence BullMQ can schedule, in an IANA time zone', () => {
    const cron = { ...base, cadence: { kind: 'cron', cron: '0 8 * * 1-5', timeZone: 'Europe/Paris' } };
    expect(SubscriptionRequest.parse(cron).cadence).toEqual({ kind: 'cron', cron: '0 8 * * 1-5', timeZone: 'Europe/Paris' });
    expect(problems({ ...base, cadence: { kind: 'cron', cron: '61 8 * * *' } })).toMatch(/cadence\.cron: '61 8 \* \* \*' is not a cron expression: .*0-59/);
    expect(problems({ ...base, cadence: { kind: 'cron' } })).toMatch(/cadence\.cron: required/);
    expect(problems({ ...base, cadence: { kind: 'daily', timeZone: 'Europe/Pariss' } })).toMatch(
      /cadence\.timeZone: 'Europe\/Pariss' is not an IANA time zone/,
    );
    expect(problems({ ...base, cadence: { kind: 'hourly' } })).toMatch(/cadence\.kind/);
  });

  it('refuses operator objects, unknown fields, facets that are not FIELD=VALUE and negative minimums', () => {
    expect(problems({ ...base, team: { $gt: '' } })).toMatch(/team: .*expected string/);
    expect(problems({ ...base, $where: '1' })).toMatch(/Unrecognized key/);
    expect(problems({ ...base, filter: { facets: ['region=emea'] } })).toMatch(/filter\.facets\[0\]: must be FIELD=VALUE/);
    expect(problems({ ...base, minVolume: -1, minFriction: -0.5 })).toMatch(/minFriction: .*; minVolume: /);
    expect(problems({ ...base, format: 'xml' })).toMatch(/format/);
    expect(problems({ ...base, dataset: '../x' })).toMatch(/dataset: must be 1-64 letters/);
  });

  it('needs a team of the owners map, themes and families of the taxonomy and an endpoint the policy takes, naming each problem', () => {
    const request = SubscriptionRequest.parse({
      ...base,
      team: 'finance',
      endpoint: 'http://hooks.example.com/x',
      filter: { themes: ['billing.double-charge', 'billing.tripple'], families: ['shipping'] },
    });
    expect(() => checkSubscription(request, scope)).toThrow(InputError);
    expect(() => checkSubscription(request, scope)).toThrow(
      /team 'finance' is not in the owners map \(teams: billing, logistics, engineering, operations, product, [^)]*\); filter\.themes: unknown theme 'billing\.tripple'; filter\.families: unknown family 'shipping' \(families: .*\); endpoint: .*must be https/,
    );
    expect(() => checkSubscription(SubscriptionRequest.parse({ ...base, endpoint: 'http://127.0.0.1:9/x' }), scope)).not.toThrow();
  });
});
