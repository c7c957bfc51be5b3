import { SCOPES, type ApiKey } from '../../contracts/index.js';
import { parseScopes } from '../../core/keys/scopes.js';
import { UsageError } from '../../errors/index.js';
import { openKeys } from '../../services/open-keys.js';
import { MONGO_FLAGS, MONGO_HELP } from '../../services/settings.js';
import type { KeyStore } from '../../store/keys/key-store.js';
import { parseFlags } from '../parse-flags.js';
import { parseSubcommand } from '../subcommand.js';
import { textTable } from '../text-table.js';

export const KEYS_HELP = `Usage: frictionlens keys create --name NAME --scope SCOPE[,SCOPE...] [--json]
       frictionlens keys list [--json]
       frictionlens keys revoke ID

API keys for the HTTP API (README "Keys and scopes"). MongoDB keeps each key's id, name,
scopes, dates and a hash of its secret: the key itself is printed once, by create, and
cannot be shown again.

  create            a new key; prints it (--json: {"id":...,"key":...})
  list              every key: id, name, scopes, created, revoked (never a secret)
  revoke ID         refuse the key from now on

Options:
  --name NAME               what the key is for ("ci uploader"), shown by list
  --scope SCOPES            one or more of ${SCOPES.join(', ')}
                            (comma-separated or repeated; admin grants every scope)
  --json                    JSON output
${MONGO_HELP}
  -h, --help                this help

Exit codes: 0 ok, 2 usage error (an unknown scope included), 3 no such key, 4 MongoDB unreachable.`;

const SUBCOMMANDS = ['create', 'list', 'revoke'] as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...MONGO_FLAGS,
    name: { type: 'string' },
    scope: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${KEYS_HELP}\n`);
    return 0;
  }
  const { sub, id } = parseSubcommand('keys', positionals, SUBCOMMANDS, KEYS_HELP, { sub: 'revoke', what: 'key ID (keys list shows them)' });
  if (sub !== 'create' && (values.name !== undefined || values.scope !== undefined))
    throw new UsageError(`--name and --scope are for keys create, not keys ${sub}`);
  // Checked before MongoDB is reached: a mistyped scope is a usage error even with no server.
  const created = sub === 'create' ? { name: nameOf(values.name), scopes: parseScopes(values.scope ?? []) } : undefined;

  const keys = await openKeys(values);
  try {
    if (created) process.stdout.write(`${await create(keys, created.name, created.scopes, values.json === true)}\n`);
    else if (sub === 'list') process.stdout.write(`${renderList(await keys.list(), values.json === true)}\n`);
    else {
      const revoked = await keys.revoke(id!);
      process.stdout.write(`revoked key ${revoked.id} (${revoked.name}) at ${revoked.revokedAt}\n`);
    }
    return 0;
  } finally {
    await keys.close();
  }
}

function nameOf(name: string | undefined): string {
  const trimmed = name?.trim();
  if (!trimmed) throw new UsageError('keys create needs --name NAME (what the key is for)');
  if (trimmed.length > 200) throw new UsageError('--name: at most 200 characters');
  return trimmed;
}

async function create(keys: KeyStore, name: string, scopes: ReturnType<typeof parseScopes>, json: boolean): Promise<string> {
  const { id, key } = await keys.create(name, scopes);
  if (json) return JSON.stringify({ id, key });
  return [
    `created key ${id} '${name}' with scopes ${scopes.join(', ')}:`,
    '',
    `  ${key}`,
    '',
    'This is the only time the key is shown: store it now (only a hash of it is kept).',
    'Clients send it as: Authorization: Bearer KEY',
  ].join('\n');
}

function renderList(list: readonly ApiKey[], json: boolean): string {
  if (json) return JSON.stringify({ keys: list }, null, 2);
  if (list.length === 0) return 'no keys (frictionlens keys create --name NAME --scope SCOPES)';
  const cell = (pick: (k: ApiKey) => string) => list.map(pick);
  return textTable([
    { header: 'id', cells: cell((k) => k.id), align: 'left' },
    { header: 'name', cells: cell((k) => k.name), align: 'left', shrink: true },
    { header: 'scopes', cells: cell((k) => k.scopes.join(',')), align: 'left' },
    { header: 'created', cells: cell((k) => k.createdAt.slice(0, 19).replace('T', ' ')), align: 'left' },
    { header: 'revoked', cells: cell((k) => (k.revokedAt ? k.revokedAt.slice(0, 19).replace('T', ' ') : '—')), align: 'left' },
  ]).join('\n');
}
