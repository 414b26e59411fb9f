/**
 * Calendar dates on the client's record (#16) — a birthday, a call's due day, a logged birthday change — in the
 * salon's format and the reader's language: "21 March 1988" (en-GB), "March 21, 1988" (en-US), "1988年3月21日"
 * (zh-CN). A calendar date is no moment: it is written at its noon UTC in UTC, so no time zone moves it a day.
 * Anything that is not a real YYYY-MM-DD date is returned as it is (never hidden).
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function longDay(ymd: string, locale: string): string {
  const m = ISO_DAY.exec(ymd);
  if (!m) return ymd;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  const back = new Date(at);
  // 2026-02-30 is no date: Date.UTC would roll it into March.
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return ymd;
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return f.format(at);
}
