import { Redis } from 'ioredis';

/**
 * Samples Redis's used_memory every 100 ms; `stop` returns the peak above the level at the
 * start (what the run added: queued batches, job state), in MB.
 */
export async function sampleRedisMemory(url: string): Promise<{ stop(): Promise<{ baseMb: number; peakMb: number }> }> {
  const redis = new Redis(url);
  const used = async (): Promise<number> => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
  const base = await used();
  let peak = base;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    used()
      .then((u) => (peak = Math.max(peak, u)))
      .catch(() => {})
      .finally(() => (busy = false));
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      redis.disconnect();
      return { baseMb: base / 2 ** 20, peakMb: (peak - base) / 2 ** 20 };
    },
  };
}
