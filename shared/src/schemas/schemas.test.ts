import { describe, expect, it } from 'vitest';
import { ClientInputSchema, PhoneSchema } from './client.schema.ts';
import { RatingSchema } from './rating.schema.ts';
import { CheckInInputSchema } from '../contracts/commands.ts';

describe('schemas', () => {
  it('normalises phone numbers as people type them and refuses what is not one', () => {
    expect(PhoneSchema.parse(' 138 0013 8000 ')).toBe('13800138000');
    expect(PhoneSchema.parse('+44 (20) 7946-0958')).toBe('+442079460958');
    for (const bad of ['', '12345', 'abc1234567', '+', '1'.repeat(16), '138😀0013']) {
      expect(PhoneSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts names in any script, with emoji, and refuses empty, over-long and control characters', () => {
    expect(ClientInputSchema.parse({ firstName: ' 美玲 ', phone: '13800138000' })).toEqual({
      firstName: '美玲',
      lastName: '',
      phone: '13800138000',
    });
    expect(ClientInputSchema.safeParse({ firstName: 'Zoë 🌸', phone: '13800138000' }).success).toBe(true);
    expect(ClientInputSchema.safeParse({ firstName: 'x'.repeat(61), phone: '13800138000' }).success).toBe(false);
    expect(ClientInputSchema.safeParse({ firstName: 'a\u0007b', phone: '13800138000' }).success).toBe(false);
  });

  it('refuses bidirectional overrides and isolates that would turn the text after them around, keeps the plain marks and emoji joiners', () => {
    for (const sneaky of ['Anna\u202Egnp.exe', 'a\u202Ab', 'a\u202Db', 'a\u2066b\u2069', 'a\u2068b']) {
      expect(ClientInputSchema.safeParse({ firstName: sneaky, phone: '13800138000' }).success, JSON.stringify(sneaky)).toBe(false);
    }
    for (const fine of ['שרה\u200F', 'Mia 👩\u200D🔬']) {
      expect(ClientInputSchema.safeParse({ firstName: fine, phone: '13800138000' }).success, JSON.stringify(fine)).toBe(true);
    }
  });

  it('keeps ratings in range', () => {
    expect(RatingSchema.parse({ csat: 5 })).toEqual({ csat: 5, nps: null, tags: [], comment: '' });
    expect(RatingSchema.safeParse({ csat: 0 }).success).toBe(false);
    expect(RatingSchema.safeParse({ csat: 6 }).success).toBe(false);
    expect(RatingSchema.safeParse({ csat: 3, nps: 11 }).success).toBe(false);
    expect(RatingSchema.safeParse({ csat: 2.5 }).success).toBe(false);
  });

  it('refuses unknown fields in commands', () => {
    const ok = { commandId: 'abcdefgh12', client: { firstName: 'A', phone: '5550001' }, serviceId: 's', language: 'en', consents: [] };
    expect(CheckInInputSchema.safeParse(ok).success).toBe(true);
    expect(CheckInInputSchema.safeParse({ ...ok, isAdmin: true }).success).toBe(false);
    expect(CheckInInputSchema.safeParse({ ...ok, commandId: 'short' }).success).toBe(false);
  });
});
