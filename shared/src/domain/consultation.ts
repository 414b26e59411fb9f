import type { VisitCard } from '../contracts/views.ts';
import type { Id, LocalizedText } from '../schemas/common.schema.ts';
import type { Answers, AnswerValue, Question, Questionnaire, RuleTrigger } from '../schemas/questionnaire.schema.ts';
import { daysBetween, isCalendarDate } from './calendar-date.ts';

/** The flags and answers of a consultation; the card adds whether it was done and whether its reader may see it. */
export type ConsultationSummary = Omit<VisitCard['consultation'], 'status'>;

/**
 * Whether an answer triggers a condition or rule: equal to the value (a multiple choice: includes it), or for a date
 * trigger, the answered date lies within the last N days of `today` (0 = today) or more than N days before it.
 * Date triggers need `today` (the salon's date when the client answered); without it they never fire.
 */
export function triggers(answer: AnswerValue | undefined, when: RuleTrigger, today?: string): boolean {
  if (answer === undefined) return false;
  if (typeof when === 'object') {
    if (today === undefined || typeof answer !== 'string' || !isCalendarDate(answer)) return false;
    const ago = daysBetween(answer, today);
    return 'withinDays' in when ? ago >= 0 && ago <= when.withinDays : ago > when.olderThanDays;
  }
  return answer === when || (Array.isArray(answer) && typeof when === 'string' && answer.includes(when));
}
const matches = (answer: AnswerValue | undefined, value: string | boolean): boolean => triggers(answer, value);

/**
 * The questions the client was shown, in questionnaire order: a question with `showIf` only when the question it
 * depends on was itself shown and its answer equals one of `anyOf` (for a multiple choice, includes one). A
 * dependency on an unknown or later question hides it.
 */
export function visibleQuestions(questionnaire: Questionnaire, answers: Answers): Question[] {
  const shown = new Set<Id>();
  const out: Question[] = [];
  for (const q of questionnaire.questions) {
    const cond = q.showIf;
    if (cond && !(shown.has(cond.questionId) && cond.anyOf.some((v) => matches(answers[cond.questionId], v)))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

const same = (text: string): LocalizedText => ({ en: text, 'zh-CN': text });
const YES: LocalizedText = { en: 'Yes', 'zh-CN': '是' };
const NO: LocalizedText = { en: 'No', 'zh-CN': '否' };

const optionLabel = (q: Question | undefined, value: string): LocalizedText =>
  q?.options?.find((o) => o.value === value)?.label ?? same(value);

/**
 * An answer in both languages: option labels for choices (joined with the language's list separator), yes/no
 * words, numbers and dates as they are, text as typed.
 */
export function renderAnswer(q: Question | undefined, answer: AnswerValue): LocalizedText {
  if (typeof answer === 'boolean') return answer ? YES : NO;
  if (typeof answer === 'number') return same(String(answer));
  if (Array.isArray(answer)) {
    const labels = answer.map((v) => optionLabel(q, v));
    return { en: labels.map((l) => l.en).join(', '), 'zh-CN': labels.map((l) => l['zh-CN']).join('、') };
  }
  if (q?.kind === 'single' || q?.kind === 'multiple') return optionLabel(q, answer);
  return same(answer);
}

export const isAnswered = (a: AnswerValue | undefined): a is AnswerValue =>
  a !== undefined && a !== '' && !(Array.isArray(a) && a.length === 0);

/**
 * The consultation as the beautician reads it: the contraindication flags of the shown questions whose answer
 * triggers them, block flags before warn flags (each in questionnaire order), then every shown question that has an
 * answer, with the answer in both languages. Without the questionnaire (deleted since) there are no flags and the
 * answers are listed by question id, rather than hiding what the client said.
 */
export function consultationSummary(
  questionnaire: Questionnaire | undefined,
  answers: Answers,
  today?: string,
): ConsultationSummary {
  if (!questionnaire) {
    return {
      flags: [],
      answers: Object.keys(answers)
        .sort()
        .flatMap((id) => {
          const a = answers[id];
          return isAnswered(a) ? [{ questionId: id, question: same(id), answer: renderAnswer(undefined, a) }] : [];
        }),
    };
  }
  const shown = visibleQuestions(questionnaire, answers);
  const block: ConsultationSummary['flags'] = [];
  const warn: ConsultationSummary['flags'] = [];
  const rendered: ConsultationSummary['answers'] = [];
  for (const q of shown) {
    const a = answers[q.id];
    if (!isAnswered(a)) continue;
    for (const rule of q.rules ?? []) {
      if (!triggers(a, rule.when, today)) continue;
      (rule.effect === 'block' ? block : warn).push({ effect: rule.effect, text: rule.flag });
    }
    rendered.push({ questionId: q.id, question: q.label, answer: renderAnswer(q, a) });
  }
  return { flags: [...block, ...warn], answers: rendered };
}

/** True when any shown answer triggers a blocking contraindication. */
export const hasBlockingFlag = (questionnaire: Questionnaire | undefined, answers: Answers, today?: string): boolean =>
  consultationSummary(questionnaire, answers, today).flags.some((f) => f.effect === 'block');
