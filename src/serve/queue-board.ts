import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { RunQueues } from '../queue/run-queues.js';

const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board, the queue view BullMQ users expect (jobs by state, failures with their
 * stacks, retries), over the pipeline's stage queues, at /admin/queues: the admin scope only
 * (route-access.ts), since it shows job payloads (batches of redacted verbatims) and can
 * retry or remove jobs. Bull Board's own pages load their scripts inline, so the page gets
 * the Content-Security-Policy it needs, and no other route does.
 */
export async function registerQueueBoard(app: FastifyInstance, queues: RunQueues): Promise<void> {
  const board = new FastifyAdapter();
  createBullBoard({ queues: Object.values(queues.queues).map((q) => new BullMQAdapter(q)), serverAdapter: board });
  board.setBasePath(QUEUE_BOARD_PATH);
  await app.register(
    async (scope) => {
      scope.addHook('onSend', async (_request, reply) => {
        reply.header(
          'content-security-policy',
          "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        );
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
