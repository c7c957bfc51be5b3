import { type Alert, alertKey, datasetOf, type Run } from '../contracts/index.js';
import { WHOLE_BUCKET } from '../core/insights/bucket-split.js';
import { themeSpikes } from '../core/insights/spike-alerts.js';
import type { RoutingStore } from '../store/routing/routing-store.js';
import type { Store } from '../store/store.js';
import { mergedRollups } from './rollups.js';

/** Who owns a theme in a facet (the owners map: a facet rule beats the theme's), with the theme's name. */
export type ThemeOwner = (themeId: string, facet: string) => { team: string; name: string };

/**
 * The route stage's alerts for a finished run (README "Spike alerts"): the spikes of its
 * dataset's rollups in the buckets the run touched, each recorded once under its key (the
 * first finding is kept, however often its bucket is recomputed). All of them are returned,
 * recorded now or before: their deliveries carry ids made from the key (route-run.ts), so a
 * retried route job re-sends nothing and still sends what a crash left unsent.
 */
export async function raiseAlerts(store: Store, routing: RoutingStore, run: Run, ownerOf: ThemeOwner, now: Date): Promise<Alert[]> {
  const touched = (run.rollup?.buckets ?? []).filter((b) => b !== WHOLE_BUCKET);
  if (touched.length === 0) return [];
  const dataset = datasetOf(run);
  const merged = await mergedRollups(store, dataset);
  if (!merged) return [];
  const found: Alert[] = [];
  for (const { themeId, facet, spike } of themeSpikes(merged, touched)) {
    const { team, name } = ownerOf(themeId, facet);
    const fields = { dataset, themeId, facet, bucket: spike.bucket, kind: spike.kind };
    const alert: Alert = {
      ...fields,
      key: alertKey(fields),
      themeName: name,
      team,
      bucketSize: merged.bucketSize,
      observed: spike.observed,
      expected: spike.expected,
      z: spike.z,
      baseline: spike.baseline,
      runId: run.id,
      createdAt: now.toISOString(),
    };
    await routing.claimAlert(alert);
    found.push(alert);
  }
  return found;
}
