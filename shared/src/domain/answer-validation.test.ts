import { describe, expect, it } from 'vitest';
import { QuestionnaireDefinitionSchema, type Questionnaire } from '../schemas/questionnaire.schema.ts';
import { validateAnswers } from './answer-validation.ts';
import { consultationSummary, hasBlockingFlag, triggers, visibleQuestions } from './consultation.ts';

const t = (s: string) => ({ en: s, 'zh-CN': `「${s}」` });
const TODAY = '2026-11-23';

/** Every kind, a condition chain, date rules both ways, a multiple-choice rule. */
const Q: Questionnaire = QuestionnaireDefinitionSchema.parse({
  id: 'q-test',
  category: 'facial',
  version: 1,
  questions: [
    { id: 'pregnant', kind: 'yes_no', label: t('Pregnant?'), required: true, rules: [{ when: true, effect: 'warn', flag: t('Pregnant') }] },
    { id: 'iso', kind: 'yes_no', label: t('Isotretinoin?'), required: true },
    {
      id: 'iso_last',
      kind: 'date',
      label: t('Last dose?'),
      required: true,
      showIf: { questionId: 'iso', anyOf: [true] },
      rules: [
        { when: { withinDays: 183 }, effect: 'block', flag: t('Isotretinoin < 6 months') },
        { when: { olderThanDays: 183 }, effect: 'warn', flag: t('Isotretinoin earlier') },
      ],
    },
    {
      id: 'allergens',
      kind: 'multiple',
      label: t('Allergies'),
      required: false,
      options: [
        { value: 'ppd', label: t('PPD') },
        { value: 'fragrance', label: t('Fragrance') },
        { value: 'other', label: t('Other') },
      ],
      rules: [{ when: 'ppd', effect: 'block', flag: t('PPD allergy') }],
    },
    { id: 'other', kind: 'text', label: t('What else?'), required: true, maxLength: 20, showIf: { questionId: 'allergens', anyOf: ['other'] } },
    { id: 'skin', kind: 'single', label: t('Skin type'), required: true, options: [{ value: 'dry', label: t('Dry') }, { value: 'oily', label: t('Oily') }] },
    { id: 'pressure', kind: 'scale', label: t('Pressure'), required: false, min: 1, max: 5 },
    { id: 'appointment', kind: 'date', label: t('Next visit'), required: false, allowFuture: true },
  ],
});

const base = { pregnant: false, iso: false, skin: 'dry' };

describe('validateAnswers', () => {
  it('accepts complete answers and drops answers to hidden or unknown questions', () => {
    const r = validateAnswers(Q, { ...base, iso_last: '2026-01-01', other: 'latex', invented: 'x' }, TODAY);
    expect(r).toEqual({ ok: true, answers: base, errors: {} });
  });

  it('requires the shown required questions only, and a follow-up once its condition holds', () => {
    expect(validateAnswers(Q, {}, TODAY).errors).toEqual({ pregnant: 'answer_required', iso: 'answer_required', skin: 'answer_required' });
    const r = validateAnswers(Q, { ...base, iso: true, allergens: ['other'] }, TODAY);
    expect(r.errors).toEqual({ iso_last: 'answer_required', other: 'answer_required' });
    // Blank text and an empty multiple choice are no answer.
    expect(validateAnswers(Q, { ...base, allergens: ['other'], other: '   ' }, TODAY).errors).toEqual({ other: 'answer_required' });
    expect(validateAnswers(Q, { ...base, allergens: [] }, TODAY).ok).toBe(true);
  });

  it('names the problem with each kind of answer', () => {
    const r = validateAnswers(
      Q,
      { pregnant: 'yes', iso: true, iso_last: '2026-02-30', skin: 'normal', allergens: ['ppd', 'ppd'], pressure: 7 },
      TODAY,
    );
    expect(r.errors).toEqual({
      pregnant: 'answer_type',
      iso_last: 'date_format',
      skin: 'answer_option',
      allergens: 'answer_option',
      pressure: 'answer_range',
    });
    expect(validateAnswers(Q, { ...base, pressure: 2.5 }, TODAY).errors).toEqual({ pressure: 'answer_type' });
    expect(validateAnswers(Q, { ...base, skin: ['dry'] }, TODAY).errors).toEqual({ skin: 'answer_type' });
  });

  it('refuses a date in the future unless the question allows it, and checks text length and characters', () => {
    expect(validateAnswers(Q, { ...base, iso: true, iso_last: '2026-11-24' }, TODAY).errors).toEqual({ iso_last: 'date_future' });
    expect(validateAnswers(Q, { ...base, iso: true, iso_last: TODAY }, TODAY).ok).toBe(true);
    expect(validateAnswers(Q, { ...base, appointment: '2027-01-05' }, TODAY).ok).toBe(true);
    const other = (text: string) => validateAnswers(Q, { ...base, allergens: ['other'], other: text }, TODAY);
    expect(other('x'.repeat(21)).errors).toEqual({ other: 'answer_too_long' });
    // Length counts characters as people see them: 20 emoji fit, a control character never does.
    expect(other('🌸'.repeat(20)).ok).toBe(true);
    expect(other('a\u0007b').errors).toEqual({ other: 'answer_control_chars' });
    expect(other('  latex 乳胶  ').answers.other).toBe('latex 乳胶');
  });
});

describe('rules and conditions', () => {
  it('fires a date rule by how many days ago the date was, counted on the answer day', () => {
    expect(triggers('2026-05-24', { withinDays: 183 }, TODAY)).toBe(true); // 183 days ago
    expect(triggers('2026-05-23', { withinDays: 183 }, TODAY)).toBe(false); // 184 days ago
    expect(triggers('2026-05-23', { olderThanDays: 183 }, TODAY)).toBe(true);
    expect(triggers(TODAY, { withinDays: 0 }, TODAY)).toBe(true);
    expect(triggers('2026-11-24', { withinDays: 10 }, TODAY)).toBe(false); // the future is not "the last N days"
    expect(triggers('not a date', { withinDays: 10 }, TODAY)).toBe(false);
    // Without the answer day a date rule cannot be judged, so it does not fire.
    expect(triggers('2026-11-01', { withinDays: 183 })).toBe(false);
  });

  it('blocks or warns from the shown answers only, blocks first', () => {
    const answers = { ...base, pregnant: true, iso: true, iso_last: '2026-09-01', allergens: ['fragrance', 'ppd'] };
    const s = consultationSummary(Q, answers, TODAY);
    expect(s.flags.map((f) => [f.effect, f.text.en])).toEqual([
      ['block', 'Isotretinoin < 6 months'],
      ['block', 'PPD allergy'],
      ['warn', 'Pregnant'],
    ]);
    expect(hasBlockingFlag(Q, answers, TODAY)).toBe(true);
    expect(hasBlockingFlag(Q, { ...base, iso: true, iso_last: '2025-12-01' }, TODAY)).toBe(false);
    // The date follow-up is hidden when the client said no: its old answer cannot block.
    expect(hasBlockingFlag(Q, { ...base, iso: false, iso_last: '2026-11-01' }, TODAY)).toBe(false);
    expect(visibleQuestions(Q, { ...base, iso: false }).map((q) => q.id)).not.toContain('iso_last');
  });
});

describe('QuestionnaireDefinitionSchema', () => {
  const def = (questions: unknown[]) => QuestionnaireDefinitionSchema.safeParse({ id: 'q', category: 'nails', version: 1, questions });
  const problems = (questions: unknown[]) => {
    const r = def(questions);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };
  const yn = (id: string, extra: object = {}) => ({ id, kind: 'yes_no', label: t(id), required: true, ...extra });

  it('accepts a sound questionnaire', () => {
    expect(def([yn('a'), yn('b', { showIf: { questionId: 'a', anyOf: [true] } })]).success).toBe(true);
  });

  it('names the question of each structural problem', () => {
    expect(problems([yn('a'), yn('a')])).toEqual([['questions.a', 'questionnaire_duplicate_id']]);
    expect(problems([{ id: 's', kind: 'single', label: t('s'), required: true, options: [{ value: 'x', label: t('x') }] }])).toEqual([
      ['questions.s', 'questionnaire_options'],
    ]);
    expect(problems([{ id: 'p', kind: 'scale', label: t('p'), required: true, min: 5, max: 5 }])).toEqual([['questions.p', 'questionnaire_scale']]);
    // A condition on a later question, or with a value its question cannot have.
    expect(problems([yn('b', { showIf: { questionId: 'a', anyOf: [true] } }), yn('a')])).toEqual([['questions.b', 'questionnaire_condition']]);
    expect(problems([yn('a'), yn('b', { showIf: { questionId: 'a', anyOf: ['yes'] } })])).toEqual([['questions.b', 'questionnaire_condition']]);
    // A date rule on a yes/no question, a yes/no rule on a date.
    expect(problems([yn('a', { rules: [{ when: { withinDays: 3 }, effect: 'block', flag: t('x') }] })])).toEqual([['questions.a', 'questionnaire_rule']]);
    expect(problems([{ id: 'd', kind: 'date', label: t('d'), required: true, rules: [{ when: true, effect: 'warn', flag: t('x') }] }])).toEqual([
      ['questions.d', 'questionnaire_rule'],
    ]);
    // Unknown trigger shapes are refused by the schema itself.
    expect(def([{ id: 'd', kind: 'date', label: t('d'), required: true, rules: [{ when: { withinWeeks: 2 }, effect: 'warn', flag: t('x') }] }]).success).toBe(false);
  });
});
