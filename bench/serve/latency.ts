import autocannon from 'autocannon';
import { quantile } from '../lib/report.js';

export interface Latencies {
  /** The first request: a server that computes a dataset's view on demand pays it here. */
  firstMs: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
}

/** Sequential requests (one at a time, what one dashboard user waits for), client-side wall time each. */
export async function sequentialLatency(base: string, paths: readonly string[], headers: Record<string, string> = {}): Promise<Latencies> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - started);
  }
  const [first, ...rest] = times;
  return { firstMs: first!, p50Ms: quantile(rest, 0.5), p95Ms: quantile(rest, 0.95), requests: rest.length };
}

export interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** autocannon against loopback: `connections` at once for `seconds`. */
export async function load(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
