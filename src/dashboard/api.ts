import type { Coverage, Sentiment } from '../contracts/index.js';
import type { DatasetOutline } from '../core/insights/dataset-outline.js';
import type { ThemeDetail } from '../core/insights/theme-detail.js';
import type { ThemeRow } from '../core/insights/theme-rows.js';

export type { ThemeDetail, ThemeRow };

/**
 * The answers of the HTTP API (README "HTTP API") the dashboard reads, typed by the same
 * interfaces the server answers with (type-only imports: nothing of the server is bundled).
 */
export interface TopThemesAnswer {
  dataset: string;
  facet: string;
  sort: string;
  window: { from: string; to: string } | null;
  themes: ThemeRow[];
  coverage: Coverage | null;
}

export type DatasetAnswer = DatasetOutline & { name: string };

/** One line of analyses.jsonl (src/cli/write-outputs.ts analysisLine), as the dashboard shows it. */
export interface AnalysisItem {
  id: string;
  channel: string;
  createdAt?: string;
  text: string;
  sentiment: Sentiment;
  /** Absent in analyses written before sentence spans were added. */
  sentences?: Array<{ span: { start: number; end: number }; sentiment: Sentiment }>;
  themes: Array<{ id: string; evidence: string; span?: { start: number; end: number }; sentiment: Sentiment }>;
}

export interface AnalysesAnswer {
  items: AnalysisItem[];
  next: string | null;
}

/** A failed call, with the API's own `{"error":{"code","message"}}` message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The API key, where the server asks for one (serve without --from, or --require-key): kept
 * in this tab's sessionStorage (gone when the tab closes, never in the URL) and sent as a
 * Bearer header.
 */
const KEY_ITEM = 'frictionlens.key';
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_ITEM),
  set: (key: string): void => sessionStorage.setItem(KEY_ITEM, key),
  forget: (): void => sessionStorage.removeItem(KEY_ITEM),
};

export async function getJson<T>(path: string, params?: URLSearchParams): Promise<T> {
  const query = params && params.size > 0 ? `?${params}` : '';
  const key = apiKey.get();
  const res = await fetch(`/api/v1${path}${query}`, { headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) } });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}
