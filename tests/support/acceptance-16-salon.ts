import { salonDay, type FollowUpTask } from '@glow/shared';
import { testVisit } from '../../hub/src/services/test-state.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { clientRecordSalon } from './client-record-salon.ts';

const DAY = 86_400_000;

function task(id: string, o: Pick<FollowUpTask, 'clientId' | 'rule' | 'dueDate' | 'assigneeId'> & Partial<FollowUpTask>): FollowUpTask {
  return { id, visitId: null, bookingId: null, productId: null, dedupeKey: `${o.rule}:${id}`, state: 'open', createdAt: 0, attempts: [], ...o };
}

/**
 * The salon of the acceptance walks of #16 (written from the issue): the record salon (王美丽 with five years of
 * history and a sunburn flag on a visit of Mei's, a second record of hers, 李雷 served by Mei today, Zoë Müller), and
 * more on 王美丽's record so that every section the issue lists has something in it — a marketing consent of version
 * 2, a visit with Anna two months ago with a plan, session notes (her skin), products used and recommended, a rating
 * with a comment; Zoë referred by her; and four calls for the front desk today (day 1, 3, 7 after her last visit, and a win-back).
 */
export async function acceptanceSalon(now: number, timeZone: string): Promise<HubState> {
  const state = await clientRecordSalon(now, timeZone);
  const wang = state.clients['c-wang']!;
  wang.consents = [...(wang.consents ?? []), { kind: 'marketing', version: 2, granted: true, at: now - 100 * DAY }];
  state.clients['c-zoe']!.referredBy = 'c-wang';
  const at = now - 60 * DAY;
  state.visits['v-rich'] = testVisit({
    id: 'v-rich',
    clientId: 'c-wang',
    staffId: 'anna',
    language: 'zh-CN',
    state: 'closed',
    times: { checked_in: at - 3_600_000, closed: at },
    plan: {
      serviceIds: ['facial-classic'], products: ['Calming mask'], intensity: 'gentle', durationMin: 60, notes: 'Gentle pressure on the cheeks',
      version: 1, editedBy: 'anna', editedAt: at - 3_500_000, approvedVersion: 1, approvedAt: at - 3_400_000,
    },
    notes: [
      { at: at - 3_000_000, staffId: 'anna', kind: 'skin', text: 'Cheeks dry, less redness than in spring' },
      { at: at - 2_000_000, staffId: 'anna', kind: 'pressure', text: 'Lighter on the left side' },
    ],
    aftercare: { notes: 'No sun for two days', homeProducts: [{ name: 'Night cream', howToUse: 'Evenings' }] },
    rating: { csat: 4, nps: 9, tags: [], comment: 'Very calm room' },
  });
  const today = salonDay(now, timeZone)!;
  for (const t of [
    task('t-w3', { clientId: 'c-wang', visitId: 'v-recent', rule: 'day3', dueDate: today, assigneeId: null }),
    task('t-w7', { clientId: 'c-wang', visitId: 'v-recent', rule: 'day7', dueDate: today, assigneeId: null }),
    task('t-wp', { clientId: 'c-wang', visitId: 'v-recent', rule: 'day1', dueDate: today, assigneeId: null }),
    task('t-wb', { clientId: 'c-wang', rule: 'win_back', dueDate: today, assigneeId: null }),
  ]) {
    state.followUpTasks[t.id] = t;
  }
  return state;
}
