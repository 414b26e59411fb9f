import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

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

/** Digits with an optional leading +, as typed without the spacing ("138 0013 8000" → "13800138000"). */
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

/** An ISO 3166 country code with a numbering plan ("CN", "GB"): the country a salon's local numbers belong to. */
export type PhoneCountry = CountryCode;
export const isPhoneCountry = (code: string): code is PhoneCountry => isSupportedCountry(code);

/**
 * The country of numbers typed without a country code when the salon has not chosen one (SalonInfo.phoneCountry):
 * the demo salon's.
 */
export const DEFAULT_PHONE_COUNTRY: PhoneCountry = 'CN';

/** The country of a salon's local numbers: its setting, or the default for a salon that has not set one. */
export const phoneCountryOf = (salon: { phoneCountry?: PhoneCountry | undefined } | null | undefined): PhoneCountry =>
  salon?.phoneCountry ?? DEFAULT_PHONE_COUNTRY;

export type PhoneRule = 'phone_format' | 'phone_impossible';
export type CanonicalPhone = { ok: true; phone: string } | { ok: false; rule: PhoneRule };

/**
 * The one form the hub stores and looks numbers up in: E.164 ("+8613800138000"), with numbers typed without a
 * country code read as the salon's (`country`), so "+86 138 0013 8000", "138-0013-8000" and "13800138000" are one
 * client in a Chinese salon. A number with the shape of one (isPhoneNumber) that no numbering plan allows (wrong
 * length for its country, an unknown country code) is `phone_impossible`. Possible, not "valid": a number the plan
 * allows by length is accepted even if its range is not assigned yet, so a real new range is never refused.
 */
export function canonicalPhone(typed: string, country: PhoneCountry): CanonicalPhone {
  const shape = normalizePhone(typed);
  if (!isPhoneNumber(shape)) return { ok: false, rule: 'phone_format' };
  const parsed = parsePhoneNumberFromString(shape, country);
  return parsed?.isPossible() ? { ok: true, phone: parsed.number } : { ok: false, rule: 'phone_impossible' };
}

/**
 * A number as people of the salon read it: national form for the salon's own country ("138 0013 8000"),
 * international for others ("+44 20 7946 0958"); anything that does not parse is shown as stored.
 */
export function displayPhone(stored: string, country: PhoneCountry): string {
  const parsed = parsePhoneNumberFromString(stored, country);
  if (!parsed) return stored;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
