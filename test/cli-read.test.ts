import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYZE_HELP } from '../src/cli/commands/analyze.js';
import { SUBMIT_HELP } from '../src/cli/commands/submit.js';
import { runCommand } from './helpers/cli.js';
import { scratchDir } from './helpers/scratch.js';

/**
 * What a new user meets with real exports, through the `frictionlens` process itself: exit
 * codes and stderr are the CLI's behaviour. analyze runs embedded (no services); submit is
 * refused before it reaches any.
 */
const root = join(import.meta.dirname, '..');

const frictionlens = (args: string[]) => runCommand(args);

const { dir, file } = scratchDir('cli-read');

const EMAIL = 'jane.doe@example.com';
const PHONE = '+44 20 7946 0958';
const CARD = '4111 1111 1111 1111';

describe('frictionlens analyze on real-world exports', () => {
  it('reads a semicolon-separated windows-1252 Excel export with d/m/y dates, and says which rows are undated', async () => {
    const rows = [
      'Nr;Kommentar;Datum;Note',
      '1;"The crème brûlée arrived late, the box crushed";05/03/2024;2',
      '2;Support was friendly and quick, merci beaucoup;13/03/2024;9',
      '3;The refund never arrived and nobody answers my emails;07/03/2024;1',
      '4;My parcel was lost and support keeps me waiting;;0',
    ];
    const bytes = Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1'); // é, è, û: the same bytes in windows-1252
    const path = file('excel.csv', bytes);
    const r = await frictionlens([
      'analyze',
      path,
      '--encoding',
      'windows-1252',
      '--map',
      'id=Nr',
      '--map',
      'text=Kommentar',
      '--map',
      'createdAt=Datum',
      '--map',
      'score.nps=Note',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { run: Record<string, number> };
    // Every row is read (none rejected); row 4 has no date, so it is analysed undated.
    expect(doc.run).toMatchObject({ read: 4, rejected: 0, undated: 1 });
    expect(doc.run.analyzed! + doc.run.unsupportedLanguage!).toBe(4);
  }, 60_000);

  it("refuses a --map column the file lacks before any work: exit 3, the file's columns and the nearest one", async () => {
    const path = file('survey.csv', 'Response ID,Comment Text,Score\n1,slow delivery,3\n');
    const r = await frictionlens(['analyze', path, '--map', 'text=Comment', '--map', 'score.nps=Scroe']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${path}: --map text=Comment: no column 'Comment' (nearest: 'Comment Text'); --map score.nps=Scroe: no column 'Scroe' (nearest: 'Score')`,
    );
    expect(r.stderr).toContain("The file's columns: 'Response ID', 'Comment Text', 'Score'");
  }, 60_000);

  it('refuses a file with no text column and no mapping, naming the nearest column', async () => {
    const path = file('reviews.csv', 'Clothing ID,Review Text,Rating\n1,runs small,3\n');
    const r = await frictionlens(['analyze', path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no column 'text' holds the feedback: name the one that does with --map text=COLUMN \(nearest: 'Review Text'\)/);
  }, 60_000);

  it('points at --delimiter when a forced delimiter leaves the header in one column', async () => {
    const path = file('semi.csv', 'id;text\n1;slow\n');
    const r = await frictionlens(['analyze', path, '--delimiter', ',']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/pass --delimiter ';'/);
  }, 60_000);

  it('refuses a date column whose day/month order no value decides: exit 3 naming --date-format', async () => {
    const path = file('ambiguous.csv', 'text,date\nlate parcel,05/03/2024\nrude agent,07/04/2024\n');
    const r = await frictionlens(['analyze', path, '--map', 'createdAt=date']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/date column 'date': .* no value in the file tells which; pass --date-format dd\/MM\/yyyy/);
    const ok = await frictionlens(['analyze', path, '--map', 'createdAt=date', '--date-format', 'dd/MM/yyyy', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).run).toMatchObject({ read: 2, analyzed: 2, undated: 0 });
  }, 60_000);

  it('refuses --out naming an existing file before any work (exit 2), leaving it as it was', async () => {
    const data = file('ok.csv', 'text\nslow delivery\n');
    const out = file('report.txt', 'keep me');
    const r = await frictionlens(['analyze', data, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*report\.txt: is a file; --out names a directory/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  }, 60_000);

  it('refuses an unknown extension with exit 3, as the README says', async () => {
    const path = file('export.xlsx', 'not really a spreadsheet');
    const r = await frictionlens(['analyze', path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/export\.xlsx: cannot tell the format from the extension; .* or pass --format csv\|tsv\|jsonl\|json/);
  }, 60_000);

  it('lists the top reasons on stderr when half the rows or more are rejected, without --out, and quotes no personal data', async () => {
    const path = file(
      'half.csv',
      `${[
        'id,text,nps',
        `1,The refund never arrived and support ignores me,${EMAIL}`,
        '2,,5',
        `3,The app keeps crashing when I log in,${PHONE}`,
        '4,Delivery was late again and the box was damaged,3',
      ].join('\n')}\n`,
    );
    const r = await frictionlens(['analyze', path, '--map', 'score.nps=nps']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('frictionlens: 3 of 4 rows (75%) were not analysed; the most frequent reasons:');
    expect(r.stderr).toMatch(/ 2 {2}score\.nps: not a number \(first: .*half\.csv row 1\)/);
    expect(r.stderr).toMatch(/ 1 {2}text: empty \(first: .*half\.csv row 2\)/);
    expect(r.stderr).toContain('every row and its reason: rejects.jsonl, with --out DIR');
    for (const pii of [EMAIL, PHONE]) expect(r.stdout + r.stderr).not.toContain(pii);
  }, 60_000);

  it('writes what there is, then exits 3, when every row is rejected; rejects.jsonl holds no personal data', async () => {
    const path = file(
      'all.csv',
      `${['id,text,nps', `1,The refund never arrived,${EMAIL}`, '2,,5', `3,The app crashes,${CARD}`, `4,Parcel lost,call ${PHONE}`].join('\n')}\n`,
    );
    const out = join(dir, 'all-out');
    const r = await frictionlens(['analyze', path, '--map', 'score.nps=nps', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('run: 4 read = 0 analyzed + 4 rejected');
    expect(r.stderr).toContain('4 of 4 rows (100%) were not analysed');
    expect(r.stderr).toContain(`every row and its reason: ${join(out, 'rejects.jsonl')}`);
    expect(r.stderr).toMatch(/frictionlens: no row was analysed: all 4 rows read were rejected/);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const rejects = readFileSync(join(out, 'rejects.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: string; cause: string });
    expect(rejects.map((x) => x.message)).toEqual([
      "row 1: score.nps: '[EMAIL]' is not a number",
      'row 2: text: empty',
      "row 3: score.nps: '[CARD]' is not a number",
      "row 4: score.nps: 'call [PHONE]' is not a number",
    ]);
    expect(rejects.map((x) => x.cause)).toEqual(['score.nps: not a number', 'text: empty', 'score.nps: not a number', 'score.nps: not a number']);
    for (const pii of [EMAIL, PHONE, CARD]) expect(r.stdout + r.stderr + readFileSync(join(out, 'rejects.jsonl'), 'utf8')).not.toContain(pii);
  }, 60_000);
});

describe('frictionlens submit', () => {
  it('looks at the files before it reaches any service: a wrong --map column is exit 3, not 4', async () => {
    const path = file('submit.csv', 'Comment\nslow\n');
    const r = await frictionlens(['submit', path, '--map', 'text=Coment', '--redis', 'redis://127.0.0.1:9', '--mongo', 'mongodb://127.0.0.1:9/']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no column 'Coment' \(nearest: 'Comment'\)/);
  }, 60_000);
});

describe('help and README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('documents every reading flag in analyze --help, submit --help and the README', () => {
    for (const flag of ['--encoding', '--delimiter', '--date-format', '--format csv|tsv|jsonl|json']) {
      expect(ANALYZE_HELP).toContain(flag);
      expect(SUBMIT_HELP).toContain(flag);
      expect(readme).toContain(flag);
    }
  });

  it('gives the same exit codes in --help and the README', () => {
    expect(ANALYZE_HELP).toMatch(/Exit codes: 0 ok, 2 usage error, 3 input error \(a file that cannot be read or mapped,\s+no row analysed/);
    // The README's error table: one row per error, its exit code in the third column.
    expect(readme).toMatch(/^\| `UsageError` \|[^|]*`--out` naming an existing file \| 2 \|/m);
    expect(readme).toMatch(/^\| `InputError` \|[^|]*an unknown extension[^|]*no row analysed[^|]*\| 3 \|/m);
    expect(readme).toMatch(/Any other extension stops the run with exit code 3/);
  });
});
