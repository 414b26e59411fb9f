import type { Language } from '@glow/shared';

/** Dates and times on the booking pages, always in the salon's time zone and the reader's language. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, timeZone: string, kind: 'day' | 'time' | 'when'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = language === 'zh-CN' ? 'zh-CN' : 'en-GB';
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'day'
          ? { weekday: 'short', day: 'numeric', month: 'short' }
          : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

export const formatTime = (at: number, language: Language, timeZone: string): string => formatter(language, timeZone, 'time').format(at);
export const formatWhen = (at: number, language: Language, timeZone: string): string => formatter(language, timeZone, 'when').format(at);

/** A local day "YYYY-MM-DD" as "Tue 24 Nov" / "11月24日周二": formatted at its noon UTC, which is that date everywhere near. */
export function formatDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatter(language, 'UTC', 'day').format(Date.UTC(y, m - 1, d, 12));
}
