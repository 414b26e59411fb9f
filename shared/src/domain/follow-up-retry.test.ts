import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../schemas/booking.schema.ts';
import { defaultRetryAt, retryProblem, RETRY_MAX_DAYS } from './follow-up-retry.ts';

const DAY = { start: '09:00', end: '19:00' };
const HOURS: OpeningHours = [null, DAY, DAY, DAY, DAY, DAY, DAY]; // closed on Sunday
const ZONE = 'Asia/Shanghai';
// Thursday 3 December 2026 in Shanghai (UTC+8).
const shanghai = (day: number, h: number, m = 0) => Date.UTC(2026, 11, day, h - 8, m);

describe('defaultRetryAt', () => {
  it('is two hours later the same day while the salon is still open then', () => {
    expect(defaultRetryAt(shanghai(3, 10, 15), ZONE, HOURS)).toBe(shanghai(3, 12, 15));
    expect(defaultRetryAt(shanghai(3, 17, 0), ZONE, HOURS)).toBe(shanghai(3, 19, 0));
  });

  it('is the next open morning once that would be after closing', () => {
    expect(defaultRetryAt(shanghai(3, 17, 30), ZONE, HOURS)).toBe(shanghai(4, 9, 0));
    // Saturday evening: Sunday is closed, so Monday at opening.
    expect(defaultRetryAt(shanghai(5, 18, 0), ZONE, HOURS)).toBe(shanghai(7, 9, 0));
  });

  it('before opening, waits for the opening rather than calling at dawn', () => {
    expect(defaultRetryAt(shanghai(3, 5, 0), ZONE, HOURS)).toBe(shanghai(4, 9, 0));
  });

  it('gives tomorrow at 10:00 to a salon with no open day', () => {
    expect(defaultRetryAt(shanghai(3, 10, 0), ZONE, [null, null, null, null, null, null, null])).toBe(shanghai(4, 10, 0));
  });
});

describe('retryProblem', () => {
  const now = shanghai(3, 10);
  it('refuses a time that has passed, and one too far ahead', () => {
    expect(retryProblem(now - 60_000, now)).toBe('retry_in_past');
    expect(retryProblem(now, now)).toBe('retry_in_past');
    expect(retryProblem(now + (RETRY_MAX_DAYS + 1) * 86_400_000, now)).toBe('retry_too_far');
    expect(retryProblem(now + 3_600_000, now)).toBeNull();
  });
});
