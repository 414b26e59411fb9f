import { describe, expect, it } from 'vitest';
import { IdleLock } from './idle-lock.svelte.ts';

describe('IdleLock', () => {
  it('locks after the limit without a touch, for the person signed in, and unlocks', () => {
    let now = 0;
    let who: { staffId: string; limitMs: number | null } | null = { staffId: 'mei', limitMs: 120_000 };
    const lock = new IdleLock(() => who, () => now);
    now = 119_000;
    lock.tick();
    expect(lock.isLocked('mei')).toBe(false);
    lock.touch();
    now = 200_000;
    lock.tick();
    expect(lock.isLocked('mei')).toBe(false);
    now = 239_000;
    lock.tick();
    expect(lock.isLocked('mei')).toBe(true);
    lock.unlock();
    expect(lock.isLocked('mei')).toBe(false);
    // A screen that never locks (the client holds the tablet) restarts the count when it ends.
    who = { staffId: 'mei', limitMs: null };
    now = 1_000_000;
    lock.tick();
    who = { staffId: 'mei', limitMs: 120_000 };
    now = 1_060_000;
    lock.tick();
    expect(lock.isLocked('mei')).toBe(false);
    // Signing out clears the lock.
    now = 2_000_000;
    lock.tick();
    expect(lock.isLocked('mei')).toBe(true);
    who = null;
    lock.tick();
    expect(lock.lockedFor).toBeNull();
  });
});
