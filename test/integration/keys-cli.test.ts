import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/keys.js';
import { parseKey } from '../../src/core/keys/key-format.js';
import { UsageError } from '../../src/errors/index.js';
import { openKeyStore } from '../../src/store/keys/open-key-store.js';
import { runCli } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };

afterAll(async () => {
  await dropDatabase(ns.db);
});

/** The key store of this file's database, to check what the CLI did. */
async function verify(key: string) {
  const keys = await openKeyStore({ url: services().mongoUrl, database: ns.db });
  try {
    return await keys.verify(key);
  } finally {
    await keys.close();
  }
}

describe('frictionlens keys', () => {
  it('creates a key, prints it once as JSON, lists it without a secret and revokes it', async () => {
    const created = await runCli(ns, ['keys', 'create', '--name', 'ci uploader', '--scope', 'runs:write,insights:read', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { id, key } = JSON.parse(created.stdout) as { id: string; key: string };
    expect(Object.keys(JSON.parse(created.stdout))).toEqual(['id', 'key']);
    expect(parseKey(key)?.id).toBe(id);
    expect(await verify(key)).toMatchObject({ id, name: 'ci uploader', scopes: ['insights:read', 'runs:write'] });

    const listed = await runCli(ns, ['keys', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).keys).toEqual([{ id, name: 'ci uploader', scopes: ['insights:read', 'runs:write'], createdAt: expect.any(String) }]);
    const table = await runCli(ns, ['keys', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^${id}\\s+ci uploader\\s+insights:read,runs:write\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+—$`, 'm'));
    for (const out of [listed.stdout, table.stdout]) expect(out).not.toContain(parseKey(key)!.secret);

    const revoked = await runCli(ns, ['keys', 'revoke', id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^revoked key ${id} \\(ci uploader\\) at \\d{4}-`));
    expect(await verify(key)).toBeNull();
    expect(JSON.parse((await runCli(ns, ['keys', 'list', '--json'])).stdout).keys[0].revokedAt).toEqual(expect.any(String));
  });

  it('prints a new key on a line of its own and says it is shown only now', async () => {
    const r = await runCli(ns, ['keys', 'create', '--name', 'dashboard', '--scope', 'admin']);
    expect(r.code, r.stderr).toBe(0);
    const key = /^ {2}(fl_\S+)$/m.exec(r.stdout)?.[1];
    expect(key && parseKey(key)).toBeTruthy();
    expect(r.stdout).toMatch(/only time the key is shown/);
    expect(await verify(key!)).toMatchObject({ name: 'dashboard', scopes: ['admin'] });
  });

  it('refuses an unknown scope as a usage error naming the valid ones, before reaching MongoDB', async () => {
    const r = await runCli({ ...ns, mongoUrl: 'mongodb://127.0.0.1:1/' }, ['keys', 'create', '--name', 'x', '--scope', 'insights:write']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown scope 'insights:write' (scopes: insights:read, runs:write, subscriptions:write, admin)");
  });

  it('says an unknown key id is not found (exit 3), and an unreachable MongoDB in one line (exit 4)', async () => {
    const unknown = await runCli(ns, ['keys', 'revoke', '0000000000000000']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^frictionlens: no key '0000000000000000'/);
    const down = await runCli({ ...ns, mongoUrl: 'mongodb://127.0.0.1:1/' }, ['keys', 'list']);
    expect(down.code).toBe(4);
    expect(down.stderr).toMatch(/^frictionlens: cannot reach MongoDB at/);
  });

  it('refuses a missing name, a missing subcommand and arguments that do not fit', async () => {
    // In process: each is refused before MongoDB is reached.
    for (const args of [[], ['rotate'], ['create', '--scope', 'admin'], ['create', '--name', 'x'], ['revoke'], ['list', 'x'], ['list', '--scope', 'admin']])
      await expect(run(args), args.join(' ')).rejects.toThrow(UsageError);
  });
});
