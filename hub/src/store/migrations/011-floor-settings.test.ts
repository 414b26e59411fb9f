import { describe, expect, it } from 'vitest';
import { floorSettings } from './011-floor-settings.ts';

const KEY = 'k'.repeat(32);

describe('migration 11: floor settings old data lacked', () => {
  it('gives a whole meta from before the live floor the settings it was read with (UTC)', () => {
    expect(floorSettings.up({ meta: { sessionKey: KEY } })).toEqual({
      meta: { sessionKey: KEY, floor: { autoAssign: true, preferredWaitLimitMin: 20, timeZone: 'UTC' } },
    });
  });

  it("keeps a salon's own floor settings and leaves a journal line's meta alone", () => {
    const own = { meta: { sessionKey: KEY, floor: { autoAssign: false, preferredWaitLimitMin: 5, timeZone: 'Asia/Shanghai' } } };
    expect(floorSettings.up(own)).toBe(own);
    const line = { meta: { ticket: { day: '2026-01-01', last: 1 } } };
    expect(floorSettings.up(line)).toBe(line);
    const none = { visits: {} };
    expect(floorSettings.up(none)).toBe(none);
  });
});
