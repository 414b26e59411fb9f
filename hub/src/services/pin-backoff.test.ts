import { describe, expect, it } from 'vitest';
import { PinBackoff } from './pin-backoff.ts';

describe('PIN back-off', () => {
  it('allows three wrong PINs, then makes the staff member wait, longer each time', () => {
    const b = new PinBackoff(3, 30_000, 15 * 60_000);
    for (let i = 0; i < 2; i++) b.fail('mei', 0);
    expect(b.waitSeconds('mei', 0)).toBe(0);
    b.fail('mei', 0);
    expect(b.waitSeconds('mei', 0)).toBe(30);
    expect(b.waitSeconds('mei', 30_000)).toBe(0);
    b.fail('mei', 30_000);
    expect(b.waitSeconds('mei', 30_000)).toBe(60);
  });

  it('forgets the failures after a right PIN and never waits more than the maximum', () => {
    const b = new PinBackoff(1, 1000, 5000);
    for (let i = 0; i < 10; i++) b.fail('anna', 0);
    expect(b.waitSeconds('anna', 0)).toBe(5);
    b.succeed('anna');
    expect(b.waitSeconds('anna', 0)).toBe(0);
  });
});
