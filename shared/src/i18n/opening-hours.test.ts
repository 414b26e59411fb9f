import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../schemas/booking.schema.ts';
import { openingHoursText } from './opening-hours.ts';

const open = (start: string, end: string) => ({ start, end });

describe('openingHoursText', () => {
  it('says "every day" when every day has the same hours', () => {
    const hours: OpeningHours = Array.from({ length: 7 }, () => open('09:00', '20:00'));
    expect(openingHoursText(hours, 'en')).toBe('Every day 09:00–20:00');
    expect(openingHoursText(hours, 'zh-CN')).toBe('每天 09:00–20:00');
  });

  it('runs days with the same hours together from Monday, and names closed days', () => {
    // Index 0 is Sunday: closed on Sunday, Monday to Friday 09:00–18:00, Saturday short.
    const week = open('09:00', '18:00');
    const hours: OpeningHours = [null, week, week, week, week, week, open('10:00', '16:00')];
    expect(openingHoursText(hours, 'en')).toBe('Mon–Fri 09:00–18:00 · Sat 10:00–16:00 · Sun closed');
    expect(openingHoursText(hours, 'zh-CN')).toBe('周一–周五 09:00–18:00 · 周六 10:00–16:00 · 周日休息');
  });

  it('keeps days apart when their hours differ, and says nothing for a salon closed all week', () => {
    const hours: OpeningHours = [null, null, open('10:00', '20:00'), open('10:00', '20:00'), open('10:00', '20:00'), open('10:00', '20:00'), open('09:00', '13:00')];
    expect(openingHoursText(hours, 'en')).toBe('Mon closed · Tue–Fri 10:00–20:00 · Sat 09:00–13:00 · Sun closed');
    expect(openingHoursText(Array.from({ length: 7 }, () => null), 'en')).toBe('');
  });
});
