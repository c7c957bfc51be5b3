import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const cli = join(root, 'src', 'cli', 'main.ts');
const samples = ['feedback.jsonl', 'survey.csv', 'chats.json'].map((f) => join(root, 'data', 'samples', f));
const dir = mkdtempSync(join(tmpdir(), 'frictionlens-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run ids are random: the same run, read twice, differs by them only. */
const sameRun = (text: string): string => text.replace(/run-\d{8}-[0-9a-f]{8}/g, 'RUN');

/** `analyze --json --out` of `files` on `threads` threads: stdout and every file written. */
async function analyze(files: string[], threads: number, flags: string[]): Promise<Record<string, string>> {
  const out = join(dir, `${files.length}-${threads}-${flags.join('')}`);
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', cli, 'analyze', ...files, ...flags, '--threads', String(threads), '--json', '--out', out],
    { cwd: root, maxBuffer: 1 << 26 },
  );
  const written = ['insights.json', 'analyses.jsonl', 'rejects.jsonl', 'report.html'];
  return { stdout: sameRun(stdout), ...Object.fromEntries(written.map((f) => [f, sameRun(readFileSync(join(out, f), 'utf8'))])) };
}

describe('analyze --threads', () => {
  it('gives the same table, insights, analyses and rejects on 1, 2 and 3 threads (the samples, many small batches)', async () => {
    const flags = ['--by', 'channel', '--bucket', 'day', '--batch-size', '150'];
    const one = await analyze(samples, 1, flags);
    expect(JSON.parse(one.stdout!).run.analyzed).toBeGreaterThan(2000);
    for (const threads of [2, 3]) {
      const many = await analyze(samples, threads, flags);
      for (const [file, content] of Object.entries(one)) expect(many[file], `${file} on ${threads} threads`).toBe(content);
    }
  });

  it('analyses a verbatim the same whichever thread its batch went to, whatever the batches before taught the parser', async () => {
    // wink keeps "Grimbly's" whole once it has met "Grimbly's." (text.test.ts): on one thread
    // every batch follows the first, on two the other thread reads its batches fresh. Enough
    // batches that the second thread, once started, takes many of them.
    const texts = (parse(readFileSync(samples[1]!), { columns: true }) as Array<{ text: string }>).map((r) => r.text).filter(Boolean);
    const rows = Array.from({ length: 4_000 }, (_, i) =>
      i === 0 ? "I watched Grimbly's." : i % 50 === 25 ? "Movies w/ Grimbly's as bad guys, and the refund never came." : texts[i % texts.length]!,
    );
    const file = join(dir, 'grimbly.csv');
    writeFileSync(file, `id,text\n${rows.map((t, i) => `g${i},"${t.replaceAll('"', '""')}"`).join('\n')}\n`);
    const flags = ['--batch-size', '50'];
    const one = await analyze([file], 1, flags);
    expect(one['analyses.jsonl']).toMatch(/grimbly/);
    const two = await analyze([file], 2, flags);
    expect(two['analyses.jsonl']).toBe(one['analyses.jsonl']);
    expect(two['insights.json']).toBe(one['insights.json']);
  });

  it('refuses a thread count that is not a positive whole number', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', cli, 'analyze', samples[1]!, '--threads', '0'], { cwd: root })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--threads'),
    });
  });
});
