import { describe, expect, it } from 'vitest';
import { KioskIdentityLimit } from './kiosk-lookups.ts';

describe('KioskIdentityLimit', () => {
  const setup = (limit = { max: 3, windowMs: 60_000 }) => {
    let now = 1_000_000;
    const attempts = new KioskIdentityLimit({ clock: () => now, limit });
    return { attempts, advance: (ms: number) => (now += ms) };
  };

  it('allows a kiosk its limit of attempts in the window, then refuses until the window has passed', () => {
    const { attempts, advance } = setup();
    expect([1, 2, 3].map((i) => attempts.allow('kiosk-a', `cmd-${i}`))).toEqual([true, true, true]);
    expect(attempts.allow('kiosk-a', 'cmd-4')).toBe(false);
    // Another kiosk has its own count.
    expect(attempts.allow('kiosk-b', 'cmd-5')).toBe(true);
    advance(60_001);
    expect(attempts.allow('kiosk-a', 'cmd-6')).toBe(true);
  });

  it('counts a retried command once, and lets the retry through even at the limit', () => {
    const { attempts } = setup({ max: 2, windowMs: 60_000 });
    expect(attempts.allow('kiosk', 'cmd-1')).toBe(true);
    expect(attempts.allow('kiosk', 'cmd-1')).toBe(true);
    expect(attempts.allow('kiosk', 'cmd-2')).toBe(true);
    expect(attempts.allow('kiosk', 'cmd-2')).toBe(true);
    expect(attempts.allow('kiosk', 'cmd-3')).toBe(false);
  });
});
