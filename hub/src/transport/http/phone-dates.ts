import type { Language } from '@glow/shared';

/**
 * Dates and times on the phone pages, always in the salon's time zone and the reader's language (day before month in
 * English too: clearer on a printed sheet than the US order).
 */
const KINDS = {
  date: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' },
  day: { weekday: 'short', day: 'numeric', month: 'short' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  when: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One formatter per language, zone and kind, made once: building an Intl.DateTimeFormat costs ~0.1 ms (it loads the
 * locale's data), the aftercare sheet formats a dozen dates, and that was ~40 % of the page's CPU under load.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, timeZone: string, kind: keyof typeof KINDS): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { ...KINDS[kind], timeZone });
    // Bounded: a salon has one zone and two languages; a zone change (rare) must not make the map grow for ever.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** A date on the aftercare sheet: "Mon, 23 November 2026" / "2026年11月23日周一". */
export const formatDate = (at: number, language: Language, timeZone: string): string => formatter(language, timeZone, 'date').format(at);

export const formatTime = (at: number, language: Language, timeZone: string): string => formatter(language, timeZone, 'time').format(at);
export const formatWhen = (at: number, language: Language, timeZone: string): string => formatter(language, timeZone, 'when').format(at);

/** A local day "YYYY-MM-DD" as "Tue 24 Nov" / "11月24日周二": formatted at its noon UTC, which is that date everywhere near. */
export function formatDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatter(language, 'UTC', 'day').format(Date.UTC(y, m - 1, d, 12));
}
