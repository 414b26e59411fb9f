import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  DEFAULT_FOLLOW_UP_SETTINGS,
  midAutumn,
  salonDay,
  springFestival,
  type FollowUpSettings,
  type Product,
  type Service,
  type StaffMember,
} from '@glow/shared';
import { applyChanges } from '../../store/apply-changes.ts';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { testClient, outboxTestState } from '../outbox/test-outbox-state.ts';
import { testVisit } from '../test-state.ts';
import { decideFollowUpSweep, decideSessionCloseFollowUps } from './follow-up-decisions.ts';

/**
 * A year of a small salon, day by day with a fixed clock (Asia/Shanghai): clients come at their own rhythm, buy
 * products, have birthdays; the hub sweeps every morning — and again at noon, as after a restart — and every close
 * is decided twice, as a retried command would be. Every follow-up must be created once, on its day, and none of an
 * opted-out (or never asked) client's marketing.
 */

const ZONE = 'Asia/Shanghai';
const at = (day: string, hour: number): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, hour, 0, 0, ZONE).getTime();
};
const granted = (yes: boolean) => [{ kind: 'marketing' as const, version: 1, granted: yes, at: 0 }];

const SERVICE: Service = {
  id: 'facial',
  category: 'facial',
  name: { en: 'Hydrating facial', 'zh-CN': '补水护理' },
  durationMin: 60,
  requiredSkill: 'skin',
  equipment: [],
  aftercare: { en: '', 'zh-CN': '' },
  usualIntervalWeeks: 4,
};
const product = (id: string, followUp: Product['followUp']): Product => ({
  id,
  name: { en: `Product ${id}`, 'zh-CN': `产品${id}` },
  brand: 'Glow',
  priceMinor: 10000,
  unit: '50 ml',
  howToUse: { en: '', 'zh-CN': '' },
  followUp,
  archived: false,
});
const MEI: StaffMember = { id: 'mei', name: 'Mei', role: 'beautician', skills: ['skin'], active: true, weeklyShifts: {} as StaffMember['weeklyShifts'] };

function salon(settings: FollowUpSettings): HubState {
  const state = outboxTestState([
    // Anna: said yes to marketing, comes every 4 weeks, birthday 15 March.
    testClient('anna', { firstName: 'Anna', language: 'en', birthday: '1990-03-15', consents: granted(true) }),
    // Bo: said no to marketing; birthday 4 July, also comes every 4 weeks.
    testClient('bo', { firstName: 'Bo', birthday: '1985-07-04', consents: granted(false) }),
    // Chen: never asked about marketing; born on 29 February.
    testClient('chen', { firstName: 'Chen', birthday: '2000-02-29' }),
    // Dai: said yes, came once in February and never again (the win-back).
    testClient('dai', { firstName: 'Dai', consents: granted(true) }),
  ]);
  state.meta.floor.timeZone = ZONE;
  (state.meta as { salon: { name: string } }).salon.name = 'Glow';
  state.meta.followUps = settings;
  state.services = { facial: SERVICE };
  state.products = { t1: product('t1', 'treatment_product'), b1: product('b1', 'brand_product'), s1: product('s1', 'supplement') };
  state.staff = { mei: MEI };
  return state;
}

type Created = { key: string; kind: 'task' | 'message'; clientId: string; rule: string; createdDay: string; dueDate: string; purpose: string };

/** Runs the year; returns every task and message with the salon day it was created on. */
function runYear(settings: FollowUpSettings): { created: Created[]; state: HubState; closes: { visitId: string; clientId: string; day: string; first: boolean }[] } {
  const state = salon(settings);
  const created: Created[] = [];
  const apply = (changes: Changes, now: number) => {
    const day = salonDay(now, ZONE)!;
    for (const t of Object.values(changes.followUpTasks ?? {})) {
      if (!t || state.followUpTasks[t.id]) continue;
      created.push({ key: t.dedupeKey, kind: 'task', clientId: t.clientId, rule: t.rule, createdDay: day, dueDate: t.dueDate, purpose: '' });
    }
    for (const m of Object.values(changes.outbox ?? {})) {
      if (!m || state.outbox[m.id]) continue;
      created.push({ key: m.dedupeKey, kind: 'message', clientId: m.clientId, rule: m.kind, createdDay: salonDay(m.notBefore, ZONE)!, dueDate: salonDay(m.notBefore, ZONE)!, purpose: m.purpose });
      expect(salonDay(m.createdAt, ZONE)).toBe(day);
    }
    applyChanges(state, changes);
  };
  const closes: { visitId: string; clientId: string; day: string; first: boolean }[] = [];
  const seen = new Set<string>();
  const visitDays: Record<string, string[]> = { anna: [], bo: [], dai: ['2026-02-10'] };
  for (let d = '2025-12-06'; d <= '2026-12-31'; d = addDays(d, 28)) visitDays['anna']!.push(d);
  for (let d = '2026-01-09'; d <= '2026-12-31'; d = addDays(d, 28)) visitDays['bo']!.push(d);

  for (let day = '2025-12-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
    // Morning sweep, and a second one at noon (a restart): the second must find everything created already.
    apply(decideFollowUpSweep(state, at(day, 9)), at(day, 9));
    const again = decideFollowUpSweep(state, at(day, 12));
    expect(again, `second sweep on ${day}`).toEqual({});
    for (const [clientId, days] of Object.entries(visitDays)) {
      if (!days.includes(day)) continue;
      const id = `v-${clientId}-${day}`;
      const first = !seen.has(clientId);
      seen.add(clientId);
      state.visits[id] = testVisit({
        id,
        clientId,
        serviceId: 'facial',
        staffId: 'mei',
        state: 'closed',
        returningClient: !first,
        times: { checked_in: at(day, 14), closed: at(day, 15) },
        aftercare: { recommendedProductIds: clientId === 'anna' ? ['t1', 'b1', 's1'] : [] } as never,
      });
      closes.push({ visitId: id, clientId, day, first });
      apply(decideSessionCloseFollowUps(state, at(day, 15), [id]), at(day, 15));
      // The same close decided again (a retried command, a later change to the closed visit): nothing new.
      expect(decideSessionCloseFollowUps(state, at(day, 16), [id])).toEqual({});
    }
  }
  return { created, state, closes };
}

const everything: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true } },
  seasonal: [{ id: 'autumn', day: '10-08', wording: { en: 'the air turns dry: moisturise twice a day.', 'zh-CN': '天气转干，每天保湿两次。' } }],
};
const seasonalOn: FollowUpSettings = { ...everything, rules: { ...everything.rules, seasonal: { ...everything.rules.seasonal, enabled: true } } };

describe('a year of follow-ups (fixed clock, Asia/Shanghai)', () => {
  const { created, closes, state } = runYear(seasonalOn);

  it('creates every follow-up once: no dedupe key twice', () => {
    const keys = created.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(state.followUpTasks)).toHaveLength(created.filter((c) => c.kind === 'task').length);
    expect(Object.keys(state.outbox)).toHaveLength(created.filter((c) => c.kind === 'message').length);
  });

  it('after every close: the 1-3-7 calls (a first visit called on day 3 as a first visit) and a call per product by its kind', () => {
    for (const close of closes) {
      const of = created.filter((c) => c.key.split(':')[1] === close.visitId);
      const due = Object.fromEntries(of.map((c) => [c.rule, c.dueDate]));
      expect(due['day1']).toBe(addDays(close.day, 1));
      expect(due[close.first ? 'first_visit_day3' : 'day3']).toBe(addDays(close.day, 3));
      expect(due[close.first ? 'day3' : 'first_visit_day3']).toBeUndefined();
      expect(due['day7']).toBe(addDays(close.day, 7));
      if (close.clientId === 'anna') {
        expect(due['product_treatment']).toBe(addDays(close.day, 3));
        expect(due['product_brand']).toBe(addDays(close.day, 7));
        expect(due['product_supplement']).toBe(addDays(close.day, 7));
      }
      // Created at the close itself, assigned to the beautician who served.
      for (const c of of) expect(c.createdDay).toBe(close.day);
      for (const c of of) expect(state.followUpTasks[Object.keys(state.followUpTasks).find((id) => state.followUpTasks[id]!.dedupeKey === c.key)!]!.assigneeId).toBe('mei');
    }
    expect(closes.length).toBeGreaterThan(25);
  });

  it("Anna's birthday: the card task 3 days before, the message on the day, each created on its day", () => {
    const anna = created.filter((c) => c.clientId === 'anna');
    expect(anna.filter((c) => c.rule === 'birthday_card').map((c) => [c.createdDay, c.dueDate])).toEqual([['2026-03-12', '2026-03-12']]);
    expect(anna.filter((c) => c.rule === 'birthday').map((c) => [c.kind, c.createdDay])).toEqual([['message', '2026-03-15']]);
    const message = Object.values(state.outbox).find((m) => m.dedupeKey === 'birthday:anna:2026')!;
    expect(message.body).toContain('Happy birthday, Anna!');
    expect(message.body).toContain(DEFAULT_FOLLOW_UP_SETTINGS.birthdayOffer.en);
  });

  it('the four holidays on their real dates (the lunar ones computed), and the seasonal message on its day', () => {
    const holidays = created.filter((c) => c.clientId === 'anna' && c.rule === 'holiday').map((c) => c.createdDay);
    expect(holidays).toEqual(['2026-01-01', springFestival(2026), '2026-05-10', midAutumn(2026)]);
    expect(holidays).toEqual(['2026-01-01', '2026-02-17', '2026-05-10', '2026-09-25']);
    expect(created.filter((c) => c.clientId === 'anna' && c.rule === 'seasonal').map((c) => c.createdDay)).toEqual(['2026-10-08']);
  });

  it("no marketing of any kind to Bo (opted out) or Chen (never asked); their aftercare calls still come", () => {
    for (const clientId of ['bo', 'chen']) {
      const theirs = created.filter((c) => c.clientId === clientId);
      expect(theirs.filter((c) => ['birthday_card', 'birthday', 'holiday', 'seasonal', 'win_back'].includes(c.rule))).toEqual([]);
      expect(theirs.filter((c) => c.purpose === 'marketing')).toEqual([]);
    }
    expect(created.filter((c) => c.clientId === 'bo' && c.rule === 'day1').length).toBeGreaterThan(10);
  });

  it('the win-back once, when Dai is 14 days past her own interval (the service\'s 4 weeks: she came once)', () => {
    const winBack = created.filter((c) => c.rule === 'win_back');
    expect(winBack.map((c) => [c.clientId, c.createdDay])).toEqual([['dai', addDays('2026-02-10', 28 + 14)]]);
  });
});

describe('switching a rule to messages', () => {
  it('sends the 1-3-7 follow-ups as service messages, each queued once for its morning, and no call task', () => {
    const settings: FollowUpSettings = {
      ...DEFAULT_FOLLOW_UP_SETTINGS,
      rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, day1: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.day1, channel: 'message' } },
    };
    const { created } = runYear(settings);
    const day1 = created.filter((c) => c.rule === 'day1');
    expect(day1.every((c) => c.kind === 'message' && c.purpose === 'service')).toBe(true);
    // Bo opted out of marketing, not of aftercare: he gets his day-1 messages too.
    expect(day1.some((c) => c.clientId === 'bo')).toBe(true);
  });
});
