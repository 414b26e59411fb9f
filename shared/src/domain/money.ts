/**
 * Money as the salon types it and stores it: an amount in the currency's minor units (cents, fen), never a float.
 * How many decimals a currency has comes from the platform's ICU data (Intl), not a table of our own.
 */

/** The currency's number of decimals (GBP 2, CNY 2, JPY 0); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Why a typed price was refused: the rule names of the message catalogues (`rule.<name>`). */
export type PriceRule = 'required' | 'price_format' | 'price_negative' | 'price_decimals' | 'price_too_big';

/** The largest price accepted, in major units: a typo guard far above any salon's price list. */
export const MAX_PRICE_MAJOR = 1_000_000;

/**
 * A price typed by a person ("45", "45.5", "45.50", " 1,200.00 ") into minor units, or the rule it breaks: below
 * zero, more decimals than the currency has, not a number.
 */
export function parsePrice(text: string, currency: string): { ok: true; minor: number } | { ok: false; rule: PriceRule } {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') return { ok: false, rule: 'required' };
  if (/^-/.test(cleaned)) return { ok: false, rule: 'price_negative' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, rule: 'price_format' };
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, rule: 'price_decimals' };
  const major = Number(match[1]);
  if (major > MAX_PRICE_MAJOR) return { ok: false, rule: 'price_too_big' };
  return { ok: true, minor: major * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') };
}

/** Minor units back to the plain text a form shows ("45.50"), without a currency sign. */
export function priceText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  return `${whole}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}

/** A price for people to read, in their language and the salon's currency ("£45.50", "¥45.50"). */
export function formatPrice(minor: number, currency: string, language: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return priceText(minor, currency);
  }
}

/** The currency of data written before the salon chose one (the first-start set-up asks for it). */
export const DEFAULT_CURRENCY = 'GBP';

/**
 * The salon's currency from its info (`salon.currency`, an ISO 4217 code set at first start), or the default for a
 * salon that has none yet. Read through here so every screen and the hub agree.
 */
export function salonCurrency(salon: object | null | undefined): string {
  const code = (salon as { currency?: unknown } | null | undefined)?.currency;
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) ? code : DEFAULT_CURRENCY;
}
