import { describe, expect, it } from 'vitest';
import { PersonNameSchema, PhoneSchema } from './client.schema.ts';
import { NAME_MAX_LENGTH, PHONE_MAX_DIGITS, isPhoneNumber, normalizePhone, phoneAsTyped } from './person-rules.ts';

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
