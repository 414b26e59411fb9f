import { hostname, networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { webhookReachesHub } from './webhook-target.ts';

describe('webhookReachesHub', () => {
  const ports = [8080];
  it('knows the hub at its port by loopback, one-number, mapped and unspecified forms, its names and interfaces', () => {
    const own = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4')!.address;
    for (const url of [
      'http://127.0.0.1:8080/api/setup',
      'http://127.1.2.3:8080/',
      'http://2130706433:8080/',
      'http://0x7f000001:8080/',
      'http://localhost:8080/',
      'http://LOCALHOST.:8080/',
      'http://[::1]:8080/',
      'http://[::ffff:127.0.0.1]:8080/',
      'http://0.0.0.0:8080/',
      `http://${hostname()}:8080/`,
      `http://${hostname()}.local:8080/`,
      `http://${own}:8080/`,
      'http://glow.salon:8080/',
    ]) {
      expect(webhookReachesHub(url, ports, ['glow.salon']), url).toBe(true);
    }
    expect(webhookReachesHub('http://127.0.0.1/', [80])).toBe(true);
    expect(webhookReachesHub('https://localhost/', [443])).toBe(true);
  });

  it('lets a gateway on another port of this machine, or on another machine, be used', () => {
    for (const url of ['http://127.0.0.1:9090/sms', 'http://192.0.2.44:8080/sms', 'https://sms.example.com/', 'http://localhost:8081/', 'not a url']) {
      expect(webhookReachesHub(url, ports), url).toBe(false);
    }
  });
});
