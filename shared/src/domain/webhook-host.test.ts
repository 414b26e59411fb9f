import { describe, expect, it } from 'vitest';
import { isAllowedSmtpHost, webhookHostProblem } from './webhook-host.ts';

describe('webhookHostProblem', () => {
  it('refuses link-local, unspecified and metadata addresses, and IPv4 in unusual forms', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'https://169.254.1.1:8443/sms',
      'http://0.0.0.0:8080/',
      'http://0.1.2.3/',
      'http://[fe80::1]/',
      'http://[FEBF::1]:80/',
      'http://[::]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[::169.254.169.254]/',
      'http://[::ffff:0.0.0.0]/',
      'http://2852039166/',
      'http://0xa9fea9fe/',
      'http://0251.0376.0251.0376/',
      'http://169.254.43518/',
      'http://169.254.169.254./',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA/',
      'http://[1:2:3]/',
    ]) {
      expect(webhookHostProblem(url), url).toBe('url_internal');
    }
  });

  it('allows a gateway on the salon network, loopback on another port, and the Internet', () => {
    for (const url of [
      'http://192.168.1.20:8080/sms',
      'http://10.0.0.5/send?key=abc',
      'http://127.0.0.1:9090/sms',
      'http://[::1]:9090/',
      'http://[2001:db8::1]/sms',
      'http://[fec0::1]/',
      'https://sms.example.com/api/send',
      'http://sms-gateway.local:9090/',
      'http://gw.internal/sms',
      'https://169.254.example.com/',
    ]) {
      expect(webhookHostProblem(url), url).toBeNull();
    }
  });

  it('applies the same rule to an SMTP host, IPv6 without brackets', () => {
    for (const host of ['169.254.169.254', 'fe80::1', '0.0.0.0', '2852039166', 'metadata.google.internal']) expect(isAllowedSmtpHost(host), host).toBe(false);
    for (const host of ['smtp.example.com', '127.0.0.1', '192.168.1.2', '2001:db8::25', '::1']) expect(isAllowedSmtpHost(host), host).toBe(true);
  });
});
