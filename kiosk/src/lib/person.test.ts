import { describe, expect, it } from 'vitest';
import { MAX_AGE_YEARS, PersonNameSchema, PhoneSchema, birthdayProblem } from '@glow/shared';
import { birthdayYears, nameProblem, parseBirthday, phoneProblem } from './person.ts';

const NOW = new Date(2026, 10, 23, 12);
/** 23 November 2026, 01:00 in Shanghai (still the 22nd in UTC): the salon's calendar day decides. */
const AT = Date.UTC(2026, 10, 22, 17);
const ZONE = 'Asia/Shanghai';

describe('names', () => {
  it('takes letters of any script, spaces, hyphens and apostrophes', () => {
    for (const name of ['Mei', '林', '美玲', 'Ana-María', "O'Neil", 'Zoë', 'Nguyễn Thị']) expect(nameProblem(name, true), name).toBeNull();
  });

  it('refuses emoji, symbols and digits, Han mixed with Latin, over-long names, and an empty required name', () => {
    expect(nameProblem('Mei😀', true)?.key).toBe('kiosk.name.symbols');
    expect(nameProblem('Mei#1', true)?.key).toBe('kiosk.name.symbols');
    expect(nameProblem('Mei林', true)?.key).toBe('kiosk.name.mixed');
    expect(nameProblem('a'.repeat(61), true)?.key).toBe('rule.too_long');
    expect(nameProblem('   ', true)?.key).toBe('rule.required');
    expect(nameProblem('   ', false)).toBeNull();
  });
});

describe('a name and the hub’s schema', () => {
  it('agree on too long, counted the same way (a name of rare Han characters past the limit is refused at the kiosk too)', () => {
    for (const name of ['a'.repeat(60), 'a'.repeat(61), 'a'.repeat(10_000), '𠀀'.repeat(30), '𠀀'.repeat(31)]) {
      const hubRefuses = PersonNameSchema.safeParse(name).error?.issues[0]?.message === 'too_long';
      expect(nameProblem(name, true)?.key === 'rule.too_long', `${name.length} units`).toBe(hubRefuses);
    }
  });
});

describe('phone numbers', () => {
  it('are normalised to digits with an optional leading +, 6 to 15 digits', () => {
    expect(phoneProblem('+44 20 7946 0958')).toBeNull();
    expect(phoneProblem('12345')).toBe('rule.phone_format');
    expect(phoneProblem('1'.repeat(16))).toBe('rule.phone_format');
    expect(phoneProblem('12+345678')).toBe('rule.phone_format');
    expect(phoneProblem('')).toBe('rule.required');
  });

  it('agree with the hub’s phone schema on every number, as typed', () => {
    for (const typed of ['13800138000', '+44 20 7946 0958', '138-0013-8000', '12345', '1'.repeat(16), '', '  ', '+', '(010) 1234 5678', '1'.repeat(30)]) {
      expect(phoneProblem(typed) === null, typed).toBe(PhoneSchema.safeParse(typed).success);
    }
  });
});

describe('birthdays', () => {
  it('are optional, but all three parts or none', () => {
    expect(parseBirthday({ year: '', month: '', day: '' }, AT, ZONE)).toEqual({ ok: true, value: null });
    expect(parseBirthday({ year: '1990', month: '', day: '3' }, AT, ZONE)).toEqual({ ok: false, key: 'kiosk.birthday.incomplete' });
  });

  it('must exist on the calendar, not lie in the future, nor more than 120 years back', () => {
    expect(parseBirthday({ year: '1990', month: '2', day: '28' }, AT, ZONE)).toEqual({ ok: true, value: '1990-02-28' });
    expect(parseBirthday({ year: '2000', month: '2', day: '29' }, AT, ZONE)).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseBirthday({ year: '1990', month: '2', day: '30' }, AT, ZONE)).toEqual({ ok: false, key: 'kiosk.birthday.impossible' });
    expect(parseBirthday({ year: '2001', month: '2', day: '29' }, AT, ZONE)).toEqual({ ok: false, key: 'kiosk.birthday.impossible' });
    expect(parseBirthday({ year: '2026', month: '11', day: '24' }, AT, ZONE)).toEqual({ ok: false, key: 'kiosk.birthday.future' });
    expect(parseBirthday({ year: '1900', month: '1', day: '1' }, AT, ZONE)).toEqual({ ok: false, key: 'kiosk.birthday.impossible' });
  });

  it('are judged on the salon’s calendar day, by the shared rule the hub applies', () => {
    // 01:00 on the 23rd in Shanghai is still the 22nd in UTC: the same date is today in one zone, tomorrow in the other.
    expect(parseBirthday({ year: '2026', month: '11', day: '23' }, AT, ZONE)).toEqual({ ok: true, value: '2026-11-23' });
    expect(parseBirthday({ year: '2026', month: '11', day: '23' }, AT, 'UTC')).toEqual({ ok: false, key: 'kiosk.birthday.future' });
    // Exactly MAX_AGE_YEARS back is still a birthday; one day more is not.
    expect(parseBirthday({ year: String(2026 - MAX_AGE_YEARS), month: '11', day: '23' }, AT, ZONE).ok).toBe(true);
    expect(parseBirthday({ year: String(2026 - MAX_AGE_YEARS), month: '11', day: '22' }, AT, ZONE).ok).toBe(false);
    for (const [year, month, day] of [['1990', '2', '28'], ['2026', '11', '24'], ['1899', '12', '31'], ['2023', '2', '29'], ['2024', '2', '29']] as const) {
      const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
      expect(parseBirthday({ year, month, day }, AT, ZONE).ok, date).toBe(birthdayProblem(date, AT, ZONE) === null);
    }
  });

  it('offers this year back to the shared limit of 120 years', () => {
    const years = birthdayYears(NOW);
    expect([years[0], years.at(-1), years.length]).toEqual([2026, 1906, 121]);
  });
});
