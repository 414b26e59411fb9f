import { getCountryCallingCode } from 'libphonenumber-js';
import type { PhoneCountry } from '../schemas/person-rules.ts';

/**
 * The digits of a stored (E.164) number as the salon's own people dial it, without their country code
 * ("+8613800138000" → "13800138000" in China), or null for a number of another country. What the client search
 * matches typed digits against besides the full international digits (#16).
 */
export function nationalDigits(stored: string, country: PhoneCountry): string | null {
  const prefix = `+${getCountryCallingCode(country)}`;
  return stored.startsWith(prefix) ? stored.slice(prefix.length).replace(/\D/g, '') : null;
}

/** Typed digits as they may be compared with national digits: a trunk 0 ("07946 …" in the UK) dropped. */
export const withoutTrunkZero = (digits: string): string => (digits.startsWith('0') ? digits.slice(1) : digits);
