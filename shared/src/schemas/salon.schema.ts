import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { freeText, LanguageSchema, LANGUAGES, type Language } from './common.schema.ts';

/**
 * The salon's own settings that every screen formats with (#13): its languages, how English dates and times are
 * written, its currency, its time zone and the days it is closed. Stored in `meta.salon` (the time zone in
 * `meta.floor`, where the floor arithmetic has always read it); only the manager changes them (`settings:salon`).
 */

/**
 * How English dates and times are written (the salon glossary's formats): en-GB 24-hour by default, en-US 12-hour
 * when chosen. Chinese screens are always zh-CN, 24-hour (the shared formatter's `formatLocale`).
 */
export const SALON_LOCALES = ['en-GB', 'en-US'] as const;
export const SalonLocaleSchema = z.enum(SALON_LOCALES, { error: 'locale_unknown' });
export type SalonLocale = z.infer<typeof SalonLocaleSchema>;

/** Every IANA time zone this platform knows (the list the set-up offers), with UTC, which some platforms leave out. */
export function knownTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

let zoneSet: Set<string> | null = null;
/** Whether `zone` is an IANA zone this platform knows (the listed names, or an alias Intl resolves, e.g. Asia/Calcutta). */
export function isKnownTimeZone(zone: string): boolean {
  zoneSet ??= new Set(knownTimeZones());
  if (zoneSet.has(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** ISO 4217 codes this platform can format. */
export const knownCurrencies = (): string[] => Intl.supportedValuesOf('currency');
let currencySet: Set<string> | null = null;
export function isKnownCurrency(code: string): boolean {
  currencySet ??= new Set(knownCurrencies());
  return currencySet.has(code);
}

export const TimeZoneSchema = z.string().refine((zone) => zone.length <= 64 && isKnownTimeZone(zone), 'time_zone_unknown');
export const CurrencySchema = z.string().refine((code) => /^[A-Z]{3}$/.test(code) && isKnownCurrency(code), 'currency_unknown');

/** A day the salon is closed although its weekday is open (a public holiday, a staff outing): YYYY-MM-DD. */
export const ClosedDateSchema = z.string().refine((day) => day.length === 10 && isCalendarDate(day), 'closed_date_format');
export const ClosedDatesSchema = z
  .array(ClosedDateSchema)
  .max(366, 'closed_dates_too_many')
  .refine((days) => new Set(days).size === days.length, 'closed_date_twice');

/** The languages the salon works in: at least one, each once. */
export const SalonLanguagesSchema = z
  .array(LanguageSchema)
  .min(1, 'languages_required')
  .max(LANGUAGES.length)
  .refine((langs) => new Set(langs).size === langs.length, 'languages_required');

/** What the owner types in the set-up and the manager changes later: checked field by field. */
export const SalonProfileShape = {
  name: freeText(80).pipe(z.string().min(1, 'required')),
  languages: SalonLanguagesSchema,
  defaultLanguage: LanguageSchema,
  locale: SalonLocaleSchema,
  currency: CurrencySchema,
  timeZone: TimeZoneSchema,
  closedDates: ClosedDatesSchema,
};

/** The default language must be one the salon offers: `schema.refine(...DEFAULT_LANGUAGE_OFFERED)`. */
export const DEFAULT_LANGUAGE_OFFERED: [
  (s: { languages: Language[]; defaultLanguage: Language }) => boolean,
  { message: string; path: string[] },
] = [(s) => s.languages.includes(s.defaultLanguage), { message: 'default_language_not_offered', path: ['defaultLanguage'] }];

export const SalonProfileSchema = z.object(SalonProfileShape).strict().refine(...DEFAULT_LANGUAGE_OFFERED);
export type SalonProfile = z.infer<typeof SalonProfileSchema>;
