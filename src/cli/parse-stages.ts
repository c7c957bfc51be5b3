import { UsageError } from '../errors/index.js';
import { STAGES, type Stage } from '../queue/stages.js';

/** `--stages ingest,analyze`: the named stages in pipeline order; an unknown name is a usage error. */
export function parseStages(text: string): Stage[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(STAGES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--stages: '${text}' names ${unknown.length ? `unknown stage(s) ${unknown.join(', ')}` : 'no stage'}; stages are ${STAGES.join(', ')}`,
    );
  }
  return STAGES.filter((s) => names.includes(s));
}
