import { InputError } from '../errors/index.js';
import { formatDateReader, type DateReader } from './date-format.js';
import { orderEvidence, parseDate, type DayOrder } from './date-value.js';
import { isBlank } from './values.js';

/** Rows whose date cell is looked at before the column's reading is settled (more only while the order is open). */
const DATE_SAMPLE = 10_000;

/**
 * Decides, before a file's rows are read for analysis, how its date column is read, so a
 * streamed file is read the same way from its first row to its last:
 * - with `--date-format`, that format;
 * - else day and month order of `05/03/2024`-style dates comes from the values: the date
 *   cells of the first 10,000 rows are read; one that only day-first reads
 *   (`13/03/2024`) makes the column day-first, one that only month-first reads
 *   (`03/13/2024`) month-first. While every such value is ambiguous, reading goes on, to
 *   the end of the file if need be (no analysis is done in this pass, so it is quick).
 * Refused, naming --date-format: a column with both kinds, a column whose values are all
 * ambiguous, and a column none of whose sampled values is a date at all (a wrong mapping or
 * a form not recognised). Otherwise a value the reading cannot read leaves its row undated.
 */
export class DateColumnSample {
  private rows = 0;
  private values = 0;
  private readable = 0;
  private readonly firstRow: Partial<Record<DayOrder | 'ambiguous' | 'unreadable', { row: number; value: string }>> = {};
  private readonly reader: DateReader | undefined;

  constructor(
    private readonly where: { source: string; column: string },
    private readonly dateFormat: string | undefined,
    private readonly redact: (text: string) => string,
  ) {
    this.reader = dateFormat === undefined ? undefined : formatDateReader(dateFormat);
  }

  add(raw: unknown, row: number): void {
    this.rows++;
    if (isBlank(raw)) return;
    this.values++;
    const evidence = this.reader ? 'none' : orderEvidence(raw);
    if (evidence !== 'none') this.note(evidence, raw, row);
    if (evidence === 'ambiguous' || (this.reader ? this.reader(raw) : parseDate(raw)) !== undefined) this.readable++;
    else this.note('unreadable', raw, row);
  }

  /** True once more values cannot change the decision. */
  get settled(): boolean {
    const f = this.firstRow;
    if (f.dmy && f.mdy) return true;
    return this.rows >= DATE_SAMPLE && !(f.ambiguous && !f.dmy && !f.mdy);
  }

  /** How every value of the column is read; throws InputError for a column that cannot be. */
  reading(): DateReader {
    if (this.reader) {
      if (this.values > 0 && this.readable === 0)
        throw this.refuse(
          `--date-format '${this.dateFormat}' reads none of its first ${this.values} values (row ${this.example('unreadable')})`,
          'another --date-format',
        );
      return this.reader;
    }
    const { dmy, mdy, ambiguous } = this.firstRow;
    if (dmy && mdy) {
      throw this.refuse(
        `it holds day-first dates (row ${this.example('dmy')}) and month-first dates (row ${this.example('mdy')})`,
        '--date-format dd/MM/yyyy or --date-format MM/dd/yyyy',
      );
    }
    if (ambiguous && !dmy && !mdy) {
      throw this.refuse(
        `its dates (row ${this.example('ambiguous')}) read as day/month/year or as month/day/year, and no value in the file tells which`,
        '--date-format dd/MM/yyyy (day first) or --date-format MM/dd/yyyy (month first)',
      );
    }
    if (this.values > 0 && this.readable === 0) {
      throw this.refuse(
        `none of its first ${this.values} values is a date frictionlens reads (row ${this.example('unreadable')})`,
        '--date-format with luxon tokens, e.g. dd.MM.yyyy HH:mm',
      );
    }
    const order = dmy ? 'dmy' : mdy ? 'mdy' : undefined;
    return (value) => parseDate(value, order);
  }

  private note(kind: keyof DateColumnSample['firstRow'], raw: unknown, row: number): void {
    this.firstRow[kind] ??= { row, value: typeof raw === 'string' ? raw.trim() : JSON.stringify(raw) };
  }

  private example(kind: keyof DateColumnSample['firstRow']): string {
    const found = this.firstRow[kind]!;
    return `${found.row}: '${this.redact(found.value)}'`;
  }

  private refuse(why: string, fix: string): InputError {
    return new InputError(`${this.where.source}: date column '${this.where.column}': ${why}; pass ${fix}`);
  }
}
