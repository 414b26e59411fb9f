import { format, isValid, parse } from 'date-fns';

/**
 * Dates and times as a salon's staff type and read them in a form (#13): in the salon's locale, never the browser's
 * (a tablet bought abroad writes 12/04/2026 for 4 December in en-US; an en-GB salon means 12 April). Values are kept
 * as the schemas want them — a salon day "YYYY-MM-DD", a clock time "HH:mm" — and shown in the salon's format:
 * en-GB 04/12/2026 and 14:30, en-US 12/04/2026 and 2:30 PM, zh-CN 2026/12/04 and 14:30. date-fns parses them strictly
 * (30 February is no date). The ISO form is always understood too (a picker, a paste, a test).
 */

/** The date pattern a locale writes (date-fns tokens), and the one hint shown to the person typing. */
export function datePattern(locale: string): { pattern: string; hint: string } {
  if (locale === 'en-US') return { pattern: 'MM/dd/yyyy', hint: 'MM/DD/YYYY' };
  if (locale.startsWith('zh')) return { pattern: 'yyyy/MM/dd', hint: 'YYYY/MM/DD' };
  return { pattern: 'dd/MM/yyyy', hint: 'DD/MM/YYYY' };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = new Date(2000, 0, 1);

/** A salon day "YYYY-MM-DD" in the locale's pattern; anything else is returned as it is (it is still being typed). */
export function showDay(ymd: string, locale: string): string {
  if (!ISO_DAY.test(ymd)) return ymd;
  const d = parse(ymd, 'yyyy-MM-dd', REFERENCE);
  return isValid(d) ? format(d, datePattern(locale).pattern) : ymd;
}

/**
 * What a person typed as a date, as a salon day "YYYY-MM-DD", or null when it is no date: the locale's pattern with
 * or without leading zeros, with "/", "-" or "." between the parts, or ISO. A four-digit year is required (a
 * two-digit one is ambiguous across a century of birthdays).
 */
export function readDay(typed: string, locale: string): string | null {
  const text = typed.trim().replace(/\s+/g, '');
  if (!text) return null;
  const candidates = ISO_DAY.test(text) ? ['yyyy-MM-dd'] : [datePattern(locale).pattern.replace(/dd/, 'd').replace(/MM/, 'M')];
  const normalised = ISO_DAY.test(text) ? text : text.replace(/[-.]/g, '/');
  for (const pattern of candidates) {
    if (!/\d{4}/.test(normalised)) return null;
    const d = parse(normalised, pattern, REFERENCE);
    if (isValid(d) && d.getFullYear() >= 1000) return format(d, 'yyyy-MM-dd');
  }
  return null;
}

/** A clock time "HH:mm" as the salon writes it: 24-hour, or 12-hour with AM/PM for en-US. */
export function showTime(hhmm: string, locale: string): string {
  const d = parse(hhmm, 'HH:mm', REFERENCE);
  if (!/^\d{2}:\d{2}$/.test(hhmm) || !isValid(d)) return hhmm;
  return locale === 'en-US' ? format(d, 'h:mm a') : format(d, 'HH:mm');
}

/**
 * What a person typed as a time, as "HH:mm", or null: "14:30", "9:05", "0930", and in any locale "2:30 pm" / "2:30PM"
 * (12-hour with its AM/PM is never ambiguous). "24:00" is no time; a shift ending at midnight is written "00:00".
 */
export function readTime(typed: string, _locale: string): string | null {
  const text = typed.trim().toUpperCase().replace(/\s+/g, ' ').replace(/\.(?=\d)/, ':');
  if (!text) return null;
  const patterns = /[AP]\.?M\.?$/.test(text) ? ['h:mm a', 'h:mma', 'h a', 'ha'] : ['H:mm', 'HHmm'];
  const cleaned = text.replace(/([AP])\.?M\.?$/, '$1M');
  for (const pattern of patterns) {
    const d = parse(cleaned, pattern, REFERENCE);
    if (isValid(d)) return format(d, 'HH:mm');
  }
  return null;
}
