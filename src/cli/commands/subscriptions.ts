import { SUBSCRIPTION_FORMATS, type Subscription, SubscriptionRequest } from '../../contracts/index.js';
import { checkSubscription, subscriptionScope } from '../../core/routing/subscription-check.js';
import { formatIssues, UsageError } from '../../errors/index.js';
import { INDUSTRY_HELP, loadTaxonomyAndOwners } from '../theme-info.js';
import { openSubscriptions } from '../../services/open-subscriptions.js';
import { MONGO_FLAGS, MONGO_HELP } from '../../services/settings.js';
import { parseAllowList } from '../../deliver/private-address.js';
import type { SubscriptionStore } from '../../store/subscriptions/subscription-store.js';
import { parseFlags } from '../parse-flags.js';
import { parseSubcommand } from '../subcommand.js';
import { textTable } from '../text-table.js';

export const SUBSCRIPTIONS_HELP = `Usage: frictionlens subscriptions add --team T --dataset D --cadence daily|weekly|CRON --endpoint URL [options]
       frictionlens subscriptions list [--json]
       frictionlens subscriptions remove ID

A team's digest subscriptions (README "Subscriptions"), kept in MongoDB with the secret
their webhooks are signed with (Standard Webhooks). add prints the secret once; list never
shows it.

  add               a new subscription; prints it and its signing secret
                    (--json: {"id":...,"secret":...})
  list              every subscription (never a secret)
  remove ID         delete a subscription

Options of add:
  --team T                  the team, one of the owners map's (--owners)
  --dataset D               the dataset its digests read
  --cadence C               daily, weekly, or a cron expression ("0 8 * * 1-5")
  --time-zone Z             IANA time zone of the cadence and the periods (default: UTC)
  --endpoint URL            where the webhooks go: https, or http to a host listed in
                            FRICTIONLENS_WEBHOOK_ALLOW (comma-separated hosts)
  --format json|slack       the payload (default: json)
  --themes A,B              only these themes (ids)
  --families F,G            only the themes of these families
  --facet FIELD=VALUE       only this facet value (channel=chat, attributes.region=emea);
                            repeatable
  --min-friction X          leave out themes under this friction score
  --min-volume N            leave out themes with fewer mentions in the period
  --taxonomy FILE           the taxonomy the themes and families are checked against
${INDUSTRY_HELP}
  --owners FILE             the owners map the team is checked against (default:
                            models/owners.yaml)
  --json                    JSON output
${MONGO_HELP}
  -h, --help                this help

Exit codes: 0 ok, 2 usage error (a malformed cadence, time zone, facet or number), 3 a team,
theme or family the models lack, an endpoint refused, or no such subscription, 4 MongoDB
unreachable.`;

const SUBCOMMANDS = ['add', 'list', 'remove'] as const;
const ADD_ONLY = [
  'team',
  'dataset',
  'cadence',
  'time-zone',
  'endpoint',
  'format',
  'themes',
  'families',
  'facet',
  'min-friction',
  'min-volume',
  'taxonomy',
  'industry',
  'owners',
] as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...MONGO_FLAGS,
    team: { type: 'string' },
    dataset: { type: 'string' },
    cadence: { type: 'string' },
    'time-zone': { type: 'string' },
    endpoint: { type: 'string' },
    format: { type: 'string' },
    themes: { type: 'string' },
    families: { type: 'string' },
    facet: { type: 'string', multiple: true },
    'min-friction': { type: 'string' },
    'min-volume': { type: 'string' },
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${SUBSCRIPTIONS_HELP}\n`);
    return 0;
  }
  const { sub, id } = parseSubcommand('subscriptions', positionals, SUBCOMMANDS, SUBSCRIPTIONS_HELP, {
    sub: 'remove',
    what: 'subscription ID (subscriptions list shows them)',
  });
  if (sub !== 'add') {
    const misplaced = ADD_ONLY.find((flag) => values[flag] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} is for subscriptions add, not subscriptions ${sub}`);
  }
  // Checked before MongoDB is reached: a malformed flag, an unknown team or a refused endpoint fails with no server.
  const request = sub === 'add' ? checkedRequest(values) : undefined;

  const subscriptions = await openSubscriptions(values);
  try {
    if (request) process.stdout.write(`${await add(subscriptions, request, values.json === true)}\n`);
    else if (sub === 'list') process.stdout.write(`${renderList(await subscriptions.list(), values.json === true)}\n`);
    else {
      const removed = await subscriptions.remove(id!);
      process.stdout.write(`removed subscription ${removed.id} (team ${removed.team}, dataset ${removed.dataset})\n`);
    }
    return 0;
  } finally {
    await subscriptions.close();
  }
}

type AddFlags = Partial<Record<Exclude<(typeof ADD_ONLY)[number], 'facet'>, string>> & { facet?: string[] | undefined };

/** The request the flags describe: its shape a usage error (exit 2), its names and endpoint an input error (exit 3). */
function checkedRequest(values: AddFlags): SubscriptionRequest {
  for (const flag of ['team', 'dataset', 'cadence', 'endpoint'] as const)
    if (values[flag] === undefined) throw new UsageError(`subscriptions add needs --${flag}`);
  if (values.format !== undefined && !(SUBSCRIPTION_FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(`--format: '${values.format}' is not one of ${SUBSCRIPTION_FORMATS.join(', ')}`);
  const cadence = values.cadence!.trim();
  const timeZone = values['time-zone'] ?? 'UTC';
  const list = (v: string | undefined): string[] | undefined =>
    v === undefined
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== '');
  const parsed = SubscriptionRequest.safeParse({
    team: values.team,
    dataset: values.dataset,
    cadence: cadence === 'daily' || cadence === 'weekly' ? { kind: cadence, timeZone } : { kind: 'cron', cron: cadence, timeZone },
    endpoint: values.endpoint,
    format: values.format ?? 'json',
    filter: {
      ...(values.themes !== undefined ? { themes: list(values.themes) } : {}),
      ...(values.families !== undefined ? { families: list(values.families) } : {}),
      ...(values.facet !== undefined ? { facets: values.facet } : {}),
    },
    ...(values['min-friction'] !== undefined ? { minFriction: number(values['min-friction']) } : {}),
    ...(values['min-volume'] !== undefined ? { minVolume: number(values['min-volume']) } : {}),
  });
  if (!parsed.success) throw new UsageError(`subscriptions add: ${flagNames(formatIssues(parsed.error))}`);
  const { composed, owners } = loadTaxonomyAndOwners(values);
  checkSubscription(parsed.data, subscriptionScope(composed.taxonomy, owners.teams, parseAllowList(process.env.FRICTIONLENS_WEBHOOK_ALLOW)));
  return parsed.data;
}

/** A flag's number as zod should see it: NaN for a word, so the message names the flag. */
const number = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

/** The request's paths as the flags a user wrote (cadence.cron is --cadence, filter.facets[0] is --facet). */
function flagNames(message: string): string {
  return message
    .replace(/\bcadence\.(cron|kind)\b/g, '--cadence')
    .replace(/\bcadence\.timeZone\b/g, '--time-zone')
    .replace(/\bfilter\.facets\[\d+\]/g, '--facet')
    .replace(/\bfilter\.(themes|families)(\[\d+\])?/g, '--$1')
    .replace(/\bminFriction\b/g, '--min-friction')
    .replace(/\bminVolume\b/g, '--min-volume')
    .replace(/^(team|dataset|endpoint):/g, '--$1:')
    .replace(/; (team|dataset|endpoint):/g, '; --$1:');
}

const cadenceText = (s: Subscription): string => `${s.cadence.kind === 'cron' ? `cron '${s.cadence.cron}'` : s.cadence.kind} (${s.cadence.timeZone})`;

function filterText(s: Subscription): string {
  const parts = [
    ...(s.filter.themes ? [`themes ${s.filter.themes.join(',')}`] : []),
    ...(s.filter.families ? [`families ${s.filter.families.join(',')}`] : []),
    ...(s.filter.facets ? [`in ${s.filter.facets.join(',')}`] : []),
    ...(s.minFriction !== undefined ? [`friction >= ${s.minFriction}`] : []),
    ...(s.minVolume !== undefined ? [`volume >= ${s.minVolume}`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'all of the team’s themes';
}

async function add(subscriptions: SubscriptionStore, request: SubscriptionRequest, json: boolean): Promise<string> {
  const { subscription: s, secret } = await subscriptions.add(request);
  if (json) return JSON.stringify({ id: s.id, secret });
  return [
    `created subscription ${s.id}: team ${s.team}, dataset ${s.dataset}, ${cadenceText(s)}, ${s.format} to ${s.endpoint}`,
    `  ${filterText(s)}`,
    '',
    'signing secret (Standard Webhooks):',
    '',
    `  ${secret}`,
    '',
    'This is the only time the secret is shown: give it to the receiver now, which verifies',
    'each webhook signature with it (MongoDB keeps it to sign; remove the subscription to retire it).',
  ].join('\n');
}

function renderList(list: readonly Subscription[], json: boolean): string {
  if (json) return JSON.stringify({ subscriptions: list }, null, 2);
  if (list.length === 0) return 'no subscriptions (frictionlens subscriptions add --team T --dataset D --cadence daily --endpoint URL)';
  const cell = (pick: (s: Subscription) => string) => list.map(pick);
  return textTable([
    { header: 'id', cells: cell((s) => s.id), align: 'left' },
    { header: 'team', cells: cell((s) => s.team), align: 'left' },
    { header: 'dataset', cells: cell((s) => s.dataset), align: 'left' },
    { header: 'cadence', cells: cell(cadenceText), align: 'left' },
    { header: 'filter', cells: cell(filterText), align: 'left', shrink: true },
    { header: 'format', cells: cell((s) => s.format), align: 'left' },
    { header: 'endpoint', cells: cell((s) => s.endpoint), align: 'left', shrink: true },
    { header: 'created', cells: cell((s) => s.createdAt.slice(0, 19).replace('T', ' ')), align: 'left' },
  ]).join('\n');
}
