import { describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../src/distributed/handler-registry.js';
import { HANDLERS } from '../src/distributed/handlers/index.js';
import type { JobHandler } from '../src/distributed/handler.js';
import { parseStages } from '../src/cli/parse-stages.js';
import { STAGES } from '../src/queue/stages.js';

const noop = (stage: string): JobHandler => ({ stage: stage as JobHandler['stage'], handle: async () => null });

describe('the job handler registry', () => {
  it('maps every stage to exactly one handler', () => {
    const registry = createHandlerRegistry(HANDLERS);
    expect([...registry.keys()].sort()).toEqual([...STAGES].sort());
  });

  it('fails start-up when a stage has no handler', () => {
    expect(() => createHandlerRegistry(HANDLERS.filter((h) => h.stage !== 'aggregate'))).toThrow(/no handler for stage\(s\) aggregate/);
  });

  it('fails start-up when a stage has two handlers', () => {
    expect(() => createHandlerRegistry([...HANDLERS, noop('analyze')])).toThrow(/two handlers for stage 'analyze'/);
  });

  it('fails start-up on a handler for a stage that does not exist', () => {
    expect(() => createHandlerRegistry([...HANDLERS, noop('deliver')])).toThrow(/'deliver' is not a stage/);
  });

  it('reads --stages in pipeline order and refuses unknown names', () => {
    expect(parseStages('route,analyze')).toEqual({ stages: ['analyze', 'route'], deliver: false, digest: false });
    expect(parseStages('deliver')).toEqual({ stages: [], deliver: true, digest: false });
    expect(parseStages('digest,deliver')).toEqual({ stages: [], deliver: true, digest: true });
    expect(() => parseStages('analyse')).toThrow(/unknown stage\(s\) analyse/);
  });
});
