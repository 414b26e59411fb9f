import type { Language } from '../schemas/common.schema.ts';

/**
 * How every screen writes the salon's dates, times and money (#14): in the salon's time zone (never the device's:
 * a tablet set to another zone, or a phone abroad, still shows the salon's clock), in the reader's language, with
 * the salon's choice of English (en-GB by default) and one hour cycle per locale (24-hour unless the salon chose
 * en-US, which is 12-hour; Chinese is always 24-hour). The settings are parameters: the screens pass what the hub
 * sends them (the salon's time zone, locale and currency), this module reads no settings of its own.
 */
export type SalonFormatSettings = {
  /** IANA zone, e.g. "Asia/Shanghai" (FloorSettings.timeZone). */
  timeZone: string;
  /** How English is written: "en-GB" (default) or "en-US". Chinese screens are always zh-CN. */
  locale?: string | undefined;
  /** ISO 4217 code; amounts are in its minor units. */
  currency?: string | undefined;
};

export type SalonFormat = {
  /** "14:05" (en-US: "2:05 PM"). */
  time(at: number): string;
  /** "Tue 24 Nov" / "11月24日周二". */
  date(at: number): string;
  /** "24 November 2026" / "2026年11月24日". */
  longDate(at: number): string;
  /** "24 Nov 2026, 14:05": a moment that may not be today (a device paired last month). */
  dateTime(at: number): string;
  /** A salon day "YYYY-MM-DD" (already the salon's calendar) as "Tue 24 Nov". */
  day(ymd: string): string;
  /** Minor units as money ("£45.50", "¥45.50"); the plain number when no currency is set. */
  money(minor: number): string;
  /** The BCP 47 locale and hour cycle in use (for tests and for `lang`-aware widgets). */
  readonly locale: string;
  readonly hourCycle: 'h12' | 'h23';
};

const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** The locale a screen in `language` writes with: the salon's English, or zh-CN. */
export const formatLocale = (language: Language, englishLocale: string | undefined): string =>
  language === 'zh-CN' ? 'zh-CN' : (englishLocale ?? 'en-GB');

/** 12-hour only where the salon chose a 12-hour English (en-US); 24-hour everywhere else, in both languages. */
export const hourCycleOf = (locale: string): 'h12' | 'h23' => (locale === 'en-US' ? 'h12' : 'h23');

// Building an Intl formatter costs far more than using one (it loads locale data): one per combination, kept.
const cache = new Map<string, SalonFormat>();

export function salonFormat(language: Language, settings: SalonFormatSettings): SalonFormat {
  const locale = formatLocale(language, settings.locale);
  const key = `${locale}|${settings.timeZone}|${settings.currency ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const hourCycle = hourCycleOf(locale);
  const { timeZone } = settings;
  const clock: Intl.DateTimeFormatOptions = { hour: hourCycle === 'h23' ? '2-digit' : 'numeric', minute: '2-digit', hourCycle };
  const time = new Intl.DateTimeFormat(locale, { ...clock, timeZone });
  const date = new Intl.DateTimeFormat(locale, { ...DATE, timeZone });
  const longDate = new Intl.DateTimeFormat(locale, { ...LONG_DATE, timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', ...clock, timeZone });
  // A salon day is a calendar date, not a moment: written at its noon UTC, which is that date in UTC.
  const day = new Intl.DateTimeFormat(locale, { ...DATE, timeZone: 'UTC' });
  const money = settings.currency ? new Intl.NumberFormat(locale, { style: 'currency', currency: settings.currency }) : null;
  const digits = money?.resolvedOptions().maximumFractionDigits ?? 2;
  const format: SalonFormat = {
    time: (at) => time.format(at),
    date: (at) => date.format(at),
    longDate: (at) => longDate.format(at),
    dateTime: (at) => dateTime.format(at),
    day: (ymd) => {
      const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
      return day.format(Date.UTC(y, m - 1, d, 12));
    },
    money: (minor) => (money ? money.format(minor / 10 ** digits) : (minor / 100).toFixed(2)),
    locale,
    hourCycle,
  };
  cache.set(key, format);
  return format;
}
