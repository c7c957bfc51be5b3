import type { FieldMapping, FixedTarget, MappingTarget } from './mapping.js';
import { isPlainObject } from './source-record.js';

const ATTRIBUTE_PREFIX = 'attributes.';

/**
 * Reads mapped fields from one record. A target the mapping names reads that column; any
 * other target reads a column named like itself ("text", "score.nps"), so exports already
 * using the target names need no mapping. A column name is looked up as a key first, then as
 * a dotted path into nested JSON ("meta.region").
 */
export class RecordFields {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly mapping: FieldMapping,
  ) {}

  /** The source column a target reads from. */
  column(target: MappingTarget): string {
    return this.mapping[target] ?? target;
  }

  /** True when the mapping names the target or the record has a column of that name. */
  present(target: FixedTarget): boolean {
    return this.mapping[target] !== undefined || lookup(this.record, target) !== undefined;
  }

  get(target: MappingTarget): unknown {
    return lookup(this.record, this.column(target));
  }

  /** Raw top-level value, for records already shaped like a Verbatim (nested score etc.). */
  raw(key: string): unknown {
    return this.record[key];
  }

  /** Attribute name -> raw value, from the mapping and from self-named "attributes.X" columns. */
  attributes(): Map<string, unknown> {
    const found = new Map<string, unknown>();
    for (const key of Object.keys(this.record)) {
      if (key.startsWith(ATTRIBUTE_PREFIX)) found.set(key.slice(ATTRIBUTE_PREFIX.length), this.record[key]);
    }
    for (const [target, column] of Object.entries(this.mapping)) {
      if (target.startsWith(ATTRIBUTE_PREFIX) && column !== undefined) {
        found.set(target.slice(ATTRIBUTE_PREFIX.length), lookup(this.record, column));
      }
    }
    return found;
  }
}

function lookup(record: Record<string, unknown>, column: string): unknown {
  if (Object.hasOwn(record, column)) return record[column];
  if (!column.includes('.')) return undefined;
  let value: unknown = record;
  for (const key of column.split('.')) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}
