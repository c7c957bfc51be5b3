import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../src/core/routing/endpoint-policy.js';

describe('the webhook endpoint policy', () => {
  it('takes any https URL', () => {
    expect(checkEndpoint('https://hooks.slack.com/services/T0/B0/x', [])).toBeNull();
    expect(checkEndpoint('https://10.0.0.5:8443/hook', [])).toBeNull();
  });

  it('takes http only for a host in the allow list, IPv6 hosts with or without brackets', () => {
    expect(checkEndpoint('http://127.0.0.1:9999/hook', ['127.0.0.1'])).toBeNull();
    expect(checkEndpoint('http://LOCALHOST/hook', ['localhost'])).toBeNull();
    expect(checkEndpoint('http://[::1]:8080/hook', ['::1'])).toBeNull();
    expect(checkEndpoint('http://127.0.0.1:9999/hook', [])).toMatch(/must be https .*FRICTIONLENS_WEBHOOK_ALLOW, which is empty/);
    expect(checkEndpoint('http://example.com/hook', ['127.0.0.1'])).toMatch(/must be https .*: 127\.0\.0\.1\)/);
  });

  it('refuses what is no absolute http(s) URL, and credentials in the URL', () => {
    expect(checkEndpoint('hooks.example.com/x', [])).toMatch(/not an absolute URL/);
    expect(checkEndpoint('ftp://example.com/x', ['example.com'])).toMatch(/only https endpoints \(not ftp\)/);
    expect(checkEndpoint('https://user:pw@example.com/x', [])).toMatch(/credentials in the URL/);
  });
});
