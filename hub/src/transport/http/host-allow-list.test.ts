import { describe, expect, it } from 'vitest';
import { hostAllowList, hostName } from './host-allow-list.ts';

describe('host allow-list', () => {
  const allowed = hostAllowList(['salon-hub', 'salon-hub.local', 'Glow.Example.Lan']);

  it.each([
    'salon-hub:8443',
    'salon-hub.local',
    'SALON-HUB.LOCAL.:8080',
    'glow.example.lan',
    'localhost:8080',
    'kiosk.localhost',
    '127.0.0.1:8080',
    '192.168.1.20',
    '[::1]:8443',
    '[fe80::1]',
  ])('answers to %s', (host) => expect(allowed(host)).toBe(true));

  it.each(['evil.example.com', 'evil.example.com:8080', 'salon-hub.evil.com', 'localhost.evil.com', '', 'a b', 'x@salon-hub', 'salon-hub/x'])(
    'refuses %j',
    (host) => expect(allowed(host)).toBe(false),
  );

  it('lets a request without Host through (no browser sends one)', () => expect(allowed(undefined)).toBe(true));

  it('reads the name without port, case or trailing dot', () => {
    expect(hostName('Glow.LOCAL.:8443')).toBe('glow.local');
    expect(hostName('[::1]:80')).toBe('[::1]');
  });
});
