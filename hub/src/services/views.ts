import {
  consultationPending,
  isFinal,
  isRecentLowRating,
  needsManagerOverride,
  type StaffView,
  type Ticket,
  type Visit,
  type VisitCard,
} from '@glow/shared';
import type { Device, HubState } from '../store/hub-state.ts';
import { boardName } from './board-name.ts';
import { consultationOf } from './consultation.ts';
import type { Estimates } from './derived-figures.ts';
import type { Derived } from './view-figures.ts';

/**
 * Who a socket is, as far as what it may see: the lobby kiosk; a paired tablet nobody has signed in on; the front
 * desk (the whole floor: every visit, incidents, who is available); the manager (the floor and the paired tablets);
 * one beautician (only their own visits). Views are cut here, on the hub.
 */
export type Audience =
  | { kind: 'kiosk' }
  | { kind: 'locked' }
  | { kind: 'floor' }
  | { kind: 'manager' }
  | { kind: 'beautician'; staffId: string };

export const audienceKey = (a: Audience): string => (a.kind === 'beautician' ? `staff:${a.staffId}` : a.kind);

export function parseAudienceKey(key: string): Audience {
  if (key.startsWith('staff:')) return { kind: 'beautician', staffId: key.slice(6) };
  return { kind: key as 'kiosk' | 'locked' | 'floor' | 'manager' };
}

export const isSignedIn = (a: Audience): boolean => a.kind === 'floor' || a.kind === 'manager' || a.kind === 'beautician';
/** The front desk and the manager see the whole floor. */
export const seesFloor = (a: Audience): boolean => a.kind === 'floor' || a.kind === 'manager';

/**
 * Whether an audience may read a visit's health data (consultation answers and the contraindication flags derived
 * from them): the beautician the visit is assigned to, and the manager. The front desk runs the floor without them,
 * as the health consent promises ("only your beautician and the salon manager").
 */
export const seesHealthData = (audience: Audience, visit: Visit): boolean =>
  audience.kind === 'manager' || (audience.kind === 'beautician' && visit.staffId === audience.staffId);

const WITHHELD: VisitCard['consultation'] = { status: 'withheld', flags: [], answers: [] };
const PENDING: VisitCard['consultation'] = { status: 'pending', flags: [], answers: [] };

function consultationFor(audience: Audience, state: Readonly<HubState>, visit: Visit): VisitCard['consultation'] {
  if (!seesHealthData(audience, visit)) return WITHHELD;
  if (consultationPending(visit)) return PENDING;
  return { status: 'done', ...consultationOf(state, visit) };
}

/** A visit as an audience may see it; the caller has checked that it may see the visit at all (`cardFor`). */
function visitCard(audience: Audience, state: Readonly<HubState>, visit: Visit, derived: Derived): VisitCard {
  const client = state.clients[visit.clientId];
  // The raw answers stay on the hub: the card carries the consultation as the beautician reads it.
  // The signature's strokes stay there too: staff only need to know that the client signed.
  const { answers: _answers, signature, ...rest } = visit;
  return {
    ...rest,
    signed: signature != null,
    clientName: boardName(client),
    consultation: consultationFor(audience, state, visit),
    overrun: derived.overrun.has(visit.id),
    // A blocked client waits for the manager, not for the queue: no estimate until the override.
    estimateMin: visit.state === 'queued' && !needsManagerOverride(visit) ? (derived.estimates.byVisit.get(visit.id) ?? null) : null,
  };
}

/**
 * Whether an audience sees a visit at `now` (the time of the revision being cut, never the wall clock): the floor and
 * the manager see every active visit and, for an hour after closing, a visit rated low; a beautician sees only their
 * own active visits.
 */
export function canSeeVisit(audience: Audience, visit: Visit, now: number): boolean {
  if (isFinal(visit.state)) return seesFloor(audience) && isRecentLowRating(visit, now);
  if (seesFloor(audience)) return true;
  if (audience.kind === 'beautician') return visit.staffId === audience.staffId;
  return false;
}

/**
 * A visit as an audience may see it, or null when it may not see the visit at all: the projection of the `visits`
 * collection (view-projections.ts), used by snapshots (over every id) and patches (over the changed ids, null
 * deleting). Who sees which visit, and who sees its health data, is decided here and nowhere else.
 */
export function cardFor(audience: Audience, state: Readonly<HubState>, visit: Visit, derived: Derived): VisitCard | null {
  return canSeeVisit(audience, visit, derived.at) ? visitCard(audience, state, visit, derived) : null;
}

export function ticketOf(state: Readonly<HubState>, visit: Visit, estimates: Estimates): Ticket {
  const staffId = visit.staffId ?? visit.preferredStaffId;
  const staffName = staffId ? state.staff[staffId]?.name : undefined;
  return {
    ticket: visit.ticket,
    state: visit.state,
    serviceId: visit.serviceId,
    estimateMin: visit.state === 'queued' ? (estimates.byVisit.get(visit.id) ?? null) : null,
    // Staff are shown by first name in the lobby, as they introduce themselves.
    beautician: staffName ? (staffName.split(/\s+/)[0] ?? null) : null,
  };
}

export const deviceCard = (d: Device): StaffView['devices'][string] => ({
  id: d.id,
  name: d.name,
  kind: d.kind,
  pairedAt: d.pairedAt,
  revokedAt: d.revokedAt,
});
