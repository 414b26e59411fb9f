import { describe, expect, it } from 'vitest';
import { BucketMap, TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows the burst at once, then refuses until tokens come back at the rate', () => {
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true]);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.waitMs(0)).toBe(500);
    expect(bucket.take(499)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(500)).toBe(false);
  });

  it('never holds more than the burst however long it rested', () => {
    const bucket = new TokenBucket({ burst: 2, perSecond: 10 }, 0);
    bucket.take(0);
    expect(bucket.full(60_000)).toBe(true);
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, false]);
  });

  it('a clock that steps back adds no tokens', () => {
    const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, 10_000);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(0)).toBe(false);
  });
});

describe('BucketMap', () => {
  it('keeps one bucket per key and forgets those that refilled', () => {
    const map = new BucketMap({ burst: 1, perSecond: 1 });
    expect(map.take('a', 0)).toBe(true);
    expect(map.take('a', 0)).toBe(false);
    expect(map.take('b', 0)).toBe(true);
    expect(map.size).toBe(2);
    map.sweep(500);
    expect(map.size).toBe(2);
    map.sweep(1000);
    expect(map.size).toBe(0);
  });
});
