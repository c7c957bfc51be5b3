import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addressProblem, endpointAddress, parseAllowList, type ResolveHost } from '../src/deliver/private-address.js';
import { pinnedTo, sendWebhook } from '../src/deliver/send-webhook.js';
import { InputError, TransientError } from '../src/errors/index.js';

/** A resolver that answers from a table: DNS without a network. */
const table =
  (answers: Record<string, string[]>): ResolveHost =>
  async (host) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('the private-address rule of webhook endpoints', () => {
  it('refuses every non-public range and accepts public unicast addresses', () => {
    const refused = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '192.0.2.1',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:a00:1::1',
    ];
    for (const address of refused) expect(addressProblem(address), address).toMatch(/ is an? \w+ address$/);
    expect(addressProblem('10.0.0.1')).toBe('10.0.0.1 is a private address');
    expect(addressProblem('::ffff:127.0.0.1')).toBe('::ffff:127.0.0.1 is a loopback address');
    for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8']) expect(addressProblem(address), address).toBeNull();
  });

  it('refuses a host that resolves to a private address, even one among public ones', async () => {
    const resolve = table({ 'hooks.example.com': ['10.0.0.7'], 'mixed.example.com': ['93.184.216.34', '127.0.0.1'] });
    await expect(endpointAddress('https://hooks.example.com/x', [], resolve)).rejects.toThrow(
      'endpoint refused: hooks.example.com resolves to 10.0.0.7 is a private address, and hooks.example.com is not in FRICTIONLENS_WEBHOOK_ALLOW',
    );
    await expect(endpointAddress('https://mixed.example.com/x', [], resolve)).rejects.toThrow(/resolves to 127\.0\.0\.1 is a loopback address/);
    await expect(endpointAddress('https://[::1]:8443/x', [], resolve)).rejects.toThrow(InputError);
    await expect(endpointAddress('https://169.254.169.254/latest/meta-data', [], resolve)).rejects.toThrow(/linkLocal/);
  });

  it('gives the public address checked, to connect to it and no other (DNS rebinding)', async () => {
    const resolve = table({ 'hooks.example.com': ['93.184.216.34', '2606:4700::1111'] });
    expect(await endpointAddress('https://hooks.example.com/x', [], resolve)).toEqual({ address: '93.184.216.34', family: 4 });
    expect(await endpointAddress('https://8.8.8.8/x', [], resolve)).toEqual({ address: '8.8.8.8', family: 4 });
  });

  it('requires https unless the host is allow-listed, and lets an allow-listed host be private', async () => {
    const resolve = table({ 'hooks.example.com': ['93.184.216.34'], 'receiver.internal': ['10.0.0.9'] });
    await expect(endpointAddress('http://hooks.example.com/x', [], resolve)).rejects.toThrow(/must be https/);
    const allow = parseAllowList(' 127.0.0.1, Receiver.Internal ,,[::1]');
    expect(allow).toEqual(['127.0.0.1', 'receiver.internal', '::1']);
    expect(await endpointAddress('http://127.0.0.1:9999/x', allow, resolve)).toBeNull();
    expect(await endpointAddress('http://receiver.internal/x', allow, resolve)).toBeNull();
    expect(await endpointAddress('http://[::1]:9999/x', allow, resolve)).toBeNull();
    await expect(endpointAddress('ftp://hooks.example.com/x', allow, resolve)).rejects.toThrow(/not a webhook scheme/);
  });

  it('takes a host that does not resolve for a transient failure (retried)', async () => {
    await expect(endpointAddress('https://nowhere.example.com/x', [], table({}))).rejects.toThrow(TransientError);
    await expect(endpointAddress('https://nowhere.example.com/x', [], table({}))).rejects.toThrow('cannot resolve nowhere.example.com (ENOTFOUND)');
  });

  it('never connects to a refused endpoint: the receiver on a private address sees no request', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const message = {
        id: 'msg_abcdefgh1234',
        subscriptionId: 's1',
        type: 'alert.spike',
        payload: {},
        createdAt: new Date().toISOString(),
      };
      const secret = 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0';
      const resolve = table({ 'hooks.example.com': ['127.0.0.1'] });
      for (const endpoint of [`https://hooks.example.com:${port}/`, `https://127.0.0.1:${port}/`, `http://127.0.0.1:${port}/`])
        await expect(sendWebhook({ ...message, endpoint }, secret, { allow: [], timeoutMs: 2_000, resolve }), endpoint).rejects.toThrow(InputError);
      expect(requests).toBe(0);
      // The same receiver, allow-listed, gets it.
      await sendWebhook({ ...message, endpoint: `http://127.0.0.1:${port}/` }, secret, { allow: ['127.0.0.1'], timeoutMs: 2_000 });
      expect(requests).toBe(1);
    } finally {
      server.close();
    }
  });

  it('connects to the address it checked, never asking the system resolver again (DNS rebinding)', async () => {
    // The name resolves nowhere: had the connection looked it up again, it would fail with
    // ENOTFOUND; pinned to the checked address (a loopback receiver here), it arrives there.
    const hosts: string[] = [];
    const server = createServer((req, res) => {
      hosts.push(req.headers.host ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(`http://rebind.invalid:${port}/hook`, { method: 'POST', lookup: pinnedTo({ address: '127.0.0.1', family: 4 }) }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end('{}');
      });
      expect(status).toBe(200);
      expect(hosts).toEqual([`rebind.invalid:${port}`]);
    } finally {
      server.close();
    }
  });
});
