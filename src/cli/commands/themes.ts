import { writeFile } from 'node:fs/promises';
import type { RunCounts } from '../../contracts/index.js';
import {
  DEFAULT_MAX_SUGGESTIONS,
  DEFAULT_MIN_SIZE,
  describeUnit,
  familyVocabularies,
  NameTally,
  suggestionsDocument,
  suggestThemes,
  uncoveredUnits,
  type DescribedUnit,
  type DiscoveryResult,
} from '../../core/discovery/index.js';
import { UsageError } from '../../errors/index.js';
import { loadAnalyzer, type LoadedAnalyzer } from '../../load/analyzer.js';
import { analyzerTaxonomy, INDUSTRY_HELP, loadTaxonomyAndOwners } from '../theme-info.js';
import { runEmbedded } from '../../runner/embedded.js';
import { createEmbeddedStore } from '../../store/embedded-store.js';
import type { Store } from '../../store/store.js';
import { READ_FLAGS, READ_HELP, ingestSettings, positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';
import { renderSuggestions } from '../render-suggestions.js';
import { CATALOGUE_HELP, listPacks, listThemes } from '../theme-catalogue.js';
import { openRunStore } from '../stored-run.js';
import { SERVICE_FLAGS, SERVICE_HELP } from '../../services/settings.js';

export const THEMES_HELP = `Usage: frictionlens themes suggest FILE... [options]
       frictionlens themes suggest --run ID [options]
${CATALOGUE_HELP}

themes suggest: groups the sentences the taxonomy did not cover (no theme, or only a catch-all theme) into
candidate friction themes: a label from their top phrases, size, 5 example quotes, the
nearest existing theme by content (its family is the parent guess; "no close theme" when
none is near) and a taxonomy entry (id suggested.NAME) to paste under \`themes:\`. FILE...
are analysed in this process first, with the same options as analyze.

Options:
${READ_HELP}
  --run ID                  suggest from a finished run of the distributed mode, read from
                            MongoDB (see the services flags below)
  --taxonomy FILE           taxonomy to analyse with and suggest against (default: models/taxonomy.yaml)
${INDUSTRY_HELP}
  --owners FILE             owners map giving each suggestion's owner guess, its family's
                            team (default: models/owners.yaml)
  --model FILE              a trained theme or sentiment model, as for analyze; repeatable
  --min-size N              smallest group worth suggesting, in verbatims that complain in
                            it (default: ${DEFAULT_MIN_SIZE})
  --max N                   at most N suggestions, largest first (default: ${DEFAULT_MAX_SUGGESTIONS})
  --mask WORD               a brand, company or product name to mask, even when it is an
                            ordinary word ("Delta"); repeatable
  --out FILE.yaml           write the suggested taxonomy entries to FILE.yaml
  --json                    print one JSON document instead of the list
  -h, --help                this help
${SERVICE_HELP}

Exit codes: 0 ok, 2 usage error, 3 input error (or no such finished run), 4 MongoDB unreachable.`;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(`${THEMES_HELP}\n`);
    return 0;
  }
  if (sub === undefined) {
    process.stderr.write(`${THEMES_HELP}\n\n`);
    throw new UsageError('themes needs a subcommand: suggest, list or packs');
  }
  if (sub === 'list') return listThemes(rest);
  if (sub === 'packs') return listPacks(rest);
  if (sub !== 'suggest') throw new UsageError(`themes: unknown subcommand '${sub}'; the subcommands are: suggest, list, packs`);
  return suggest(rest);
}

const SUGGEST_FLAGS = {
  ...READ_FLAGS,
  ...SERVICE_FLAGS,
  run: { type: 'string' },
  taxonomy: { type: 'string' },
  industry: { type: 'string' },
  owners: { type: 'string' },
  model: { type: 'string', multiple: true },
  'min-size': { type: 'string' },
  max: { type: 'string' },
  mask: { type: 'string', multiple: true },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function suggest(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, SUGGEST_FLAGS);
  if (values.help) {
    process.stdout.write(`${THEMES_HELP}\n`);
    return 0;
  }
  if (values.run !== undefined && positionals.length > 0) throw new UsageError('themes suggest takes FILE... or --run ID, not both');
  if (values.run === undefined && positionals.length === 0) throw new UsageError('themes suggest needs FILE... or --run ID');
  const minSize = positiveInt('min-size', values['min-size']) ?? DEFAULT_MIN_SIZE;
  const max = positiveInt('max', values.max) ?? DEFAULT_MAX_SUGGESTIONS;
  const input = values.run === undefined ? await ingestSettings(positionals, values) : undefined;

  // The store first: a --run that cannot be served fails before the models load.
  const store: Store = values.run === undefined ? createEmbeddedStore() : (await openRunStore(values.run, values)).store;
  try {
    const { analyzer, taxonomy, lexicon } = await loadAnalyzer({
      ...analyzerTaxonomy(values),
      modelPaths: values.model ?? [],
    });
    const { owners } = loadTaxonomyAndOwners(values);
    let runId = values.run ?? '';
    let counts: RunCounts | undefined;
    if (input) {
      const result = await runEmbedded({ store, analyzer }, { sources: positionals, ...input });
      runId = result.run.id;
      counts = result.run.counts;
    }
    const units = await describedUnits(store, runId, { analyzer, taxonomy, lexicon }, values.mask ?? []);
    const result = suggestThemes(units, {
      minSize,
      maxSuggestions: max,
      existingIds: new Set([...taxonomy.themes.map((t) => t.id), ...taxonomy.families.map((f) => f.id)]),
      families: familyVocabularies(taxonomy, owners.familyOwner),
    });
    const about = `run ${runId}: ${result.uncovered} uncovered sentences, ${result.suggestions.length} suggestions of at least ${minSize} complaining verbatims`;
    if (values.out)
      await writeFile(
        values.out,
        suggestionsDocument(
          result.suggestions.map((s) => s.yaml),
          about,
        ),
      );
    process.stdout.write(
      values.json ? `${JSON.stringify(summary(runId, counts, result), null, 2)}\n` : `${renderSuggestions(result, { minSize, out: values.out })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * Two passes over the run's stored analyses, so memory holds small records, never parsed
 * sentences: first how every uncovered sentence writes its words (to find source names),
 * then each sentence parsed and reduced to its terms with those names masked.
 */
async function describedUnits(
  store: Store,
  runId: string,
  { analyzer, taxonomy, lexicon }: Pick<LoadedAnalyzer, 'analyzer' | 'taxonomy' | 'lexicon'>,
  mask: readonly string[],
): Promise<DescribedUnit[]> {
  const catchAll = new Set(taxonomy.themes.filter((t) => t.catchAll).map((t) => t.id));
  const isCatchAll = (id: string): boolean => catchAll.has(id);
  const noParse = () => ({ text: '', sentences: [] });
  const tally = new NameTally();
  for await (const a of store.analyses(runId)) for (const u of uncoveredUnits(a, noParse, isCatchAll)) tally.add(u.text);
  const names = tally.names(mask);
  const valence = (w: string): number => lexicon.words[w] ?? 0;
  const units: DescribedUnit[] = [];
  for await (const a of store.analyses(runId)) {
    for (const u of uncoveredUnits(a, (text) => analyzer.parse(text), isCatchAll)) units.push(describeUnit(u, names, { valence, maskWords: mask }));
  }
  return units;
}

function summary(runId: string, counts: RunCounts | undefined, result: DiscoveryResult) {
  return { runId, ...(counts ? { run: counts } : {}), uncovered: result.uncovered, grouped: result.grouped, suggestions: result.suggestions };
}
