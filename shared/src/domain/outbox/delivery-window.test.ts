import { describe, expect, it } from 'vitest';
import { isQuietAt, nextSendableAt, salonDayBounds } from './delivery-window.ts';

const SH = 'Asia/Shanghai'; // UTC+8, no daylight saving
const at = (iso: string) => Date.parse(iso);
const night = { from: '21:00', to: '09:00' };

describe('quiet hours', () => {
  it('cross midnight: 21:00 and 08:59 are quiet, 09:00 and 20:59 are not (salon time)', () => {
    expect(isQuietAt(at('2026-12-03T21:00:00+08:00'), night, SH)).toBe(true);
    expect(isQuietAt(at('2026-12-04T08:59:00+08:00'), night, SH)).toBe(true);
    expect(isQuietAt(at('2026-12-04T09:00:00+08:00'), night, SH)).toBe(false);
    expect(isQuietAt(at('2026-12-03T20:59:00+08:00'), night, SH)).toBe(false);
  });

  it('within a day (a lunch break)', () => {
    const lunch = { from: '12:00', to: '14:00' };
    expect(isQuietAt(at('2026-12-03T13:00:00+08:00'), lunch, SH)).toBe(true);
    expect(isQuietAt(at('2026-12-03T14:00:00+08:00'), lunch, SH)).toBe(false);
    expect(isQuietAt(at('2026-12-03T23:00:00+08:00'), lunch, SH)).toBe(false);
  });

  it('a message held at night waits until 09:00, the same night or the next morning', () => {
    expect(nextSendableAt(at('2026-12-03T22:30:00+08:00'), night, SH)).toBe(at('2026-12-04T09:00:00+08:00'));
    expect(nextSendableAt(at('2026-12-04T03:00:00+08:00'), night, SH)).toBe(at('2026-12-04T09:00:00+08:00'));
    expect(nextSendableAt(at('2026-12-04T10:00:00+08:00'), night, SH)).toBe(at('2026-12-04T10:00:00+08:00'));
    expect(nextSendableAt(at('2026-12-04T03:00:00+08:00'), null, SH)).toBe(at('2026-12-04T03:00:00+08:00'));
  });

  it('follows daylight saving in the salon zone (London, the night the clocks go forward)', () => {
    const london = 'Europe/London';
    expect(nextSendableAt(at('2026-03-29T00:30:00Z'), night, london)).toBe(at('2026-03-29T08:00:00Z'));
  });
});

describe('salon day', () => {
  it('starts at local midnight', () => {
    expect(salonDayBounds(at('2026-12-03T23:30:00+08:00'), SH)).toEqual({
      start: at('2026-12-03T00:00:00+08:00'),
      next: at('2026-12-04T00:00:00+08:00'),
    });
  });
});
