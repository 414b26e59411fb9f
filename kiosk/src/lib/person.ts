import { isBefore, isExists, subYears } from 'date-fns';
import { NAME_MAX_LENGTH, isPhoneNumber, normalizePhone } from '@glow/shared';
import type { KioskMessageKey } from './i18n/translate.ts';

/**
 * Checks of what a new client types at the kiosk, before anything is sent: each answers the message key to show (in
 * the language on screen) or null. The hub validates again with the shared schemas; these catch what a person can
 * fix on the spot, with a message that says how.
 */

/** The shared limit (the hub's schema refuses past it too): a longer name is refused, never cut short. */
export const NAME_MAX = NAME_MAX_LENGTH;

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** Letters (any script, with their combining marks), spaces, hyphens, apostrophes, full stops and the middle dot. */
const NAME_CHARS = /^[\p{L}\p{M}\s'’.\-·]*$/u;

export type NameProblem = { key: KioskMessageKey; params?: Record<string, string | number> };

export function nameProblem(value: string, required: boolean): NameProblem | null {
  const name = value.trim();
  if (!name) return required ? { key: 'rule.required' } : null;
  if ([...name].length > NAME_MAX) return { key: 'rule.too_long' }; // code points, as zod counts
  if (!NAME_CHARS.test(name)) return { key: 'kiosk.name.symbols' };
  if (HAN.test(name) && LATIN.test(name)) return { key: 'kiosk.name.mixed' };
  return null;
}

export { normalizePhone };

/** The shared phone rules (person-rules.ts in shared), with the message to show. */
export function phoneProblem(phone: string): KioskMessageKey | null {
  const p = normalizePhone(phone);
  if (!p) return 'rule.required';
  return isPhoneNumber(p) ? null : 'rule.phone_format';
}

export type BirthdayParts = { year: string; month: string; day: string };
export const emptyBirthday = (): BirthdayParts => ({ year: '', month: '', day: '' });

/** People older than this are not expected at the kiosk: a year further back is a slip of the finger. */
const OLDEST_YEARS = 120;

/**
 * A birthday from three pickers: all empty (none given), or a date that exists, is not in the future and not more
 * than 120 years ago. `now` is the kiosk's clock.
 */
export function parseBirthday(
  parts: BirthdayParts,
  now: Date,
): { ok: true; value: string | null } | { ok: false; key: KioskMessageKey } {
  const filled = [parts.year, parts.month, parts.day].filter((p) => p !== '').length;
  if (filled === 0) return { ok: true, value: null };
  if (filled < 3) return { ok: false, key: 'kiosk.birthday.incomplete' };
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  if (![y, m, d].every(Number.isInteger) || !isExists(y, m - 1, d)) return { ok: false, key: 'kiosk.birthday.impossible' };
  const date = new Date(y, m - 1, d);
  if (date > now) return { ok: false, key: 'kiosk.birthday.future' };
  if (isBefore(date, subYears(now, OLDEST_YEARS))) return { ok: false, key: 'kiosk.birthday.impossible' };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return { ok: true, value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` };
}

/** The years a birthday picker offers: this year back to 120 years ago, newest first. */
export function birthdayYears(now: Date): number[] {
  const thisYear = now.getFullYear();
  return Array.from({ length: OLDEST_YEARS + 1 }, (_, i) => thisYear - i);
}
