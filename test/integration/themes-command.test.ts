import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/themes.js';
import { UsageError } from '../../src/errors/index.js';
import { loadAnalyzer } from '../../src/load/analyzer.js';
import { runEmbedded } from '../../src/runner/embedded.js';
import { openMongoStore } from '../../src/store/mongo/open.js';
import { spawnCli } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const sample = join(import.meta.dirname, '..', '..', 'data', 'samples', 'survey.csv');

afterAll(async () => {
  await dropDatabase(ns.db);
});

async function suggest(args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = spawnCli(ns, ['themes', 'suggest', '--min-size', '5', '--json', ...args]);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

describe('frictionlens themes suggest', () => {
  it('suggests the same themes from a run stored in MongoDB as from the file analysed in process', async () => {
    const { analyzer } = await loadAnalyzer();
    const store = await openMongoStore({ url: services().mongoUrl, database: ns.db, writeConcern: { w: 1 } });
    let runId: string;
    try {
      const result = await runEmbedded(
        { store, analyzer },
        { sources: [sample], mapping: {}, channel: 'other', createdAt: '2026-11-01T00:00:00Z', options: { bucket: 'week', by: [] } },
      );
      runId = result.run.id;
    } finally {
      await store.close();
    }
    const [stored, local] = await Promise.all([suggest(['--run', runId]), suggest([sample, '--date', '2026-11-01T00:00:00Z'])]);
    expect(stored.code, stored.stderr).toBe(0);
    expect(local.code, local.stderr).toBe(0);
    const fromRun = JSON.parse(stored.stdout) as { suggestions: unknown[] };
    const fromFile = JSON.parse(local.stdout) as { suggestions: unknown[] };
    expect(fromRun.suggestions.length).toBeGreaterThan(0);
    expect(fromRun.suggestions).toEqual(fromFile.suggestions);
  });

  it('says plainly that a run is not in the database (exit code 3)', async () => {
    const r = await suggest(['--run', 'run-00000000-nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^frictionlens: no run run-00000000-nope in database/);
  });

  it('refuses files and --run together, and an unknown subcommand', async () => {
    await expect(run(['suggest', 'a.csv', '--run', 'run-1'])).rejects.toThrow(UsageError);
    await expect(run(['lists'])).rejects.toThrow(/unknown subcommand 'lists'/);
  });
});
