import { mkdtempSync, mkdirSync, readdirSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportError } from '../src/cli/report-error.js';
import {
  BUG,
  ForbiddenError,
  PayloadTooLargeError,
  formatIssues,
  InputError,
  NotFoundError,
  outcomeOf,
  RunFailedError,
  ServiceUnavailableError,
  TransientError,
  UnauthorizedError,
  UsageError,
} from '../src/errors/index.js';
import { readModel } from '../src/load/classifier.js';
import { defaultLexiconDir, loadSentimentLexicon } from '../src/load/lexicon.js';
import { loadTaxonomy } from '../src/load/taxonomy.js';
import { JsonlCollection } from '../src/store/jsonl-collection.js';

describe('the error vocabulary', () => {
  it('maps every error to one exit code, HTTP status and retry decision, and anything else to a bug', () => {
    const table = [
      [new UsageError('x'), 2, 400, 'never'],
      [new PayloadTooLargeError('x'), 2, 413, 'never'],
      [new InputError('x'), 3, 422, 'never'],
      [new NotFoundError('x'), 3, 404, 'never'],
      [new ServiceUnavailableError('x'), 4, 503, 'backoff'],
      [new TransientError('x'), 4, 503, 'backoff'],
      [new RunFailedError('x'), 5, 409, 'never'],
      [new UnauthorizedError('x'), 6, 401, 'never'],
      [new ForbiddenError('x'), 6, 403, 'never'],
      [new TypeError('x'), 1, 500, 'once'],
      ['a string thrown', 1, 500, 'once'],
    ] as const;
    for (const [error, exitCode, httpStatus, retry] of table) expect(outcomeOf(error), String(error)).toMatchObject({ exitCode, httpStatus, retry });
    expect(outcomeOf(new Error('x'))).toBe(BUG);
  });

  it('prints domain errors in one line and bugs with their stack', () => {
    const lines: string[] = [];
    expect(reportError(new InputError('no such file data.csv'), (l) => lines.push(l))).toBe(3);
    expect(reportError(new UsageError('--top: not a number'), (l) => lines.push(l))).toBe(2);
    expect(reportError(new RangeError('boom'), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toBe('frictionlens: no such file data.csv');
    expect(lines[1]).toBe("frictionlens: --top: not a number\nRun 'frictionlens --help' for usage.");
    expect(lines[2]).toMatch(/^frictionlens: internal error \(a bug; please report it\):\nRangeError: boom\n\s+at /);
  });

  it('turns zod issues into one message: where, what, how many more', () => {
    const schema = z.object({ themes: z.array(z.object({ id: z.string(), lemmas: z.array(z.string()) })) });
    const parsed = schema.safeParse({ themes: [{ lemmas: ['ok', 3] }, { id: 'b', lemmas: [1, 2, 3] }] });
    expect(parsed.success).toBe(false);
    const message = formatIssues(parsed.error!, { max: 2 });
    expect(message).toBe('themes[0].id: required; themes[0].lemmas[1]: Invalid input: expected string, received number; and 3 more');
    expect(formatIssues(z.string().safeParse(1).error!, { root: 'verbatim' })).toMatch(/^verbatim: /);
  });
});

describe('malformed model files are input errors (exit code 3), not bugs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frictionlens-errors-'));

  it('a lexicon file that is not valid JSON names the file', () => {
    const lexicon = join(dir, 'lexicon');
    mkdirSync(lexicon);
    for (const f of readdirSync(defaultLexiconDir())) copyFileSync(join(defaultLexiconDir(), f), join(lexicon, f));
    writeFileSync(join(lexicon, 'afinn-165.json'), '{"good": 3,');
    const error = catching(() => loadSentimentLexicon(lexicon));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/afinn-165\.json is not a valid lexicon file/);
    expect(reportError(error, () => {})).toBe(3);
  });

  it('a lexicon file of the wrong shape says where', () => {
    const lexicon = join(dir, 'lexicon');
    writeFileSync(join(lexicon, 'afinn-165.json'), '{"words": {"good": "very"}}');
    expect(() => loadSentimentLexicon(lexicon)).toThrow(/afinn-165\.json: words\.good: /);
  });

  it('a model file that is not JSON, or not a model, names the file', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, 'not json at all');
    await expect(readModel(broken)).rejects.toThrow(InputError);
    await expect(readModel(broken)).rejects.toThrow(/broken\.json is not a valid frictionlens model/);
    writeFileSync(broken, '{"format": 99}');
    await expect(readModel(broken)).rejects.toThrow(/broken\.json is not a frictionlens model: /);
  });

  it('a taxonomy that is not YAML names the file', () => {
    const taxonomy = join(dir, 'taxonomy.yaml');
    writeFileSync(taxonomy, 'themes: [unclosed');
    expect(() => loadTaxonomy(taxonomy)).toThrow(InputError);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the embedded store on a disk that fails', () => {
  it('reports a failed write instead of crashing or waiting for ever', async () => {
    const collection = new JsonlCollection<{ id: string }>(join(tmpdir(), 'frictionlens-no-such-folder', 'x', 'analyses.jsonl'));
    // The open fails after the first write is buffered: the failure reaches the next call.
    await collection.insert([{ id: 'a' }], (d) => d.id);
    await expect(collection.close()).rejects.toThrow(ServiceUnavailableError);
    await expect(collection.close()).resolves.toBeUndefined();
  });
});

function catching(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
