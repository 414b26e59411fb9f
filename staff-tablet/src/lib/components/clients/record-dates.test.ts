import { describe, expect, it } from 'vitest';
import { longDay } from './record-dates.ts';

describe('longDay', () => {
  it('writes a calendar date in the salon English or in Chinese, never as ISO', () => {
    expect(longDay('1988-03-21', 'en-GB')).toBe('21 March 1988');
    expect(longDay('1988-03-21', 'en-US')).toBe('March 21, 1988');
    expect(longDay('1988-03-21', 'zh-CN')).toBe('1988年3月21日');
  });

  it('keeps the date whatever the zone (written in UTC at noon) and leaves what is no date as it is', () => {
    expect(longDay('2000-01-01', 'en-GB')).toBe('1 January 2000');
    expect(longDay('2026-02-30', 'en-GB')).toBe('2026-02-30');
    expect(longDay('soon', 'en-GB')).toBe('soon');
  });
});
