import type { ClientClassRules } from '../../schemas/follow-up-settings.schema.ts';
import { daysBetween, isCalendarDate } from '../calendar-date.ts';
import { addDays } from './salon-dates.ts';

/** The salon's client classes (#16; seeds 002: new, regular, VIP; and the two the win-back works on). */
export const CLIENT_CLASSES = ['new', 'regular', 'vip', 'at_risk', 'lapsed'] as const;
export type ClientClass = (typeof CLIENT_CLASSES)[number];

/** What the rules need of a client's history: the salon days of her closed visits, and what she spent. */
export type ClientHistorySummary = {
  /** Salon days (YYYY-MM-DD) of her closed visits, any order. */
  visitDays: readonly string[];
  /** Spend in the last 12 months in minor units, when prices exist (null: unknown). */
  spendLastYearMinor: number | null;
  /** Her latest service's usual interval in days, if it has one. */
  serviceIntervalDays: number | null;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

/**
 * The client's own interval in days: the median gap between her visits once she has 3 or more (a median, so one
 * long holiday does not make her look lapsed), else her service's usual interval, else the salon's default.
 */
export function clientIntervalDays(summary: ClientHistorySummary, rules: ClientClassRules): number {
  const days = [...new Set(summary.visitDays)].sort();
  if (days.length >= 3) {
    const gaps = days.slice(1).map((d, i) => daysBetween(days[i]!, d));
    return Math.max(1, median(gaps));
  }
  return summary.serviceIntervalDays ?? rules.defaultIntervalDays;
}

/** The day a client becomes overdue: her last visit plus her own interval; null without visits. */
export function overdueFrom(summary: ClientHistorySummary, rules: ClientClassRules): string | null {
  const last = [...summary.visitDays].sort().at(-1);
  return last ? addDays(last, clientIntervalDays(summary, rules)) : null;
}

/**
 * The client's class on `today` by the salon's rules. Absence comes first (a VIP who stopped coming is at risk: that
 * is what the desk must act on), then the visit count: lapsed past `lapsedFactor` × her interval since the last
 * visit, at risk past `atRiskFactor` ×, new up to `newUpToVisits` visits, VIP by visits or spend in the last year,
 * regular by visits in the last year or by coming back on her interval for over a year, else (no closed visit yet,
 * or too few in her first year) new.
 */
export function classifyClient(summary: ClientHistorySummary, rules: ClientClassRules, today: string): ClientClass {
  if (!isCalendarDate(today)) throw new RangeError(`Not a calendar date: ${today}`);
  const days = [...new Set(summary.visitDays.filter((d) => d <= today))].sort();
  const last = days.at(-1);
  if (!last) return 'new';
  const interval = clientIntervalDays({ ...summary, visitDays: days }, rules);
  const since = daysBetween(last, today);
  if (since > interval * rules.lapsedFactor) return 'lapsed';
  if (since > interval * rules.atRiskFactor) return 'at_risk';
  if (days.length <= rules.newUpToVisits) return 'new';
  const yearAgo = addDays(today, -365);
  const lastYear = days.filter((d) => d > yearAgo).length;
  const spendVip = rules.vipSpendPerYearMinor !== null && summary.spendLastYearMinor !== null && summary.spendLastYearMinor >= rules.vipSpendPerYearMinor;
  if (lastYear >= rules.vipVisitsPerYear || spendVip) return 'vip';
  if (lastYear >= rules.regularVisitsPerYear) return 'regular';
  // Fewer visits this year than a regular's: in her first year she is still being won (the seeds' new client); a
  // client who first came over a year ago and comes back on her own (longer) interval is a regular of the salon, not
  // new (a five-year client with three visits was badged 'new' before).
  return days[0]! <= yearAgo ? 'regular' : 'new';
}
