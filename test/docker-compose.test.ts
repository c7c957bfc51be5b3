import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { expect, it } from 'vitest';
import { runCommand } from './helpers/cli.js';

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked: every service
 * built from this repository runs a frictionlens command whose flags the CLI accepts (run
 * against services that are not there, it gets as far as reaching them: exit 4, never a usage
 * error), and reads its services from the variables the CLI reads.
 */
const root = join(import.meta.dirname, '..');
const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { build?: string; image?: string; command?: string[]; environment?: Record<string, string>; depends_on?: string[] }>;
};
const KNOWN_ENV = new Set(['MONGO_URL', 'REDIS_URL', 'FRICTIONLENS_DB', 'FRICTIONLENS_PREFIX', 'MONGO_WRITE_CONCERN', 'FRICTIONLENS_BUDGET_MS']);

it('runs MongoDB, Redis, one serve and workers, each built service a valid frictionlens command', async () => {
  const built = Object.entries(compose.services).filter(([, s]) => s.build === '.');
  expect(built.map(([name]) => name).sort()).toEqual(['serve', 'worker']);
  expect(compose.services.mongo?.image).toMatch(/^mongo:/);
  expect(compose.services.redis?.image).toMatch(/^redis:/);
  for (const [name, service] of built) {
    expect(service.depends_on, name).toEqual(['mongo', 'redis']);
    for (const variable of Object.keys(service.environment ?? {})) expect(KNOWN_ENV, `${name}: ${variable}`).toContain(variable);
    const command = service.command!;
    // Unreachable services on this machine: the command must fail only for want of them.
    const env = { ...process.env, MONGO_URL: 'mongodb://127.0.0.1:1/', REDIS_URL: 'redis://127.0.0.1:1', FRICTIONLENS_DB: 'compose-check' };
    const run = await runCommand(command, env);
    expect(run.code, `${name}: ${command.join(' ')}\n${run.stderr}`).toBe(4);
    expect(run.stderr).toMatch(/cannot reach (MongoDB|Redis)/);
  }
}, 120_000);
