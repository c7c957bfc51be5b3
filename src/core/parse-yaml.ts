import yaml from 'js-yaml';

/**
 * YAML of the model files (taxonomy, lexicons, signal cues), read at every start-up and by
 * every analyze thread: js-yaml reads the 58 KB taxonomy in ~40 ms where the `yaml` package
 * (kept for what it does better: mapping files, writing suggestions) takes ~200-500 ms.
 * The core schema is YAML 1.2's, as `yaml` reads by default: "yes" and dates stay strings.
 */
export function parseYaml(text: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}
