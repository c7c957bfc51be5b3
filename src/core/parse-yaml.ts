import yaml from 'js-yaml';
import type { z } from 'zod';
import { formatIssues, InputError } from '../errors/index.js';

/**
 * YAML of the model files (taxonomy, lexicons, signal cues), read at every start-up and by
 * every analyze thread: js-yaml reads the 58 KB taxonomy in ~40 ms where the `yaml` package
 * (kept for what it does better: mapping files, writing suggestions) takes ~200-500 ms.
 * The core schema is YAML 1.2's, as `yaml` reads by default: "yes" and dates stay strings.
 * A syntax error becomes one line: what is wrong and where.
 */
export function parseYaml(text: string): unknown {
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const where = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : '';
    throw new Error(`${error.reason}${where}`);
  }
}

/**
 * A model file's YAML checked against its schema: a syntax error or a schema issue is one
 * input error (`fail` makes it; InputError by default) prefixed with what the file is
 * (`label`: "taxonomy", "owners", "signals"), naming the path of every problem.
 */
export function parseYamlDocument<S extends z.ZodType>(
  text: string,
  schema: S,
  label: string,
  fail: (message: string) => Error = (message) => new InputError(message),
): z.output<S> {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw fail(`${label}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail(`${label}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
