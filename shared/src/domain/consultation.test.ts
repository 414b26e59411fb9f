import { describe, expect, it } from 'vitest';
import type { Question, Questionnaire } from '../schemas/questionnaire.schema.ts';
import { consultationSummary, hasBlockingFlag, renderAnswer, visibleQuestions } from './consultation.ts';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const q = (id: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  kind,
  label: t(`${id}?`, `${id}？`),
  required: false,
  options: [],
  rules: [],
  ...extra,
});

const questionnaire: Questionnaire = {
  id: 'q-hair',
  category: 'hair_colour',
  version: 1,
  questions: [
    q('pregnant', 'yes_no', { rules: [{ when: true, effect: 'warn', flag: t('Pregnant', '怀孕') }] }),
    q('allergy', 'yes_no', { rules: [{ when: true, effect: 'block', flag: t('Dye allergy', '染发剂过敏') }] }),
    q('patch', 'single', {
      options: [
        { value: 'passed', label: t('Passed', '通过') },
        { value: 'none', label: t('Not done', '没有') },
      ],
      rules: [{ when: 'none', effect: 'block', flag: t('No patch test', '未做皮肤测试') }],
    }),
    q('concerns', 'multiple', {
      options: [
        { value: 'dry', label: t('Dryness', '干燥') },
        { value: 'itch', label: t('Itching', '瘙痒') },
        { value: 'grey', label: t('Grey hair', '白发') },
      ],
      rules: [{ when: 'itch', effect: 'warn', flag: t('Itchy scalp', '头皮瘙痒') }],
    }),
    // Shown only to those who reported itching.
    q('itch_where', 'text', { showIf: { questionId: 'concerns', anyOf: ['itch'] } }),
    // Shown only when the question above was shown and answered so; its rule must not fire otherwise.
    q('itch_bad', 'yes_no', {
      showIf: { questionId: 'itch_where', anyOf: ['everywhere'] },
      rules: [{ when: true, effect: 'block', flag: t('Severe itching', '严重瘙痒') }],
    }),
    q('smoker', 'yes_no', { rules: [{ when: false, effect: 'warn', flag: t('Non-smoker (test rule)', '不吸烟') }] }),
    q('pain', 'scale', { min: 1, max: 5 }),
    q('last_colour', 'date'),
    q('notes', 'text'),
    q('hidden_by_yes', 'text', { showIf: { questionId: 'pregnant', anyOf: [true] } }),
  ],
};

describe('consultationSummary', () => {
  it('puts block flags before warn flags, each in questionnaire order', () => {
    const { flags } = consultationSummary(questionnaire, { pregnant: true, allergy: true, patch: 'none', concerns: ['itch'], smoker: false });
    expect(flags).toEqual([
      { effect: 'block', text: t('Dye allergy', '染发剂过敏') },
      { effect: 'block', text: t('No patch test', '未做皮肤测试') },
      { effect: 'warn', text: t('Pregnant', '怀孕') },
      { effect: 'warn', text: t('Itchy scalp', '头皮瘙痒') },
      { effect: 'warn', text: t('Non-smoker (test rule)', '不吸烟') },
    ]);
  });

  it('raises no flag for an answer that does not match', () => {
    expect(consultationSummary(questionnaire, { pregnant: false, allergy: false, patch: 'passed', concerns: ['dry'] }).flags).toEqual([]);
  });

  it('renders every kind of answer in both languages', () => {
    const { answers } = consultationSummary(questionnaire, {
      pregnant: true,
      allergy: false,
      patch: 'passed',
      concerns: ['dry', 'itch'],
      itch_where: 'behind the ears 耳后',
      pain: 3,
      last_colour: '2026-01-31',
      notes: '  as typed ',
      hidden_by_yes: 'shown',
    });
    expect(answers).toEqual([
      { questionId: 'pregnant', question: t('pregnant?', 'pregnant？'), answer: t('Yes', '是') },
      { questionId: 'allergy', question: t('allergy?', 'allergy？'), answer: t('No', '否') },
      { questionId: 'patch', question: t('patch?', 'patch？'), answer: t('Passed', '通过') },
      { questionId: 'concerns', question: t('concerns?', 'concerns？'), answer: t('Dryness, Itching', '干燥、瘙痒') },
      { questionId: 'itch_where', question: t('itch_where?', 'itch_where？'), answer: t('behind the ears 耳后', 'behind the ears 耳后') },
      { questionId: 'pain', question: t('pain?', 'pain？'), answer: t('3', '3') },
      { questionId: 'last_colour', question: t('last_colour?', 'last_colour？'), answer: t('2026-01-31', '2026-01-31') },
      { questionId: 'notes', question: t('notes?', 'notes？'), answer: t('  as typed ', '  as typed ') },
      { questionId: 'hidden_by_yes', question: t('hidden_by_yes?', 'hidden_by_yes？'), answer: t('shown', 'shown') },
    ]);
  });

  it('leaves out questions that were not shown, and their flags, even if an answer is stored', () => {
    const summary = consultationSummary(questionnaire, {
      pregnant: false,
      concerns: ['dry'],
      itch_where: 'everywhere',
      itch_bad: true,
      hidden_by_yes: 'stale',
    });
    expect(summary.answers.map((a) => a.questionId)).toEqual(['pregnant', 'concerns']);
    expect(summary.flags).toEqual([]);
  });

  it('follows a chain of conditions', () => {
    const summary = consultationSummary(questionnaire, { concerns: ['itch'], itch_where: 'everywhere', itch_bad: true });
    expect(summary.answers.map((a) => a.questionId)).toEqual(['concerns', 'itch_where', 'itch_bad']);
    expect(summary.flags[0]).toEqual({ effect: 'block', text: t('Severe itching', '严重瘙痒') });
  });

  it('skips unanswered questions, empty text and empty choices', () => {
    expect(consultationSummary(questionnaire, { notes: '', concerns: [] })).toEqual({ flags: [], answers: [] });
  });

  it('shows an option value that is no longer in the questionnaire as it is', () => {
    expect(consultationSummary(questionnaire, { patch: 'retired' }).answers[0]?.answer).toEqual(t('retired', 'retired'));
  });

  it('without a questionnaire lists the answers by question id and raises no flags', () => {
    expect(consultationSummary(undefined, { b: true, a: 'x', c: '' })).toEqual({
      flags: [],
      answers: [
        { questionId: 'a', question: t('a', 'a'), answer: t('x', 'x') },
        { questionId: 'b', question: t('b', 'b'), answer: t('Yes', '是') },
      ],
    });
  });
});

describe('visibleQuestions', () => {
  it('hides a question that depends on an unknown or later question', () => {
    const qs: Questionnaire = {
      ...questionnaire,
      questions: [q('first', 'text', { showIf: { questionId: 'second', anyOf: ['x'] } }), q('second', 'text'), q('third', 'text', { showIf: { questionId: 'nope', anyOf: ['x'] } })],
    };
    expect(visibleQuestions(qs, { first: 'a', second: 'x', third: 'b' }).map((x) => x.id)).toEqual(['second']);
  });
});

describe('renderAnswer and hasBlockingFlag', () => {
  it('renders by value when the question is unknown', () => {
    expect(renderAnswer(undefined, ['a', 'b'])).toEqual(t('a, b', 'a、b'));
    expect(renderAnswer(undefined, 0)).toEqual(t('0', '0'));
    expect(renderAnswer(undefined, false)).toEqual(t('No', '否'));
  });

  it('a text answer that happens to equal an option value stays as typed', () => {
    const text = q('t', 'text', { options: [{ value: 'x', label: t('Label', '标签') }] });
    expect(renderAnswer(text, 'x')).toEqual(t('x', 'x'));
  });

  it('tells whether any shown answer blocks the service', () => {
    expect(hasBlockingFlag(questionnaire, { allergy: true })).toBe(true);
    expect(hasBlockingFlag(questionnaire, { pregnant: true })).toBe(false);
    expect(hasBlockingFlag(undefined, { allergy: true })).toBe(false);
  });
});
