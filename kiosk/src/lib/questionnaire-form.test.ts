import type { Questionnaire } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { answersToSend, canReuse, questionnaireProblems } from './questionnaire-form.ts';

const t = (s: string) => ({ en: s, 'zh-CN': s });
const q: Questionnaire = {
  id: 'q',
  category: 'facial',
  version: 3,
  questions: [
    { id: 'kind', kind: 'single', label: t('Kind'), required: true, options: [{ value: 'a', label: t('A') }, { value: 'b', label: t('B') }], rules: [] },
    { id: 'when', kind: 'date', label: t('When'), required: false, options: [], rules: [] },
    { id: 'more', kind: 'text', label: t('More'), required: false, options: [], rules: [], maxLength: 10, showIf: { questionId: 'kind', anyOf: ['b'] } },
    { id: 'level', kind: 'scale', label: t('Level'), required: true, options: [], rules: [], min: 1, max: 5 },
  ],
};
const NOW = new Date(2026, 10, 23, 12).getTime();

describe('the questionnaire form', () => {
  it('words each problem for the client: missing, impossible or future date, over-long text', () => {
    const problems = questionnaireProblems(q, { when: '2027-01-01', kind: 'b', more: 'x'.repeat(11) }, NOW);
    expect(Object.fromEntries(problems)).toEqual({
      when: { key: 'kiosk.questions.dateFuture' },
      more: { key: 'kiosk.questions.tooLong', params: { max: 10 } },
      level: { key: 'kiosk.questions.missing' },
    });
    expect(questionnaireProblems(q, { kind: 'a', level: 2, when: '2026-02-30' }, NOW).get('when')).toEqual({ key: 'kiosk.questions.dateInvalid' });
  });

  it('sends only the answers of shown questions, trimmed', () => {
    expect(answersToSend(q, { kind: 'a', more: 'hidden', level: 4, when: '' }, NOW)).toEqual({ kind: 'a', level: 4 });
    expect(answersToSend(q, { kind: 'b', more: ' note ', level: 4 }, NOW)).toEqual({ kind: 'b', more: 'note', level: 4 });
  });

  it('reuses last answers only for the same questionnaire version when they still answer everything required', () => {
    const last = { questionnaireId: 'q', version: 3, answers: { kind: 'a', level: 2 } };
    expect(canReuse(q, last, NOW)).toBe(true);
    expect(canReuse(q, { ...last, version: 2 }, NOW)).toBe(false);
    expect(canReuse(q, { ...last, answers: { kind: 'a' } }, NOW)).toBe(false);
    expect(canReuse(q, undefined, NOW)).toBe(false);
  });
});
