import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured } from './rss.js';

/**
 * `rows` generated feedback rows in `dir/name` (data/generate.ts), made once and reused by
 * later runs of the benches: the generator's seed is fixed, so the file is the same.
 */
export async function generatedFile(dir: string, name: string, rows: number, format: 'csv' | 'jsonl', say: (line: string) => void): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  if (existsSync(file)) return file;
  say(`generating ${rows.toLocaleString('en-US')} rows into ${file} ...`);
  const generator = join(import.meta.dirname, '..', '..', 'data', 'generate.ts');
  const gen = await runMeasured(process.execPath, ['--import', 'tsx', generator, '--out', dir, '--rows', String(rows), '--format', format, '--file', name]);
  if (gen.code !== 0) throw new Error('generator failed');
  return file;
}
