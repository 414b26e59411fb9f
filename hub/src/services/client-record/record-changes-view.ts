import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import type { RecordChangeCard } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { Projection } from '../view-projections.ts';
import { seesFloor } from '../views.ts';

const dayStartOf = (state: Readonly<HubState>, at: number): number => startOfDay(new TZDate(at, state.meta.floor.timeZone)).getTime();

/**
 * The live view's `recordChanges` (#16): the front desk and the manager are told, by change id, which clients' records
 * changed today (the desk's corrections and the manager's merges, from `clientChanges`), so a tablet with one of them
 * open reads it again. Only the ids and the time: what changed and who changed it stay on the record, which only
 * `clients:record` reads. A beautician and a kiosk get nothing. Changes of earlier days are not sent (a snapshot
 * holds today's only), so the collection stays the size of one day's corrections.
 */
export const recordChangesView: Projection<RecordChangeCard> = {
  ids: (a, { state, derived }) => {
    if (!seesFloor(a)) return [];
    const from = dayStartOf(state, derived.at);
    return Object.values(state.clientChanges).filter((c) => c.at >= from).map((c) => c.id);
  },
  card: (a, id, { state, derived }) => {
    const change = state.clientChanges[id];
    if (!seesFloor(a) || !change || change.at < dayStartOf(state, derived.at)) return null;
    return { clientIds: change.otherClientId === null ? [change.clientId] : [change.clientId, change.otherClientId], at: change.at };
  },
  changed: (a, { changes }) => (seesFloor(a) && changes.clientChanges ? Object.keys(changes.clientChanges) : []),
};
