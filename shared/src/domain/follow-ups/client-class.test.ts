import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../../schemas/follow-up-settings.schema.ts';
import { classifyClient, clientIntervalDays, type ClientHistorySummary } from './client-class.ts';
import { addDays } from './salon-dates.ts';

const rules = DEFAULT_FOLLOW_UP_SETTINGS.classes; // new ≤ 1 visit, regular ≥ 4/yr, VIP ≥ 12/yr, at risk > 1.5×, lapsed > 3×
const every = (start: string, days: number, count: number): string[] => Array.from({ length: count }, (_, i) => addDays(start, i * days));
const summary = (visitDays: string[], over: Partial<ClientHistorySummary> = {}): ClientHistorySummary => ({
  visitDays,
  spendLastYearMinor: null,
  serviceIntervalDays: 28,
  ...over,
});

describe('client classes by the salon rules', () => {
  it('her own interval is the median gap once she has 3 visits, else the service interval, else the default', () => {
    expect(clientIntervalDays(summary(['2026-01-01', '2026-01-21', '2026-02-10', '2026-06-10']), rules)).toBe(20);
    expect(clientIntervalDays(summary(['2026-01-01', '2026-03-01']), rules)).toBe(28);
    expect(clientIntervalDays(summary(['2026-01-01'], { serviceIntervalDays: null }), rules)).toBe(42);
  });

  it('new, regular, VIP by visits in the last year', () => {
    expect(classifyClient(summary([]), rules, '2026-06-01')).toBe('new');
    expect(classifyClient(summary(['2026-05-20']), rules, '2026-06-01')).toBe('new');
    expect(classifyClient(summary(every('2026-03-01', 28, 4)), rules, '2026-06-01')).toBe('regular');
    expect(classifyClient(summary(every('2025-06-10', 28, 13)), rules, '2026-06-01')).toBe('vip');
    // Two visits, on time, but not yet as often as a regular.
    expect(classifyClient(summary(['2026-04-20', '2026-05-18']), rules, '2026-06-01')).toBe('new');
    // A client of five years who comes back on her own interval (three visits, the last a month ago) is no longer new.
    expect(classifyClient(summary(['2021-06-01', '2023-12-01', '2026-05-02'], { serviceIntervalDays: null }), rules, '2026-06-01')).toBe('regular');
    // Her first year, two visits on time: still new.
    expect(classifyClient(summary(['2025-07-01', '2026-05-02']), rules, '2026-06-01')).toBe('new');
  });

  it('VIP by spend when the salon sets a spend', () => {
    const bySpend = { ...rules, vipSpendPerYearMinor: 500000 };
    expect(classifyClient(summary(every('2026-03-01', 28, 4), { spendLastYearMinor: 600000 }), bySpend, '2026-06-01')).toBe('vip');
    expect(classifyClient(summary(every('2026-03-01', 28, 4), { spendLastYearMinor: 600000 }), rules, '2026-06-01')).toBe('regular');
  });

  it('at risk past 1.5× her own interval, lapsed past 3× — even a VIP', () => {
    const vip = every('2025-01-01', 14, 20); // 20 visits, every 14 days
    const last = vip.at(-1)!;
    expect(classifyClient(summary(vip), rules, addDays(last, 21))).toBe('vip'); // 21 days = 1.5 × 14
    expect(classifyClient(summary(vip), rules, addDays(last, 22))).toBe('at_risk');
    expect(classifyClient(summary(vip), rules, addDays(last, 42))).toBe('at_risk'); // 42 days = 3 × 14
    expect(classifyClient(summary(vip), rules, addDays(last, 43))).toBe('lapsed');
  });

  it('refuses an impossible day', () => {
    expect(() => classifyClient(summary([]), rules, '2026-02-30')).toThrow(RangeError);
  });
});
