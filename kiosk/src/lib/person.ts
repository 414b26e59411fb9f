import { MAX_AGE_YEARS, PersonNameSchema, PhoneSchema, birthdayProblem } from '@glow/shared';
import { isKioskMessageKey, type KioskMessageKey } from './i18n/translate.ts';

/**
 * Checks of what a new client types at the kiosk, before anything is sent: each answers the message key to show (in
 * the language on screen) or null. The rules are shared's (person-rules.ts, client.schema.ts, birthday.ts), the same
 * the hub checks again; the kiosk only adds what a person can fix on the spot, with a message that says how.
 */

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** Letters (any script, with their combining marks), spaces, hyphens, apostrophes, full stops and the middle dot. */
const NAME_CHARS = /^[\p{L}\p{M}\s'’.\-·]*$/u;

export type NameProblem = { key: KioskMessageKey; params?: Record<string, string | number> };

/**
 * A name's problem. Its length is the shared schema's (a longer name is refused, never cut short); the kiosk is
 * stricter than the hub on what a name is made of (no emoji, symbols or digits, no Han mixed with Latin), because a
 * client registering on their own is the one who can fix it.
 */
export function nameProblem(value: string, required: boolean): NameProblem | null {
  const name = value.trim();
  if (!name) return required ? { key: 'rule.required' } : null;
  if (PersonNameSchema.safeParse(name).error?.issues.some((i) => i.message === 'too_long')) return { key: 'rule.too_long' };
  if (!NAME_CHARS.test(name)) return { key: 'kiosk.name.symbols' };
  if (HAN.test(name) && LATIN.test(name)) return { key: 'kiosk.name.mixed' };
  return null;
}

/** The shared phone schema's verdict on a number as typed, as the message to show (`rule.<its code>`). */
export function phoneProblem(phone: string): KioskMessageKey | null {
  const parsed = PhoneSchema.safeParse(phone);
  if (parsed.success) return null;
  const key = `rule.${parsed.error.issues[0]?.message ?? 'phone_format'}`;
  return isKioskMessageKey(key) ? key : 'rule.phone_format';
}

export type BirthdayParts = { year: string; month: string; day: string };
export const emptyBirthday = (): BirthdayParts => ({ year: '', month: '', day: '' });

/**
 * A birthday from three pickers: all empty (none given), or a date the shared rule accepts (`birthdayProblem`: it
 * exists, is not after today and not more than MAX_AGE_YEARS back, on the calendar day of `timeZone`).
 */
export function parseBirthday(
  parts: BirthdayParts,
  now: number,
  timeZone: string,
): { ok: true; value: string | null } | { ok: false; key: KioskMessageKey } {
  const filled = [parts.year, parts.month, parts.day].filter((p) => p !== '').length;
  if (filled === 0) return { ok: true, value: null };
  if (filled < 3) return { ok: false, key: 'kiosk.birthday.incomplete' };
  const date = `${parts.year.padStart(4, '0')}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  const problem = birthdayProblem(date, now, timeZone);
  if (!problem) return { ok: true, value: date };
  return { ok: false, key: problem === 'birthday_future' ? 'kiosk.birthday.future' : 'kiosk.birthday.impossible' };
}

/** The years a birthday picker offers: this year back to the shared limit (MAX_AGE_YEARS), newest first. */
export function birthdayYears(now: Date): number[] {
  const thisYear = now.getFullYear();
  return Array.from({ length: MAX_AGE_YEARS + 1 }, (_, i) => thisYear - i);
}

/** The zone the kiosk's clock shows: the kiosk stands in the salon, so it is the salon's. */
export const kioskTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
