import { describe, expect, it } from 'vitest';
import { FailureLimiter, senderKey } from './failure-limiter.ts';

describe('failure limiter', () => {
  it('blocks a sender after its own failures only, until they age', () => {
    const limiter = new FailureLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) limiter.fail('10.0.0.66', i);
    expect(limiter.blocked('10.0.0.66', 10)).toBe(true);
    expect(limiter.blocked('10.0.0.20', 10)).toBe(false);
    expect(limiter.blocked('10.0.0.66', 60_001)).toBe(false);
  });
});

describe('sender key', () => {
  it('keeps IPv4 as it is, unwraps IPv4-mapped IPv6, and groups IPv6 by its /64', () => {
    expect(senderKey('192.168.1.20')).toBe('192.168.1.20');
    expect(senderKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(senderKey('fd00:1:2:3:aaaa::1')).toBe('fd00:1:2:3::/64');
    expect(senderKey('fd00:1:2:3:bbbb:cccc:dddd:eeee')).toBe('fd00:1:2:3::/64');
    expect(senderKey('fd00:0001:2:4::1')).toBe('fd00:1:2:4::/64');
    expect(senderKey('::1')).toBe('0:0:0:0::/64');
    expect(senderKey(null)).toBe('unknown');
  });
});
