import type { Answers, AnswerValue, Question, Questionnaire } from '../schemas/questionnaire.schema.ts';
import { isCalendarDate } from './calendar-date.ts';
import { isAnswered, visibleQuestions } from './consultation.ts';

/** What can be wrong with one answer; each has a `rule.<code>` message in the i18n catalogues. */
export type AnswerProblem =
  | 'answer_required'
  | 'answer_type'
  | 'answer_option'
  | 'answer_range'
  | 'date_format'
  | 'date_future'
  | 'answer_too_long'
  | 'answer_control_chars';

/** `answers`: the valid answers to shown questions, cleaned; `errors`: one problem per question id (none when ok). */
export type AnswerCheck = { ok: boolean; answers: Answers; errors: Record<string, AnswerProblem> };

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const TEXT_MAX = 2000;

/**
 * Checks a client's answers against the questionnaire, as both the kiosk (to show the errors beside each question)
 * and the hub (which never trusts the kiosk) do. Only the questions the client was shown count: answers to hidden or
 * unknown questions are dropped, free text is trimmed. `today` is the salon's date (YYYY-MM-DD) for "not in the
 * future". Returns the cleaned valid answers and one problem per question id that has one.
 */
export function validateAnswers(questionnaire: Questionnaire, answers: Answers, today: string): AnswerCheck {
  const errors: Record<string, AnswerProblem> = {};
  const cleaned: Answers = {};
  for (const q of visibleQuestions(questionnaire, answers)) {
    const raw = answers[q.id];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (!isAnswered(value)) {
      if (q.required) errors[q.id] = 'answer_required';
      continue;
    }
    const problem = answerProblem(q, value, today);
    if (problem) errors[q.id] = problem;
    else cleaned[q.id] = value;
  }
  return { ok: Object.keys(errors).length === 0, answers: cleaned, errors };
}

/** The problem with one given (non-empty) answer to a question, or null. */
export function answerProblem(q: Question, a: AnswerValue, today: string): AnswerProblem | null {
  const isOption = (v: string) => q.options.some((o) => o.value === v);
  switch (q.kind) {
    case 'single':
      if (typeof a !== 'string') return 'answer_type';
      return isOption(a) ? null : 'answer_option';
    case 'multiple':
      if (!Array.isArray(a)) return 'answer_type';
      return a.every(isOption) && new Set(a).size === a.length ? null : 'answer_option';
    case 'scale':
      if (typeof a !== 'number' || !Number.isInteger(a)) return 'answer_type';
      return (q.min === undefined || a >= q.min) && (q.max === undefined || a <= q.max) ? null : 'answer_range';
    case 'yes_no':
      return typeof a === 'boolean' ? null : 'answer_type';
    case 'date':
      if (typeof a !== 'string') return 'answer_type';
      if (!isCalendarDate(a)) return 'date_format';
      return !q.allowFuture && a > today ? 'date_future' : null;
    case 'text':
      if (typeof a !== 'string') return 'answer_type';
      if ([...a].length > (q.maxLength ?? TEXT_MAX)) return 'answer_too_long';
      return CONTROL_CHARS.test(a) ? 'answer_control_chars' : null;
  }
}
