import { describe, expect, it } from 'vitest';
import { ConsentSettingsSchema, QuestionnaireDefinitionSchema, validateAnswers, hasBlockingFlag } from '@glow/shared';
import { DEFAULT_CONSENT_TEXTS } from './consent-texts.ts';
import { DEMO_QUESTIONNAIRES } from './demo-catalogue.ts';

describe('demo consultations and consent texts', () => {
  it('are sound questionnaires, one per category, with every question kind', () => {
    for (const q of DEMO_QUESTIONNAIRES) expect(QuestionnaireDefinitionSchema.safeParse(q).error).toBeUndefined();
    expect(new Set(DEMO_QUESTIONNAIRES.map((q) => q.category))).toEqual(new Set(['facial', 'body', 'hair_colour', 'nails']));
    const kinds = new Set(DEMO_QUESTIONNAIRES.flatMap((q) => q.questions.map((x) => x.kind)));
    expect(kinds).toEqual(new Set(['single', 'multiple', 'scale', 'yes_no', 'date', 'text']));
  });

  it('block hair colour without a recent passed patch test', () => {
    const hair = DEMO_QUESTIONNAIRES.find((q) => q.category === 'hair_colour')!;
    const base = { allergy: false, scalp: false };
    const today = '2026-11-23';
    expect(hasBlockingFlag(hair, { ...base, patch_test: 'none' }, today)).toBe(true);
    expect(hasBlockingFlag(hair, { ...base, patch_test: 'failed' }, today)).toBe(true);
    expect(hasBlockingFlag(hair, { ...base, patch_test: 'passed', patch_test_date: '2026-03-01' }, today)).toBe(true);
    expect(hasBlockingFlag(hair, { ...base, patch_test: 'passed', patch_test_date: '2026-11-10' }, today)).toBe(false);
    expect(validateAnswers(hair, { ...base, patch_test: 'passed' }, today).errors).toEqual({ patch_test_date: 'answer_required' });
  });

  it('ship all three consents in both languages, health with a purpose and a signature', () => {
    expect(ConsentSettingsSchema.parse(DEFAULT_CONSENT_TEXTS)).toEqual(DEFAULT_CONSENT_TEXTS);
    expect(DEFAULT_CONSENT_TEXTS.terms).toMatchObject({ required: true, version: 1 });
    expect(DEFAULT_CONSENT_TEXTS.health).toMatchObject({ required: false, signatureRequired: true });
    expect(DEFAULT_CONSENT_TEXTS.marketing).toMatchObject({ required: false, signatureRequired: false });
    for (const t of Object.values(DEFAULT_CONSENT_TEXTS)) {
      for (const field of [t.title, t.body, t.purpose, t.ifDeclined]) expect(field.en && field['zh-CN']).toBeTruthy();
    }
  });

  it('promise only what the hub does: no text messages, no "see or delete your data" before the privacy features', () => {
    const all = Object.values(DEFAULT_CONSENT_TEXTS).flatMap((t) => [t.title, t.body, t.purpose, t.ifDeclined]);
    const text = all.map((f) => `${f.en}\n${f['zh-CN']}`).join('\n');
    for (const promise of [/STOP/, /退订/, /see or delete/i, /查看或删除/, /withdraw this consent at any time/i]) expect(text).not.toMatch(promise);
    // Declining the health consent deletes stored answers, and the text says so (checkin.service does it).
    expect(DEFAULT_CONSENT_TEXTS.health!.ifDeclined.en).toMatch(/deleted/);
  });
});
