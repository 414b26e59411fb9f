import { describe, expect, it } from 'vitest';
import { datePattern, readDay, readTime, showDay, showTime } from './date-entry.ts';

describe('dates typed and shown in the salon’s locale', () => {
  it('shows a salon day in the locale’s order', () => {
    expect(showDay('2026-12-04', 'en-GB')).toBe('04/12/2026');
    expect(showDay('2026-12-04', 'en-US')).toBe('12/04/2026');
    expect(showDay('2026-12-04', 'zh-CN')).toBe('2026/12/04');
    expect(showDay('2026-1', 'en-GB')).toBe('2026-1');
    expect(datePattern('zh-CN').hint).toBe('YYYY/MM/DD');
  });

  it('reads what was typed in the salon’s order, with or without zeros, any separator, or ISO', () => {
    expect(readDay('4/12/2026', 'en-GB')).toBe('2026-12-04');
    expect(readDay('04.12.2026', 'en-GB')).toBe('2026-12-04');
    expect(readDay('12/4/2026', 'en-US')).toBe('2026-12-04');
    expect(readDay('2026/12/4', 'zh-CN')).toBe('2026-12-04');
    expect(readDay('2026-12-04', 'en-US')).toBe('2026-12-04');
  });

  it('refuses what is no date: 30 February, a month 13, a two-digit year, words', () => {
    expect(readDay('30/02/2026', 'en-GB')).toBeNull();
    expect(readDay('13/13/2026', 'en-US')).toBeNull();
    expect(readDay('4/12/26', 'en-GB')).toBeNull();
    expect(readDay('tomorrow', 'en-GB')).toBeNull();
    expect(readDay('', 'en-GB')).toBeNull();
  });

  it('shows and reads times: 24-hour, and 12-hour with AM/PM for en-US', () => {
    expect(showTime('14:30', 'en-GB')).toBe('14:30');
    expect(showTime('14:30', 'en-US')).toBe('2:30 PM');
    expect(showTime('00:00', 'en-US')).toBe('12:00 AM');
    expect(showTime('14:30', 'zh-CN')).toBe('14:30');
    expect(readTime('9:05', 'en-GB')).toBe('09:05');
    expect(readTime('0930', 'en-GB')).toBe('09:30');
    expect(readTime('2:30 pm', 'en-US')).toBe('14:30');
    expect(readTime('12:00AM', 'en-GB')).toBe('00:00');
    expect(readTime('14.30', 'zh-CN')).toBe('14:30');
    expect(readTime('24:00', 'en-GB')).toBeNull();
    expect(readTime('9:75', 'en-GB')).toBeNull();
    expect(readTime('noon', 'en-GB')).toBeNull();
  });
});
