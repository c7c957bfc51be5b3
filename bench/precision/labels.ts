import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * One judged theme mention: is the sentence really about that root cause? Stored as data
 * (data/precision/labels.jsonl), joined with the current matches by (dataset, row, themeId).
 */
export const PrecisionLabel = z.object({
  dataset: z.string().min(1),
  /** Which part of the set it was sampled from: dev labels tune the taxonomy, test labels only measure it. */
  split: z.enum(['dev', 'test']),
  /** The row within the set ("train:41", "row:1207"): see corpora.ts. */
  row: z.string().min(1),
  themeId: z.string().min(1),
  /** The evidence sentence, redacted, as analyze stored it when the mention was sampled. */
  sentence: z.string(),
  /** The matched words. */
  evidence: z.string(),
  correct: z.boolean(),
  note: z.string().optional(),
});
export type PrecisionLabel = z.infer<typeof PrecisionLabel>;

/** The join key of a label and a mention. */
export const labelKey = (dataset: string, row: string, themeId: string): string => `${dataset}\u0000${row}\u0000${themeId}`;

/** Parses a labels file (JSON lines); a bad line stops with its line number and what is wrong. */
export function parseLabels(text: string): PrecisionLabel[] {
  const out: PrecisionLabel[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new Error(`labels line ${i + 1}: not JSON: ${(err as Error).message}`);
    }
    const parsed = PrecisionLabel.safeParse(raw);
    if (!parsed.success) throw new Error(`labels line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}

export function readLabels(file: string): PrecisionLabel[] {
  return existsSync(file) ? parseLabels(readFileSync(file, 'utf8')) : [];
}
