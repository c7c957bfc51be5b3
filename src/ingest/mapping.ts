import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../errors/index.js';

/** Verbatim fields a source column can be mapped to; plus `attributes.NAME` for any NAME. */
const MAPPING_TARGETS = [
  'id',
  'text',
  'turns',
  'channel',
  'createdAt',
  'score.nps',
  'score.csat',
  'score.ces',
  'score.rating',
  'score.scale',
  'customer.id',
  'customer.segment',
  'customer.value',
] as const;
export type FixedTarget = (typeof MAPPING_TARGETS)[number];
export type MappingTarget = FixedTarget | `attributes.${string}`;

/** Target -> source column name. An empty mapping means every column maps itself. */
export type FieldMapping = Readonly<Partial<Record<MappingTarget, string>>>;

const ATTRIBUTE_PREFIX = 'attributes.';
const TARGET_LIST = `${MAPPING_TARGETS.join(', ')}, attributes.NAME`;

const isFixedTarget = (target: string): target is FixedTarget => (MAPPING_TARGETS as readonly string[]).includes(target);

/** Why `target` is not a valid mapping target, or undefined when it is. */
function targetProblem(target: string): string | undefined {
  if (isFixedTarget(target)) return undefined;
  if (target.startsWith(ATTRIBUTE_PREFIX)) {
    return target.length > ATTRIBUTE_PREFIX.length ? undefined : `'attributes.' needs a name, e.g. attributes.region`;
  }
  return `unknown target '${target}'; targets are ${TARGET_LIST}`;
}

/**
 * Parses repeated `--map target=Source Column` values. Splits on the first "=", so a column
 * name may itself contain "=" or spaces.
 */
export function parseMapArgs(args: readonly string[]): FieldMapping {
  const mapping: Partial<Record<MappingTarget, string>> = {};
  for (const raw of args) {
    if (raw === '--map') continue;
    const arg = raw.startsWith('--map=') ? raw.slice('--map='.length) : raw;
    const eq = arg.indexOf('=');
    const fail = (why: string): never => {
      throw new UsageError(`--map '${arg}': ${why}`);
    };
    if (eq === -1) fail(`expected target=Column, e.g. --map "text=Comment Text"`);
    const target = arg.slice(0, eq).trim();
    const column = arg.slice(eq + 1).trim();
    if (target.length === 0) fail('the target before "=" is empty');
    if (column.length === 0) fail('the column after "=" is empty');
    const problem = targetProblem(target);
    if (problem !== undefined) fail(problem);
    if (mapping[target as MappingTarget] !== undefined) fail(`'${target}' is already mapped to '${mapping[target as MappingTarget]}'`);
    mapping[target as MappingTarget] = column;
  }
  return mapping;
}

/** A JSON or YAML file holding one object: target -> source column. */
export async function loadMappingFile(path: string): Promise<FieldMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read the mapping file (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    // YAML is a superset of JSON, so one parser reads both. Imported here, not at start-up:
    // most runs give no mapping file, and the package takes ~20 ms to load.
    const { parse } = await import('yaml');
    value = parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON or YAML (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${path}: expected an object of target: column, e.g. { "text": "Comment" }`);
  }
  const mapping: Partial<Record<MappingTarget, string>> = {};
  for (const [target, column] of Object.entries(value)) {
    const problem = targetProblem(target);
    if (problem !== undefined) throw new InputError(`${path}: ${problem}`);
    if (typeof column !== 'string' || column.trim().length === 0) {
      throw new InputError(`${path}: '${target}' must name a column (a non-empty string)`);
    }
    mapping[target as MappingTarget] = column.trim();
  }
  return mapping;
}
