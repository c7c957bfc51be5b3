import { describe, expect, it } from 'vitest';
import { foldHistory, type DeliveryEvent } from '../src/store/deliveries/delivery-history.js';

const e = (round: number, attempt: number, kind: DeliveryEvent['kind'], error?: string): DeliveryEvent => ({
  id: 'msg_abcdefgh1234',
  round,
  attempt,
  kind,
  at: `2026-12-02T10:0${round}:0${attempt}.000Z`,
  ...(error ? { error } : {}),
});

describe("a delivery's state from its history", () => {
  it('is pending with no attempt, and while attempts fail but are retried', () => {
    expect(foldHistory([])).toEqual({ status: 'pending', attempts: 0 });
    expect(foldHistory([e(0, 1, 'failed', 'HTTP 500'), e(0, 2, 'failed', 'timeout after 10000 ms')])).toEqual({
      status: 'pending',
      attempts: 2,
      lastError: 'timeout after 10000 ms',
    });
  });

  it('is a dead letter after a failed last attempt, pending again once redriven, and delivered after', () => {
    const dead = [e(0, 1, 'failed', 'HTTP 500'), e(0, 2, 'dead', 'HTTP 503')];
    expect(foldHistory(dead)).toEqual({ status: 'failed', attempts: 2, lastError: 'HTTP 503' });
    expect(foldHistory([...dead, e(1, 0, 'reopened')])).toMatchObject({ status: 'pending', attempts: 2 });
    // Stored in any order: read in (round, attempt) order.
    expect(foldHistory([e(1, 1, 'delivered'), e(1, 0, 'reopened'), ...dead.reverse()])).toEqual({
      status: 'delivered',
      attempts: 3,
      lastError: 'HTTP 503',
      deliveredAt: '2026-12-02T10:01:01.000Z',
    });
  });
});
