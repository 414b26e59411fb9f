import { newVisit, type Client, type Visit } from '@glow/shared';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';

const DAY = 86_400_000;
export const FIVE_YEARS_DAYS = 5 * 365 - 20;

const client = (id: string, firstName: string, lastName: string, phone: string, at: number, extra: Partial<Client> = {}): Client => ({
  id,
  firstName,
  lastName,
  phone,
  language: 'zh-CN',
  createdAt: at,
  referredBy: null,
  ...extra,
});

function closedVisit(id: string, clientId: string, at: number, staffId: string, extra: Partial<Visit> = {}): Visit {
  return {
    ...newVisit({ id, ticket: 'A001', clientId, serviceId: 'facial-classic', language: 'zh-CN', at }),
    state: 'closed',
    staffId,
    times: { checked_in: at, closed: at + 3_600_000 },
    ...extra,
  };
}

/**
 * The demo salon with the clients of the record tests (#16): 王美丽 with five years of history (a visit 5 years back
 * whose consultation flags sunburn, one last month, both with Mei), a second record of her under another number (to
 * merge), 李雷 served by Mei earlier today, and Zoë Müller.
 */
export async function clientRecordSalon(now: number, timeZone: string): Promise<HubState> {
  const state = await demoSalon('en', timeZone);
  const longAgo = now - FIVE_YEARS_DAYS * DAY;
  state.clients['c-wang'] = client('c-wang', '美丽', '王', '+8613800138000', longAgo, {
    birthday: '1988-03-12',
    consents: [
      { kind: 'terms', version: 1, granted: true, at: longAgo },
      { kind: 'health', version: 1, granted: true, at: longAgo },
    ],
  });
  state.clients['c-wang2'] = client('c-wang2', '美丽', '王', '+8613700137000', now - 400 * DAY, {
    consents: [{ kind: 'marketing', version: 2, granted: false, at: now - 400 * DAY }],
  });
  state.clients['c-li'] = client('c-li', '雷', '李', '+8613900139000', now - 30 * DAY);
  state.clients['c-zoe'] = client('c-zoe', 'Zoë', 'Müller', '+447946095800', now - 60 * DAY, { language: 'en' });
  state.visits['v-old'] = closedVisit('v-old', 'c-wang', longAgo, 'mei', {
    answers: { pregnant: false, isotretinoin: false, sunburn: true, concerns: [] },
    rating: { csat: 5, nps: null, comment: '很舒服', tags: ['relaxing'] },
  });
  state.visits['v-recent'] = closedVisit('v-recent', 'c-wang', now - 30 * DAY, 'anna');
  state.visits['v-wang2'] = closedVisit('v-wang2', 'c-wang2', now - 400 * DAY, 'anna');
  // Served by Mei earlier today: hers to open today.
  state.visits['v-li-today'] = closedVisit('v-li-today', 'c-li', now - 3 * 3_600_000, 'mei');
  return state;
}
