import { salonDay, type FollowUpTask } from '@glow/shared';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import { testVisit } from '../../hub/src/services/test-state.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';

const DAY = 86_400_000;

/** Salon days around `now` (YYYY-MM-DD), in the salon's zone. */
export const dayOf = (at: number, timeZone: string): string => salonDay(at, timeZone)!;

function task(id: string, o: Partial<FollowUpTask> & Pick<FollowUpTask, 'clientId' | 'rule' | 'dueDate' | 'assigneeId'>): FollowUpTask {
  return { id, visitId: null, bookingId: null, productId: null, dedupeKey: `${o.rule}:${id}`, state: 'open', createdAt: 0, attempts: [], ...o };
}

/**
 * A salon with a day of follow-up calls, as the scheduler would have left them (#16): Lina (zh-CN) had a facial with
 * Anna yesterday (rated 4, with a plan and aftercare) and is Anna's day-1 call; Tom is the front desk's day-3 call;
 * Wang's day-7 call with Mei is overdue since yesterday; Sara's win-back call is for the desk in three days, and Anna calls her on her birthday in five.
 */
export async function followUpDaySalon(now: number, timeZone: string): Promise<HubState> {
  const state = await demoSalon('en', timeZone);
  const client = (id: string, firstName: string, lastName: string, phone: string, language: 'en' | 'zh-CN') =>
    // Each said yes to the salon's messages at the kiosk: marketing calls (the win-back) are theirs to receive.
    ({
      id, firstName, lastName, phone, language, createdAt: now - 30 * DAY, referredBy: null,
      consents: [{ kind: 'marketing', version: 1, granted: true, at: now - 30 * DAY }],
    }) as HubState['clients'][string];
  state.clients['c-lina'] = client('c-lina', 'Lina', 'Zhou', '+8613800138000', 'zh-CN');
  state.clients['c-tom'] = client('c-tom', 'Tom', 'Baker', '+447700900123', 'en');
  state.clients['c-wang'] = client('c-wang', '美丽', '王', '+8613900139000', 'zh-CN');
  state.clients['c-sara'] = client('c-sara', 'Sara', 'Lind', '+447700900456', 'en');
  const closed = (id: string, clientId: string, staffId: string, daysAgo: number, extra: Partial<HubState['visits'][string]> = {}) =>
    testVisit({ id, clientId, staffId, state: 'closed', times: { checked_in: now - daysAgo * DAY - 3_600_000, closed: now - daysAgo * DAY }, ...extra });
  state.visits['v-lina'] = closed('v-lina', 'c-lina', 'anna', 1, {
    language: 'zh-CN',
    rating: { csat: 4, nps: 9, tags: ['friendly'], comment: 'Skin felt fresh' },
    plan: {
      serviceIds: ['facial-classic'], products: ['Calming mask'], intensity: 'gentle', durationMin: 60, notes: 'Sensitive cheeks: gentle pressure',
      version: 1, editedBy: 'anna', editedAt: now - DAY - 3_000_000, approvedVersion: 1, approvedAt: now - DAY - 2_900_000,
    },
    aftercare: { notes: 'No sun for two days', homeProducts: [{ name: 'Night cream', howToUse: 'Evenings' }] },
  });
  state.visits['v-tom'] = closed('v-tom', 'c-tom', 'mei', 3, { rating: { csat: 5, nps: 10, tags: [], comment: '' } });
  state.visits['v-wang'] = closed('v-wang', 'c-wang', 'mei', 8, { language: 'zh-CN' });
  state.visits['v-sara'] = closed('v-sara', 'c-sara', 'anna', 80);
  const today = dayOf(now, timeZone);
  const yesterday = dayOf(now - DAY, timeZone);
  const inThree = dayOf(now + 3 * DAY, timeZone);
  for (const t of [
    task('t-lina', { clientId: 'c-lina', visitId: 'v-lina', rule: 'day1', dueDate: today, assigneeId: 'anna' }),
    task('t-tom', { clientId: 'c-tom', visitId: 'v-tom', rule: 'day3', dueDate: today, assigneeId: null }),
    task('t-wang', { clientId: 'c-wang', visitId: 'v-wang', rule: 'day7', dueDate: yesterday, assigneeId: 'mei' }),
    task('t-sara', { clientId: 'c-sara', rule: 'win_back', dueDate: inThree, assigneeId: null }),
    task('t-sara-birthday', { clientId: 'c-sara', rule: 'birthday', dueDate: dayOf(now + 5 * DAY, timeZone), assigneeId: 'anna' }),
  ]) {
    state.followUpTasks[t.id] = t;
  }
  return state;
}
