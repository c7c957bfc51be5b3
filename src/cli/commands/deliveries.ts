import type { DeliverySummary } from '../../contracts/index.js';
import { redriveDelivery } from '../../distributed/redrive-delivery.js';
import { UsageError } from '../../errors/index.js';
import { openDeliveryQueue } from '../../queue/delivery-queue.js';
import { deliverySettings } from '../../services/delivery-settings.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings, type ServiceFlags } from '../../services/settings.js';
import { openDeliveryStore } from '../../store/deliveries/open-delivery-store.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';
import { parseSubcommand } from '../subcommand.js';
import { textTable } from '../text-table.js';

export const DELIVERIES_HELP = `Usage: frictionlens deliveries list [--failed] [--limit N] [--json]
       frictionlens deliveries redrive ID

The webhook delivery log (README "Webhooks"): each digest or alert sent to a subscription's
endpoint, its status (pending, delivered, failed) and attempts. A delivery that failed every
attempt is a dead letter; redrive sends it again under the same webhook id.

  list              newest first: id, subscription, type, status, attempts, last error, dates
  redrive ID        queue a failed delivery again (a worker sends it; same webhook id,
                    new timestamp and signature, a fresh series of attempts)

Options:
  --failed                  only the dead letters
  --limit N                 at most N deliveries (default 100)
  --json                    JSON output
${SERVICE_HELP}
  -h, --help                this help

Exit codes: 0 ok, 2 usage error, 3 no such delivery or not a failed one, 4 a service unreachable.`;

const SUBCOMMANDS = ['list', 'redrive'] as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    failed: { type: 'boolean' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${DELIVERIES_HELP}\n`);
    return 0;
  }
  const { sub, id } = parseSubcommand('deliveries', positionals, SUBCOMMANDS, DELIVERIES_HELP, {
    sub: 'redrive',
    what: 'delivery ID (deliveries list --failed shows them)',
  });
  if (sub === 'list') {
    const limit = positiveInt('limit', values.limit) ?? 100;
    process.stdout.write(`${await list(values, values.failed === true, limit, values.json === true)}\n`);
    return 0;
  }
  if (values.failed !== undefined || values.limit !== undefined) throw new UsageError('--failed and --limit are for deliveries list');
  const redriven = await redrive(values, id!);
  process.stdout.write(values.json ? `${JSON.stringify(redriven)}\n` : `redriven: ${redriven.id} (${redriven.type}) is queued again\n`);
  return 0;
}

async function list(flags: ServiceFlags, failed: boolean, limit: number, json: boolean): Promise<string> {
  const settings = serviceSettings(flags);
  const store = await openDeliveryStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
  try {
    const found = await store.list({ failed, limit });
    return json ? JSON.stringify({ deliveries: found }, null, 2) : render(found, failed);
  } finally {
    await store.close();
  }
}

/** Redis is reached before the record is touched: with no queue to put it on, a dead letter stays as it is. */
async function redrive(flags: ServiceFlags, id: string): Promise<{ id: string; type: string; status: string }> {
  const settings = serviceSettings(flags);
  const queue = await openDeliveryQueue({ redisUrl: settings.redisUrl, prefix: settings.prefix }, deliverySettings().retries);
  try {
    const store = await openDeliveryStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
    try {
      const delivery = await redriveDelivery(store, queue, id);
      return { id: delivery.id, type: delivery.type, status: delivery.status };
    } finally {
      await store.close();
    }
  } finally {
    await queue.close();
  }
}

const time = (iso: string | undefined): string => (iso ? iso.slice(0, 19).replace('T', ' ') : '—');

function render(found: readonly DeliverySummary[], failed: boolean): string {
  if (found.length === 0) return failed ? 'no failed deliveries' : 'no deliveries';
  const cell = (pick: (d: DeliverySummary) => string) => found.map(pick);
  return textTable(
    [
      { header: 'id', cells: cell((d) => d.id), align: 'left' },
      { header: 'subscription', cells: cell((d) => d.subscriptionId), align: 'left' },
      { header: 'type', cells: cell((d) => d.type), align: 'left' },
      { header: 'status', cells: cell((d) => d.status), align: 'left' },
      { header: 'attempts', cells: cell((d) => String(d.attempts)), align: 'right' },
      { header: 'created', cells: cell((d) => time(d.createdAt)), align: 'left' },
      { header: 'delivered', cells: cell((d) => time(d.deliveredAt)), align: 'left' },
      { header: 'last error', cells: cell((d) => d.lastError ?? '—'), align: 'left', shrink: true },
    ],
    160,
  ).join('\n');
}
