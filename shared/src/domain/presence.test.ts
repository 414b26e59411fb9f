import { describe, expect, it } from 'vitest';
import { isPresent, markPresent } from './presence.ts';

describe('presence', () => {
  it('is per salon day: yesterday’s sign-in does not count today', () => {
    const presence = { mei: { day: '2026-11-22', at: 1, by: 'mei' } };
    expect(isPresent(presence, 'mei', '2026-11-22')).toBe(true);
    expect(isPresent(presence, 'mei', '2026-11-23')).toBe(false);
    expect(isPresent(presence, 'anna', '2026-11-22')).toBe(false);
  });

  it('marks a staff member present once a day and drops earlier days', () => {
    const presence = { mei: { day: '2026-11-22', at: 1, by: 'mei' }, anna: { day: '2026-11-23', at: 2, by: 'grace' } };
    expect(markPresent(presence, 'mei', '2026-11-23', 3, 'grace')).toEqual({
      anna: { day: '2026-11-23', at: 2, by: 'grace' },
      mei: { day: '2026-11-23', at: 3, by: 'grace' },
    });
    expect(markPresent(presence, 'anna', '2026-11-23', 4, 'anna')).toBeNull();
  });
});
