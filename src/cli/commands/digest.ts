import { cadencePeriod } from '../../core/digest/cadence-period.js';
import { parsePeriod } from '../../core/digest/period.js';
import { digestMarkdown, digestSlack } from '../../core/digest/render-digest.js';
import { buildTeamDigest, sendDigest } from '../../distributed/send-digest.js';
import { UsageError } from '../../errors/index.js';
import { openRouting } from '../../services/open-routing.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings } from '../../services/settings.js';
import { openMongoStore } from '../../store/mongo/open.js';
import { openSubscriptionStore } from '../../store/subscriptions/open-subscription-store.js';
import { parseFlags } from '../parse-flags.js';
import { parseSubcommand } from '../subcommand.js';
import { INDUSTRY_HELP, loadThemeInfo } from '../theme-info.js';

export const DIGEST_HELP = `Usage: frictionlens digest preview --subscription ID [--period P] [--format md|json|slack]
       frictionlens digest send --subscription ID [--period P]

A subscription's digest (README "Digests"): its team's friction themes in its dataset for a
period, top and rising, with the change on the period before, impact, key drivers, revenue
at risk, 3 quotes each, and the period's coverage.

  preview           print the digest (nothing stored, nothing sent)
  send              build it, store it and send it to the subscription's endpoint now (a
                    worker running the deliver queue sends it; README "Webhooks")

Options:
  --subscription ID         the subscription (frictionlens subscriptions list)
  --period P                a week (2026-W47), a day (2026-11-20) or a month (2026-11);
                            default: the period its cadence just ended
  --format md|json|slack    preview's output (default: md)
  --taxonomy FILE           theme taxonomy replacing models/taxonomy.yaml
${INDUSTRY_HELP}
  --owners FILE             owners map replacing models/owners.yaml
${SERVICE_HELP}
  -h, --help                this help

Exit codes: 0 ok, 2 usage error (a malformed period or format), 3 no such subscription or an
invalid model file, 4 a service unreachable.`;

const SUBCOMMANDS = ['preview', 'send'] as const;
const FORMATS = ['md', 'json', 'slack'] as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    subscription: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string' },
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${DIGEST_HELP}\n`);
    return 0;
  }
  const { sub } = parseSubcommand('digest', positionals, SUBCOMMANDS, DIGEST_HELP);
  if (!values.subscription) throw new UsageError(`digest ${sub}: --subscription ID is required (frictionlens subscriptions list shows them)`);
  const format = values.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${format}' is not one of ${FORMATS.join(', ')}`);
  if (sub === 'send' && values.format !== undefined) throw new UsageError('digest send takes no --format: the subscription says which');
  const period = values.period === undefined ? undefined : parsePeriod(values.period);
  const info = loadThemeInfo(values);
  const settings = serviceSettings(values);
  const mongo = { url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern };
  const store = await openMongoStore(mongo);
  try {
    if (sub === 'preview') {
      const subscriptions = await openSubscriptionStore(mongo);
      try {
        const subscription = await subscriptions.get(values.subscription);
        const now = new Date();
        const digest = await buildTeamDigest(store, info, subscription, period ?? cadencePeriod(subscription.cadence, now), now);
        const out = format === 'md' ? digestMarkdown(digest) : `${JSON.stringify(format === 'json' ? digest : digestSlack(digest), null, 2)}\n`;
        process.stdout.write(out);
      } finally {
        await subscriptions.close();
      }
      return 0;
    }
    const routing = await openRouting(settings, info);
    try {
      const subscription = await routing.subscriptions.get(values.subscription);
      const { digest, delivery } = await sendDigest(store, routing, subscription, period ?? cadencePeriod(subscription.cadence, routing.now()), false);
      process.stdout.write(`digest ${digest.id}: ${digest.top.length} themes, queued as webhook ${delivery.id} to ${new URL(subscription.endpoint).host}\n`);
    } finally {
      await routing.close();
    }
    return 0;
  } finally {
    await store.close();
  }
}
