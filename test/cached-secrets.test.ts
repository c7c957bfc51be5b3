import { describe, expect, it } from 'vitest';
import { cachedSecrets } from '../src/deliver/cached-secrets.js';
import { NotFoundError } from '../src/errors/index.js';

describe("a worker's cache of signing secrets", () => {
  it('reads a secret once per ttl, a rotated one after it, and never keeps a missing subscription', async () => {
    let clock = 0;
    let reads = 0;
    const stored = new Map([['sub_a', 'whsec_b25l']]);
    const secrets = cachedSecrets(
      {
        async secretOf(id) {
          reads++;
          const s = stored.get(id);
          if (!s) throw new NotFoundError(`subscription '${id}' is gone`);
          return s;
        },
      },
      10_000,
      () => clock,
    );
    expect(await secrets.secretOf('sub_a')).toBe('whsec_b25l');
    stored.set('sub_a', 'whsec_dHdv');
    clock = 9_999;
    expect(await secrets.secretOf('sub_a')).toBe('whsec_b25l');
    expect(reads).toBe(1);
    clock = 10_000;
    expect(await secrets.secretOf('sub_a')).toBe('whsec_dHdv');
    await expect(secrets.secretOf('sub_gone')).rejects.toThrow(NotFoundError);
    stored.set('sub_gone', 'whsec_dGhyZWU=');
    expect(await secrets.secretOf('sub_gone')).toBe('whsec_dGhyZWU=');
    expect(reads).toBe(4);
  });
});
