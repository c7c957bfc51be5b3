import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/commands/themes.js';
import { UsageError } from '../src/errors.js';

describe('frictionlens themes suggest', () => {
  it('says --run needs MONGO_URL and the distributed mode instead of failing later', async () => {
    const error = await run(['suggest', '--run', 'run-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/MONGO_URL/);
    expect((error as Error).message).toMatch(/distributed mode/);
  });

  it('refuses files and --run together, and an unknown subcommand', async () => {
    await expect(run(['suggest', 'a.csv', '--run', 'run-1'])).rejects.toThrow(UsageError);
    await expect(run(['list'])).rejects.toThrow(/unknown subcommand 'list'/);
  });
});
