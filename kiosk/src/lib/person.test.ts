import { describe, expect, it } from 'vitest';
import { PersonNameSchema } from '@glow/shared';
import { birthdayYears, nameProblem, normalizePhone, parseBirthday, phoneProblem } from './person.ts';

const NOW = new Date(2026, 10, 23, 12);

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
    expect(normalizePhone(' 138 0013-8000 ')).toBe('13800138000');
    expect(phoneProblem('+44 20 7946 0958')).toBeNull();
    expect(phoneProblem('12345')).toBe('rule.phone_format');
    expect(phoneProblem('1'.repeat(16))).toBe('rule.phone_format');
    expect(phoneProblem('12+345678')).toBe('rule.phone_format');
    expect(phoneProblem('')).toBe('rule.required');
  });
});

describe('birthdays', () => {
  it('are optional, but all three parts or none', () => {
    expect(parseBirthday({ year: '', month: '', day: '' }, NOW)).toEqual({ ok: true, value: null });
    expect(parseBirthday({ year: '1990', month: '', day: '3' }, NOW)).toEqual({ ok: false, key: 'kiosk.birthday.incomplete' });
  });

  it('must exist on the calendar, not lie in the future, nor more than 120 years back', () => {
    expect(parseBirthday({ year: '1990', month: '2', day: '28' }, NOW)).toEqual({ ok: true, value: '1990-02-28' });
    expect(parseBirthday({ year: '2000', month: '2', day: '29' }, NOW)).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseBirthday({ year: '1990', month: '2', day: '30' }, NOW)).toEqual({ ok: false, key: 'kiosk.birthday.impossible' });
    expect(parseBirthday({ year: '2001', month: '2', day: '29' }, NOW)).toEqual({ ok: false, key: 'kiosk.birthday.impossible' });
    expect(parseBirthday({ year: '2026', month: '11', day: '24' }, NOW)).toEqual({ ok: false, key: 'kiosk.birthday.future' });
    expect(parseBirthday({ year: '1900', month: '1', day: '1' }, NOW)).toEqual({ ok: false, key: 'kiosk.birthday.impossible' });
  });

  it('offers this year back to 120 years ago', () => {
    const years = birthdayYears(NOW);
    expect([years[0], years.at(-1), years.length]).toEqual([2026, 1906, 121]);
  });
});
