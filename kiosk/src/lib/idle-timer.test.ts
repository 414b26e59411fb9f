import { describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle-timer.svelte.ts';

describe('IdleTimer', () => {
  it('fires after the limit without a touch, and a touch starts the count again', () => {
    let now = 0;
    let limit: number | null = 60_000;
    const onIdle = vi.fn();
    vi.useFakeTimers();
    const timer = new IdleTimer(() => limit, onIdle, () => now, 250);
    timer.start();
    now = 50_000;
    vi.advanceTimersByTime(250);
    expect(timer.remainingMs).toBe(10_000);
    timer.touch();
    now = 100_000;
    vi.advanceTimersByTime(250);
    expect(onIdle).not.toHaveBeenCalled();
    now = 110_000;
    vi.advanceTimersByTime(250);
    expect(onIdle).toHaveBeenCalledTimes(1);
    limit = null;
    vi.advanceTimersByTime(250);
    expect(timer.remainingMs).toBeNull();
    timer.stop();
    vi.useRealTimers();
  });
});
