import { validateAnswers, type AnswerProblem, type Answers, type Question, type Questionnaire } from '@glow/shared';
import type { KioskMessageKey } from './i18n/translate.ts';

/** What a client may type into a free-text answer when the salon set no limit (a lobby answer is a few words). */
export const TEXT_MAX = 500;

export const textMax = (q: Question): number => Math.min(q.maxLength ?? TEXT_MAX, 2000);

export type QuestionProblem = { key: KioskMessageKey; params?: Record<string, number> };

/** The kiosk's day as the shared checks take it (the kiosk stands in the salon: its clock's zone is the salon's). */
export function today(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function describe(q: Question, problem: AnswerProblem): QuestionProblem {
  switch (problem) {
    case 'answer_required':
      return { key: 'kiosk.questions.missing' };
    case 'date_format':
      return { key: 'kiosk.questions.dateInvalid' };
    case 'date_future':
      return { key: 'kiosk.questions.dateFuture' };
    case 'answer_too_long':
      return { key: 'kiosk.questions.tooLong', params: { max: textMax(q) } };
    case 'answer_control_chars':
      return { key: 'kiosk.questions.badChars' };
    default:
      return { key: 'kiosk.questions.invalid' };
  }
}

/**
 * Every shown question's problem, in questionnaire order, by the same shared check the hub runs (so that the kiosk
 * never sends what the hub would refuse), worded for the client.
 */
export function questionnaireProblems(questionnaire: Questionnaire, answers: Answers, now: number): Map<string, QuestionProblem> {
  const { errors } = validateAnswers(questionnaire, answers, today(now));
  const problems = new Map<string, QuestionProblem>();
  for (const q of questionnaire.questions) {
    const problem = errors[q.id];
    if (problem) problems.set(q.id, describe(q, problem));
  }
  return problems;
}

/**
 * The answers to send: those of the questions the client was shown (a hidden follow-up's earlier answer is dropped),
 * free text trimmed, empty answers left out.
 */
export function answersToSend(questionnaire: Questionnaire, answers: Answers, now: number): Answers {
  return validateAnswers(questionnaire, answers, today(now)).answers;
}

/**
 * Whether last time's answers can stand for today: the same questionnaire, unchanged since, and every answer the
 * questionnaire asks for is there and valid (answers given before a question became required are not enough).
 */
export function canReuse(
  questionnaire: Questionnaire,
  last: { questionnaireId: string; version: number; answers: Answers } | undefined,
  now: number,
): boolean {
  return (
    !!last &&
    last.questionnaireId === questionnaire.id &&
    last.version === questionnaire.version &&
    validateAnswers(questionnaire, last.answers, today(now)).ok
  );
}
