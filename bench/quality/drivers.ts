/**
 * The key-driver rows of the quality bench: rating drivers on womens_clothing_reviews, the
 * embedded pipeline end to end (ingest, analysis, partials, driver model), department and
 * division as controls. Registered on `extraRowProducers`; also runs alone:
 *
 *   npx tsx bench/quality/drivers.ts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gapLine } from '../../src/cli/driver-rows.js';
import { loadAnalyzer } from '../../src/load/analyzer.js';
import { runEmbedded } from '../../src/runner/embedded.js';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import { datasetFolder, datasetsDir } from './datasets.js';
import { extraRowProducers, renderMarkdown, type QualityRow } from './rows.js';

const FILES = [1, 2, 3].map((i) => `womens_clothing_reviews_part${i}of3.csv`);
const TASK = 'rating drivers: womens_clothing_reviews';
const TOP = 5;

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

async function driverRows(root: string, say: (line: string) => void): Promise<QualityRow[]> {
  const dir = datasetFolder(root, 'womens_clothing_reviews', FILES, say);
  if (!dir) return [];
  const started = performance.now();
  const { analyzer, taxonomy } = await loadAnalyzer();
  const names = new Map(taxonomy.themes.map((t) => [t.id, t.name]));
  const store = createEmbeddedStore();
  try {
    const { run } = await runEmbedded(
      { store, analyzer },
      {
        sources: FILES.map((f) => join(dir, f)),
        mapping: { text: 'Review Text', 'score.rating': 'Rating', 'attributes.department': 'Department Name', 'attributes.division': 'Division Name' },
        channel: 'review',
        createdAt: '2019-01-01T00:00:00Z',
        options: { bucket: 'month', by: ['attributes.department', 'attributes.division'] },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const model = run.drivers;
    if (!model) {
      say(`${TASK}: no driver model (too few rated reviews)`);
      return [];
    }
    const data = `- / all ${run.counts.analyzed} reviews with text (no training)`;
    const system = `frictionlens key drivers (ridge, ${model.replicates} bootstrap replicates)`;
    const rows: QualityRow[] = model.drivers.slice(0, TOP).map((d, i) => ({
      task: TASK,
      data,
      system,
      other:
        `#${i + 1} ${names.get(d.themeId) ?? d.themeId} (${d.themeId}): attribution ${signed(d.attribution)} ` +
        `[${signed(d.ci[0])}, ${signed(d.ci[1])}], weight ${signed(d.weight)}, support ${d.support}, in top ${model.top} in ${(100 * d.stability).toFixed(0)}% of replicates`,
    }));
    rows.push({
      task: TASK,
      data,
      system,
      other: `${gapLine(model)}; mean top-${model.top} Jaccard overlap across replicates ${model.topOverlap.toFixed(2)}`,
      seconds,
    });
    return rows;
  } finally {
    await store.close();
  }
}

extraRowProducers.push(driverRows);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await driverRows(datasetsDir(join(import.meta.dirname, '..', '..')), (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${renderMarkdown(rows)}\n`);
}
