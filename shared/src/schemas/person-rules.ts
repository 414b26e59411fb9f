/**
 * The rules of a person's name and phone number, one definition for the hub's schemas (client.schema.ts) and the
 * kiosk's own checks and keypad, so that both always agree on what is too long or not a number.
 */

/** A first or last name longer than this is refused with "too long" (never cut short). UTF-16 units, as zod counts. */
export const NAME_MAX_LENGTH = 60;

/** 6–15 digits covers local short numbers up to the E.164 maximum. */
export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 15;
/** The longest number as people type it, with spaces, brackets and dashes ("+44 (20) 7946-0958"). */
export const PHONE_MAX_TYPED = 24;

const PHONE_PATTERN = new RegExp(`^\\+?\\d{${PHONE_MIN_DIGITS},${PHONE_MAX_DIGITS}}$`);

/** Digits with an optional leading +, as the hub stores it ("138 0013 8000" → "13800138000"). */
export const normalizePhone = (phone: string): string => phone.trim().replace(/[\s().-]/g, '');

/** Whether a normalised number has the shape of a phone number. */
export const isPhoneNumber = (normalized: string): boolean => PHONE_PATTERN.test(normalized);

/**
 * What a phone field may hold while someone types it, by keypad or hardware keyboard: digits, a + only at the start,
 * at most PHONE_MAX_DIGITS digits. Everything else (letters, emoji, a second +) is dropped as it is typed.
 */
export function phoneAsTyped(raw: string): string {
  const plus = raw.trimStart().startsWith('+') ? '+' : '';
  const digits = raw.replace(/\D/g, '').slice(0, PHONE_MAX_DIGITS);
  return plus + digits;
}
