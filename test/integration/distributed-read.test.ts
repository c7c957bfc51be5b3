import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropQueues, runCli, startWorker, stopWorker, type CliProcess } from '../helpers/cluster.js';
import { scratchDir } from '../helpers/scratch.js';
import { dropDatabase, testNamespace } from '../helpers/services.js';

/**
 * The reading options travel with a distributed run: submit reads the files as analyze does
 * (encoding, delimiter, date order, undated rows), and --wait ends as analyze does when most
 * rows, or all, are rejected. Real Redis and FerretDB, one real worker.
 */
const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const { file } = scratchDir('distributed-read');
let worker: CliProcess;

beforeAll(async () => {
  worker = await startWorker(ns);
}, 90_000);

afterAll(async () => {
  await stopWorker(worker);
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
}, 60_000);

const cli = (args: string[]) => runCli(ns, args);

describe('submit --wait reads files as analyze does', () => {
  it('gives the same counts for a windows-1252 semicolon export with d/m/y and missing dates', async () => {
    const rows = [
      'Nr;Comment;Date;NPS',
      '1;"The crème brûlée arrived late, the box was crushed";05/03/2024;2',
      '2;Support was friendly and solved it in minutes;13/03/2024;9',
      '3;The refund never arrived and nobody answers my emails;07/03/2024;1',
      '4;My parcel was lost and support keeps me waiting;;0',
      '5;;08/03/2024;4',
    ];
    const path = file('export.csv', Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1'));
    const flags = ['--encoding', 'windows-1252', '--map', 'id=Nr', '--map', 'text=Comment', '--map', 'createdAt=Date', '--map', 'score.nps=NPS', '--json'];
    const [local, distributed] = await Promise.all([cli(['analyze', path, ...flags]), cli(['submit', path, ...flags, '--wait'])]);
    expect(local.code, local.stderr).toBe(0);
    expect(distributed.code, distributed.stderr).toBe(0);
    const counts = (out: string) => (JSON.parse(out) as { run: unknown }).run;
    expect(counts(local.stdout)).toMatchObject({ read: 5, rejected: 1, undated: 1 });
    expect(counts(distributed.stdout)).toEqual(counts(local.stdout));
  }, 120_000);

  it('lists the reasons and exits 3 when no row is analysed', async () => {
    const path = file('none.csv', 'text,nps\nslow delivery,jane@example.com\n,3\n');
    const r = await cli(['submit', path, '--map', 'score.nps=nps', '--wait']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2 of 2 rows (100%) were not analysed');
    expect(r.stderr).toMatch(/1 {2}score\.nps: not a number/);
    expect(r.stderr).toMatch(/frictionlens: no row was analysed/);
    expect(r.stderr).not.toContain('jane@example.com');
  }, 120_000);
});
