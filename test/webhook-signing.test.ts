import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../src/core/webhooks/sign-webhook.js';
import { webhookBody } from '../src/core/webhooks/webhook-body.js';
import { InputError } from '../src/errors/index.js';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const now = (): number => Math.floor(Date.now() / 1000);
const body = webhookBody({ type: 'alert.spike', createdAt: '2026-12-02T10:00:00.000Z', payload: { theme: 'lost-package', volume: 42 } });

describe('signing a webhook (Standard Webhooks)', () => {
  it('gives the three headers, which the standardwebhooks package verifies, and the body back', () => {
    const headers = signWebhook(secret, 'msg_abcdefgh1234', now(), body);
    expect(Object.keys(headers)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(headers['webhook-id']).toBe('msg_abcdefgh1234');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual({
      type: 'alert.spike',
      timestamp: '2026-12-02T10:00:00.000Z',
      data: { theme: 'lost-package', volume: 42 },
    });
  });

  it('is refused with another secret, another body, another id or a timestamp older than five minutes', () => {
    const ts = now();
    const headers = signWebhook(secret, 'msg_abcdefgh1234', ts, body);
    const other = new Webhook(`whsec_${randomBytes(24).toString('base64')}`);
    expect(() => other.verify(body, { ...headers })).toThrow(WebhookVerificationError);
    const receiver = new Webhook(secret);
    expect(() => receiver.verify(body.replace('42', '43'), { ...headers })).toThrow(WebhookVerificationError);
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'msg_other0000000' })).toThrow(WebhookVerificationError);
    // A replay: genuinely signed, ten minutes ago.
    const old = signWebhook(secret, 'msg_abcdefgh1234', ts - 600, body);
    expect(() => receiver.verify(body, { ...old })).toThrow(/too old/);
  });

  it('signs each attempt with its own timestamp under the same id', () => {
    const a = signWebhook(secret, 'msg_abcdefgh1234', 1_800_000_000, body);
    const b = signWebhook(secret, 'msg_abcdefgh1234', 1_800_000_060, body);
    expect(a['webhook-id']).toBe(b['webhook-id']);
    expect(a['webhook-signature']).not.toBe(b['webhook-signature']);
  });

  it('refuses a secret that is not whsec_ and base64', () => {
    expect(() => signWebhook('plain-secret', 'msg_abcdefgh1234', now(), body)).toThrow(InputError);
    expect(() => signWebhook('whsec_not base64!', 'msg_abcdefgh1234', now(), body)).toThrow(InputError);
  });
});
