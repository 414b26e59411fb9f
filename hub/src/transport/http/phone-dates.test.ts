import { describe, expect, it } from 'vitest';
import { formatDate } from './phone-dates.ts';

// formatDate keeps one Intl.DateTimeFormat per language and zone (made once, not per page): the reuse must never
// answer in another language's or zone's terms.
describe('formatDate (cached formatters)', () => {
  const lateEvening = Date.UTC(2026, 10, 23, 23, 30); // Mon 23 Nov in London, already Tue 24 Nov in Shanghai

  it('answers per language and per time zone, whatever was asked before', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDate(lateEvening, 'en', 'Europe/London')).toBe('Mon, 23 November 2026');
      expect(formatDate(lateEvening, 'en', 'Asia/Shanghai')).toBe('Tue, 24 November 2026');
      expect(formatDate(lateEvening, 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月24日周二');
    }
  });

  it('keeps answering correctly past its bound of cached zones', () => {
    const zones = Array.from({ length: 20 }, (_, i) => `Etc/GMT${i < 10 ? '+' : '-'}${(i % 10) + 1}`);
    for (const zone of zones) formatDate(lateEvening, 'en', zone);
    expect(formatDate(lateEvening, 'en', 'Etc/GMT+1')).toBe('Mon, 23 November 2026');
    expect(formatDate(lateEvening, 'en', 'Etc/GMT-1')).toBe('Tue, 24 November 2026');
  });
});

describe('formatDate (the salon’s zone)', () => {
  it('answers the date in the salon’s zone, not the hub’s', () => {
    // 23:30 UTC on 1 June is already 2 June in Shanghai.
    expect(formatDate(Date.UTC(2026, 5, 1, 23, 30), 'en', 'Asia/Shanghai')).toContain('2 June');
  });
});
