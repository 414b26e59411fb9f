import { describe, expect, it } from 'vitest';
import { salonFormat } from './salon-format.ts';

/** 2026-11-24 06:05 UTC: 14:05 in Shanghai, 06:05 in London, 01:05 in New York. */
const AT = Date.UTC(2026, 10, 24, 6, 5);

describe('the salon formatter', () => {
  it('writes times in the salon’s zone, whatever zone the device is in', () => {
    expect(salonFormat('en', { timeZone: 'Asia/Shanghai' }).time(AT)).toBe('14:05');
    expect(salonFormat('en', { timeZone: 'Europe/London' }).time(AT)).toBe('06:05');
    expect(salonFormat('zh-CN', { timeZone: 'Asia/Shanghai' }).time(AT)).toBe('14:05');
  });

  it('uses 24-hour times in both languages unless the salon chose 12-hour English (en-US)', () => {
    const afternoon = Date.UTC(2026, 10, 24, 15, 30);
    expect(salonFormat('en', { timeZone: 'UTC' }).time(afternoon)).toBe('15:30');
    expect(salonFormat('zh-CN', { timeZone: 'UTC', locale: 'en-US' }).time(afternoon)).toBe('15:30');
    expect(salonFormat('en', { timeZone: 'UTC', locale: 'en-US' }).time(afternoon)).toBe('3:30 PM');
    expect(salonFormat('en', { timeZone: 'UTC' }).hourCycle).toBe('h23');
  });

  it('writes the salon’s calendar day, not the device’s, and its English', () => {
    // 23:30 UTC on the 23rd is already the 24th in Shanghai.
    const lateEvening = Date.UTC(2026, 10, 23, 23, 30);
    expect(salonFormat('en', { timeZone: 'Asia/Shanghai' }).date(lateEvening)).toBe('Tue 24 Nov');
    expect(salonFormat('en', { timeZone: 'UTC' }).date(lateEvening)).toBe('Mon 23 Nov');
    expect(salonFormat('en', { timeZone: 'Asia/Shanghai', locale: 'en-US' }).date(lateEvening)).toBe('Tue, Nov 24');
    expect(salonFormat('zh-CN', { timeZone: 'Asia/Shanghai' }).longDate(lateEvening)).toBe('2026年11月24日');
    expect(salonFormat('en', { timeZone: 'Asia/Shanghai' }).longDate(lateEvening)).toBe('24 November 2026');
    expect(salonFormat('en', { timeZone: 'Asia/Shanghai' }).dateTime(lateEvening)).toBe('24 Nov 2026, 07:30');
    expect(salonFormat('en', { timeZone: 'Pacific/Kiritimati' }).day('2026-11-24')).toBe('Tue 24 Nov');
  });

  it('writes money from minor units in the salon’s currency', () => {
    expect(salonFormat('en', { timeZone: 'UTC', currency: 'GBP' }).money(4550)).toBe('£45.50');
    expect(salonFormat('zh-CN', { timeZone: 'UTC', currency: 'CNY' }).money(4550)).toBe('¥45.50');
    expect(salonFormat('en', { timeZone: 'UTC', currency: 'JPY' }).money(4550)).toBe('JP¥4,550');
  });
});
