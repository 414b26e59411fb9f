import { describe, expect, it } from 'vitest';
import { createTranslator, ServiceInputSchema, type Service, type StaffMember } from '@glow/shared';
import { draftErrors } from './settings-form.ts';
import { listed, priceErrors, serviceDraft, serviceInput, staffDraft, staffInput } from './catalogue.ts';

const t = createTranslator('en');

describe('catalogue forms on the tablet', () => {
  it('the search finds items by either language, any case; archived ones come last', () => {
    const items = [
      { id: 'a', name: { en: 'Gel manicure', 'zh-CN': '凝胶美甲' }, archived: true },
      { id: 'b', name: { en: 'Classic facial', 'zh-CN': '经典面部护理' } },
      { id: 'c', name: { en: 'Acne facial', 'zh-CN': '祛痘面部护理' } },
    ];
    expect(listed(items, '', 'en').map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(listed(items, 'FACIAL', 'en').map((i) => i.id)).toEqual(['c', 'b']);
    expect(listed(items, '美甲', 'en').map((i) => i.id)).toEqual(['a']);
  });

  it('a price with more decimals than the salon’s currency has is caught before sending', () => {
    expect(priceErrors('45.555', 'CNY', t)).toEqual({ price: 'The salon’s currency has at most 2 decimal places.' });
    expect(priceErrors('4500.5', 'JPY', t).price).toContain('at most 0 decimal places');
    expect(priceErrors('45.50', 'CNY', t)).toEqual({});
  });

  it('a service’s price in minor units shows as the manager typed it, and numbers typed as text go as numbers', () => {
    const service = { id: 's', category: 'c', name: { en: 'A', 'zh-CN': 'A' }, durationMin: 45, requiredSkill: 'k', equipment: [], aftercare: { en: '', 'zh-CN': '' }, priceMinor: 4550 } satisfies Service;
    const draft = serviceDraft(service, 'CNY');
    expect(draft.price).toBe('45.50');
    expect(serviceInput({ ...draft, durationMin: '60', usualIntervalWeeks: '' })).toMatchObject({ durationMin: 60, usualIntervalWeeks: null });
    expect(Number.isNaN(serviceInput({ ...draft, durationMin: '' }).durationMin)).toBe(true);
  });

  it('the usual interval (reminders, win-back) and the aftercare’s next treatment are two fields, each in whole weeks in its range', () => {
    const service = {
      id: 's', category: 'c', name: { en: 'A', 'zh-CN': 'A' }, durationMin: 45, requiredSkill: 'k', equipment: [], aftercare: { en: '', 'zh-CN': '' },
      usualIntervalWeeks: 8, aftercareGuide: { normal: { en: '', 'zh-CN': '' }, notNormal: { en: '', 'zh-CN': '' }, whenToCall: { en: '', 'zh-CN': '' }, nextTreatmentWeeks: 4 },
    } satisfies Service;
    const draft = serviceDraft(service, 'CNY');
    expect([draft.usualIntervalWeeks, draft.nextTreatmentWeeks]).toEqual(['8', '4']);
    expect(serviceInput({ ...draft, nextTreatmentWeeks: ' ' })).toMatchObject({ usualIntervalWeeks: 8, nextTreatmentWeeks: null });
    const errors = (d: typeof draft) => draftErrors(ServiceInputSchema, { ...serviceInput(d), price: '1' }, t);
    expect(errors({ ...draft, usualIntervalWeeks: '2.5', nextTreatmentWeeks: '53' })).toEqual({
      usualIntervalWeeks: 'The usual interval must be a whole number of weeks from 1 to 104, or left empty.',
      nextTreatmentWeeks: 'The next treatment must be a whole number of weeks from 1 to 52, or left empty.',
    });
    expect(errors({ ...draft, usualIntervalWeeks: '104', nextTreatmentWeeks: '' })).toEqual({});
  });

  it('a week on the form: a day off is null, a working day its shift with breaks', () => {
    const member: StaffMember = {
      id: 'm',
      name: 'Mei',
      role: 'beautician',
      skills: [],
      active: true,
      weeklyShifts: [null, { start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '12:30' }] }, null, null, null, null, null],
    };
    const draft = staffDraft(member);
    expect(draft.week[0]?.working).toBe(false);
    expect(staffInput(draft).weeklyShifts).toEqual(member.weeklyShifts);
    expect(staffDraft().week.filter((d) => d.working)).toHaveLength(6);
  });
});
