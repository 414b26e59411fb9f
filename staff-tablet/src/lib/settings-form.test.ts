import { describe, expect, it } from 'vitest';
import { BookingSettingsInputSchema, ConsentTextInputSchema, createTranslator, DEFAULT_BOOKING_SETTINGS } from '@glow/shared';
import { copyText, draftErrors, outcomeOf, refusalErrors } from './settings-form.ts';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const booking = () => ({
  openingHours: DEFAULT_BOOKING_SETTINGS.openingHours.map((d) => (d ? { ...d } : null)),
  holdMinutes: 5,
  changeCutoffHours: 24,
  horizonDays: 56,
});

describe('settings drafts on the tablet', () => {
  it('finds nothing wrong in a good draft (the command id is the outbox’s business)', () => {
    expect(draftErrors(BookingSettingsInputSchema, booking(), en)).toEqual({});
  });

  it('keys each problem by the field the form marks, in the manager’s language, first problem first', () => {
    const draft = booking();
    draft.openingHours[2] = { start: '19:00', end: '09:00' };
    draft.holdMinutes = Number.NaN;
    expect(draftErrors(BookingSettingsInputSchema, draft, zh)).toEqual({
      'openingHours.2.end': zh('rule.hours_order'),
      // An emptied number box names the field in words, not its key.
      holdMinutes: expect.stringContaining('保留时长'),
    });
    const consent = { kind: 'marketing', title: copyText({ en: 'News', 'zh-CN': '' }), body: copyText(undefined), purpose: copyText(undefined), ifDeclined: copyText(undefined), signatureRequired: true };
    const found = draftErrors(ConsentTextInputSchema, consent, en);
    expect(found['title.zh-CN']).toBe('Chinese is required.');
    expect(found['body.en']).toBe('English is required.');
    expect(found.signatureRequired).toBe(en('rule.signature_not_signable'));
  });

  it('turns the hub’s refusal into field problems, or a message for the whole form', () => {
    const refused = {
      ok: false as const,
      error: { code: 'invalid_input' as const, message: 'x', issues: [{ field: 'phone', rule: 'contact_phone', message: 'Bad phone' }] },
    };
    expect(refusalErrors(refused.error)).toEqual({ phone: 'Bad phone' });
    expect(outcomeOf(refused)).toEqual({ ok: false, errors: { phone: 'Bad phone' }, message: 'x' });
    expect(outcomeOf({ ok: true, data: { version: 2 } })).toEqual({ ok: true, data: { version: 2 } });
  });
});
