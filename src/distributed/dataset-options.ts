import { datasetOf, type Run, type RunOptions } from '../contracts/index.js';
import { InputError } from '../errors/index.js';

/**
 * Runs of one dataset merge into one view (partials add up by bucket and facet), so they
 * must be bucketed and sliced alike: a run by week merged with one by month, or one sliced
 * by channel with one that is not, would give buckets and facets that hold only some of the
 * dataset's verbatims. Refused before the run is stored, naming what the dataset uses.
 */
export function checkDatasetOptions(options: RunOptions, runs: readonly Run[]): void {
  const dataset = datasetOf({ options });
  const earlier = runs.find((r) => datasetOf(r) === dataset);
  if (!earlier) return;
  const by = (o: RunOptions): string => [...o.by].sort().join(',');
  if (earlier.options.bucket !== options.bucket || by(earlier.options) !== by(options))
    throw new InputError(
      `dataset ${dataset} is bucketed by ${earlier.options.bucket} and sliced by ${by(earlier.options) || '(no field)'} (run ${earlier.id}); ` +
        `submit with --bucket ${earlier.options.bucket}${earlier.options.by.map((f) => ` --by ${f}`).join('')}, or to another --dataset`,
    );
}
