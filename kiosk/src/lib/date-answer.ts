import { datePattern, readDay, showDay } from '@glow/shared';

/**
 * A consultation date answer as the client types it on the lobby kiosk (#13): in the salon's format for the language
 * on screen (en-GB 04/12/1990, en-US 12/04/1990, zh-CN 1990/12/04), never the browser's. The shared date-entry module
 * reads and writes it; this file only says what the kiosk keeps as the answer.
 */

/**
 * The answer to keep for what was typed: a salon day "YYYY-MM-DD", undefined when the box is empty, or the trimmed text
 * when it is no date (30/02/1990, 1990): the shared answer check then refuses it as `date_format`, so the client sees
 * "Please enter a real date." and what they typed stays in the box.
 */
export function dateAnswerFromText(typed: string, locale: string): string | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  return readDay(text, locale) ?? text;
}

/** What the box shows for a kept answer (the salon's format; a non-date answer as it was typed). */
export const dateAnswerText = (answer: string | undefined, locale: string): string => (answer ? showDay(answer, locale) : '');

/** The hint under the box: how to type a date here ("DD/MM/YYYY"). */
export const dateAnswerHint = (locale: string): string => datePattern(locale).hint;

/**
 * A salon day in words with its year, so a day and month typed the wrong way round show at once
 * ("Tuesday, 4 December 1990" / "1990年12月4日星期二"); null when the answer is no date.
 */
export function dateAnswerInWords(answer: string | undefined, locale: string): string | null {
  if (!answer || !/^\d{4}-\d{2}-\d{2}$/.test(answer)) return null;
  const at = Date.parse(`${answer}T12:00:00Z`);
  if (Number.isNaN(at)) return null;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
