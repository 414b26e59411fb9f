import { describe, expect, it } from 'vitest';
import { PersonNameSchema, PhoneSchema } from './client.schema.ts';
import {
  NAME_MAX_LENGTH,
  PHONE_MAX_DIGITS,
  canonicalPhone,
  displayPhone,
  isPhoneCountry,
  isPhoneNumber,
  normalizePhone,
  phoneAsTyped,
} from './person-rules.ts';

describe('what a phone field keeps as it is typed', () => {
  it('drops letters, emoji and a + after the start', () => {
    expect(phoneAsTyped('13a8😀0 0+13')).toBe('1380013');
    expect(phoneAsTyped('+44+20')).toBe('+4420');
  });

  it('stops at the most digits a number has', () => {
    expect(phoneAsTyped('1'.repeat(20))).toBe('1'.repeat(PHONE_MAX_DIGITS));
    expect(phoneAsTyped('+' + '2'.repeat(20))).toBe('+' + '2'.repeat(PHONE_MAX_DIGITS));
  });

  it('agrees with the hub’s schema on what is a number', () => {
    for (const typed of ['13800138000', '+442079460958', '12345', '1'.repeat(16), '+1 (555) 010-9999']) {
      expect(isPhoneNumber(normalizePhone(typed)), typed).toBe(PhoneSchema.safeParse(typed).success);
    }
  });
});

describe('a name', () => {
  it('is refused as too long past the shared limit, never cut', () => {
    expect(PersonNameSchema.safeParse('a'.repeat(NAME_MAX_LENGTH)).success).toBe(true);
    const long = PersonNameSchema.safeParse('a'.repeat(10_000));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe('too_long');
  });
});

describe('one canonical form per number, with the salon\'s country', () => {
  it('reads a number with and without the country code, spaced or dashed, as the same number', () => {
    for (const typed of ['+86 138 0013 8000', '138-0013-8000', '13800138000', '+8613800138000', '(138) 0013 8000']) {
      expect(canonicalPhone(typed, 'CN'), typed).toEqual({ ok: true, phone: '+8613800138000' });
    }
  });

  it('reads local numbers by the salon\'s country, and a + number by its own', () => {
    expect(canonicalPhone('020 7946 0958', 'GB')).toEqual({ ok: true, phone: '+442079460958' });
    expect(canonicalPhone('+44 20 7946 0958', 'CN')).toEqual({ ok: true, phone: '+442079460958' });
    expect(canonicalPhone('13800138000', 'GB')).not.toEqual({ ok: true, phone: '+8613800138000' });
  });

  it('says a number that no numbering plan allows is impossible, and a non-number is the wrong format', () => {
    expect(canonicalPhone('+86 138 0013 8000 99', 'CN')).toEqual({ ok: false, rule: 'phone_impossible' });
    expect(canonicalPhone('+999 1234 5678', 'CN')).toEqual({ ok: false, rule: 'phone_impossible' });
    expect(canonicalPhone('12ab', 'CN')).toEqual({ ok: false, rule: 'phone_format' });
  });

  it('shows the salon\'s own numbers nationally and others internationally', () => {
    expect(displayPhone('+8613800138000', 'CN')).toBe('138 0013 8000');
    expect(displayPhone('+442079460958', 'CN')).toBe('+44 20 7946 0958');
    expect(displayPhone('not a number', 'CN')).toBe('not a number');
  });

  it('knows the countries that have a numbering plan', () => {
    expect(isPhoneCountry('CN')).toBe(true);
    expect(isPhoneCountry('XX')).toBe(false);
  });
});
