import { UnrecoverableError, type Job } from 'bullmq';
import { DeliveryJob } from '../contracts/index.js';
import { sendWebhook, type SendOptions } from '../deliver/send-webhook.js';
import { formatIssues, outcomeOf } from '../errors/index.js';
import type { DeliveryStore } from '../store/deliveries/delivery-store.js';
import type { SigningSecrets } from '../store/deliveries/signing-secrets.js';

/** What a delivery worker uses: passed in, never global. */
export interface DeliveryContext {
  deliveries: DeliveryStore;
  secrets: SigningSecrets;
  send: SendOptions;
}

/**
 * The processor of the deliver queue: one attempt of one message. The send's failure is
 * judged by the error vocabulary, as job-processor.ts does for stages: a refused endpoint or
 * a removed subscription (InputError) fails at once; a non-2xx, a connection failure or a
 * timeout (TransientError) is retried with the queue's backoff; a bug is retried once. Every
 * outcome is added to the delivery's history, keyed by round and attempt; a failed last
 * attempt makes it a dead letter (status failed). A store failure after a successful send is thrown as it is and retried: the
 * message goes again under the same webhook id, which the receiver drops as a duplicate
 * (at-least-once delivery, the Standard Webhooks way).
 */
export function deliveryProcessor(ctx: DeliveryContext) {
  return async (job: Job): Promise<{ delivered: true }> => {
    const parsed = DeliveryJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`delivery job ${job.id} is malformed: ${formatIssues(parsed.error)}`);
    const { round, ...message } = parsed.data;
    const attempt = job.attemptsMade + 1;
    let failure: unknown;
    try {
      await sendWebhook(message, await ctx.secrets.secretOf(message.subscriptionId), ctx.send);
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) {
      await ctx.deliveries.recordAttempt(message.id, { round, attempt }, { delivered: true });
      return { delivered: true };
    }
    const outcome = outcomeOf(failure);
    const final = outcome.retry === 'never' || (outcome.retry === 'once' && attempt >= 2) || attempt >= (job.opts.attempts ?? 1);
    const reason = describe(failure, outcome.code);
    await ctx.deliveries.recordAttempt(message.id, { round, attempt }, { delivered: false, error: reason, final });
    if (final) throw new UnrecoverableError(reason);
    throw failure;
  };
}

/** The failure as the record keeps it: our own messages (a status, an error code, a refusal), a bug by its class only. */
function describe(error: unknown, code: string): string {
  if (code === 'internal') return `internal error (a bug): ${error instanceof Error ? error.name : typeof error}`;
  return error instanceof Error ? error.message : String(error);
}
