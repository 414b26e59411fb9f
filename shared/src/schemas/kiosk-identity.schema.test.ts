import { describe, expect, it } from 'vitest';
import { CheckInInputSchema } from '../contracts/commands.ts';
import { BirthdaySchema, KioskClientInputSchema } from './client.schema.ts';
import { SignatureSchema } from './consent.schema.ts';
import { ReturningVisitorSchema } from './kiosk-identity.schema.ts';

const rules = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));
const sig = (strokes: number[][], over: object = {}) => SignatureSchema.safeParse({ consent: 'health', width: 400, height: 150, strokes, ...over });

describe('kiosk identity schemas', () => {
  it('take only the fields the contract names', () => {
    expect(ReturningVisitorSchema.parse({ phone: '138 0013 8000' })).toEqual({ phone: '13800138000', saysBooked: false });
    expect(ReturningVisitorSchema.safeParse({ phone: '13800138000', name: 'Mei' }).success).toBe(false);
    expect(KioskClientInputSchema.safeParse({ firstName: 'Mei', phone: '13800138000', vip: true }).success).toBe(false);
  });

  it('a check-in registers a client, says it has been here before, or carries a visitor token, exactly one', () => {
    const base = { commandId: 'cmd-00001', serviceId: 'nails-gel', language: 'en', consents: [] };
    expect(CheckInInputSchema.safeParse({ ...base, client: { firstName: 'Mei', phone: '13800138000' } }).success).toBe(true);
    expect(CheckInInputSchema.safeParse({ ...base, visitorToken: 'c1.123.abcdefghijklmnop' }).success).toBe(true);
    expect(CheckInInputSchema.safeParse({ ...base, returning: { phone: '13800138000' }, sameAsLast: true }).success).toBe(true);
    expect(rules(CheckInInputSchema.safeParse({ ...base, returning: { phone: '13800138000' }, client: { firstName: 'Mei', phone: '13800138000' } }))).toEqual([
      'identity_one',
    ]);
    // Nothing an unproven person says may stand for the client's record: no consents, answers, signature or booking.
    const returning = { ...base, returning: { phone: '13800138000' } };
    expect(rules(CheckInInputSchema.safeParse({ ...returning, answers: { pregnant: false } }))).toEqual(['returning_phone_only']);
    expect(rules(CheckInInputSchema.safeParse({ ...returning, consents: [{ kind: 'terms', version: 1, granted: true }] }))).toEqual([
      'returning_phone_only',
    ]);
    expect(rules(CheckInInputSchema.safeParse({ ...returning, bookingId: 'b1' }))).toEqual(['returning_phone_only']);
    expect(rules(CheckInInputSchema.safeParse(base))).toEqual(['identity_one']);
    // Every kiosk check-in says which consents were given now, an empty list when none was asked.
    const { consents: _none, ...withoutConsents } = { ...base, client: { firstName: 'Mei', phone: '13800138000' } };
    expect(CheckInInputSchema.safeParse(withoutConsents).error?.issues.map((i) => i.path.join('.'))).toEqual(['consents']);
    expect(rules(CheckInInputSchema.safeParse({ ...base, client: { firstName: 'Mei', phone: '13800138000' }, visitorToken: 'c1.123.abcdefghijklmnop' }))).toEqual([
      'identity_one',
    ]);
  });

  it('a birthday is a date that exists', () => {
    expect(BirthdaySchema.safeParse('2000-02-29').success).toBe(true);
    for (const bad of ['1999-02-29', '1990-4-25', '1990-04-31', '25.04.1990', '']) expect(rules(BirthdaySchema.safeParse(bad))).toContain('birthday_format');
  });

  it('a signature is a few strokes of x,y pairs inside its pad', () => {
    expect(sig([[1, 1, 50, 20, 90, 40], [100, 100, 120, 110]]).success).toBe(true);
    expect(rules(sig([[1, 1, 50]]))).toContain('signature_shape'); // an odd count is not pairs
    expect(rules(sig([[1, 1, 500, 20, 3, 3, 4, 4, 5, 5]]))).toContain('signature_shape'); // outside the pad
    expect(rules(sig([[1, 1, 2, 2]]))).toContain('signature_empty'); // a tap
    expect(rules(sig([]))).toContain('signature_empty');
    expect(rules(sig(Array.from({ length: 51 }, () => [1, 1, 2, 2])))).toContain('signature_too_large');
    expect(rules(sig(Array.from({ length: 50 }, () => Array.from({ length: 200 }, (_, i) => i % 100))))).toContain('signature_too_large');
    expect(sig([[1, 1, 50, 20, 90, 40]], { consent: 'marketing' }).success).toBe(false);
    expect(sig([[1, 1, 50, 20, 90, 40]], { image: 'data:...' }).success).toBe(false);
  });
});
