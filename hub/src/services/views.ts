import {
  estimateWaits,
  isFinal,
  type KioskView,
  type ServiceWait,
  type StaffView,
  type Ticket,
  type Visit,
  type VisitCard,
} from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { floorOf } from './floor-of.ts';

/**
 * Who a socket is, as far as what it may see: the lobby kiosk; a paired tablet nobody has signed in on; the front
 * desk and the manager (the whole floor); one beautician (only their own visits). Views are cut here, on the hub.
 */
export type Audience = { kind: 'kiosk' } | { kind: 'locked' } | { kind: 'floor' } | { kind: 'beautician'; staffId: string };

export const audienceKey = (a: Audience): string => (a.kind === 'beautician' ? `staff:${a.staffId}` : a.kind);

export function parseAudienceKey(key: string): Audience {
  if (key.startsWith('staff:')) return { kind: 'beautician', staffId: key.slice(6) };
  return { kind: key as 'kiosk' | 'locked' | 'floor' };
}

/** Wait estimates of the moment, computed once per publish and shared by every audience. */
export type Estimates = { byVisit: Map<string, number | null>; byService: Map<string, ServiceWait> };

export function computeEstimates(state: Readonly<HubState>, now: number): Estimates {
  const floor = floorOf(state);
  const { byVisit } = estimateWaits(floor, now);
  const byService = new Map<string, ServiceWait>();
  const waiting = new Map<string, number>();
  for (const v of floor.visits) if (v.state === 'queued') waiting.set(v.serviceId, (waiting.get(v.serviceId) ?? 0) + 1);
  // Services needing the same skill share a queue, so one simulation per skill answers for all of them.
  const bySkill = new Map<string, number | null>();
  for (const service of Object.values(state.services)) {
    const key = `${service.requiredSkill}:${service.durationMin}`;
    if (!bySkill.has(key)) bySkill.set(key, estimateWaits(floor, now, service).forExtra);
    byService.set(service.id, {
      serviceId: service.id,
      estimateMin: bySkill.get(key) ?? null,
      waiting: waiting.get(service.id) ?? 0,
    });
  }
  return { byVisit, byService };
}

export function visitCard(state: Readonly<HubState>, visit: Visit, estimates: Estimates): VisitCard {
  const client = state.clients[visit.clientId];
  const initial = client?.lastName ? ` ${Array.from(client.lastName)[0]}.` : '';
  return {
    ...visit,
    clientName: `${client?.firstName ?? '?'}${initial}`,
    estimateMin: visit.state === 'queued' ? (estimates.byVisit.get(visit.id) ?? null) : null,
  };
}

export function canSeeVisit(audience: Audience, visit: Visit): boolean {
  if (isFinal(visit.state)) return false;
  if (audience.kind === 'floor') return true;
  if (audience.kind === 'beautician') return visit.staffId === audience.staffId;
  return false;
}

export function ticketOf(visit: Visit, estimates: Estimates): Ticket {
  return {
    ticket: visit.ticket,
    state: visit.state,
    serviceId: visit.serviceId,
    estimateMin: visit.state === 'queued' ? (estimates.byVisit.get(visit.id) ?? null) : null,
  };
}

export function staffView(state: Readonly<HubState>, audience: Audience, estimates: Estimates): StaffView {
  const signedIn = audience.kind === 'floor' || audience.kind === 'beautician';
  const visits: StaffView['visits'] = {};
  if (signedIn) {
    for (const v of Object.values(state.visits)) if (canSeeVisit(audience, v)) visits[v.id] = visitCard(state, v, estimates);
  }
  const staff: StaffView['staff'] = {};
  for (const s of Object.values(state.staff)) if (s.active) staff[s.id] = s;
  return { visits, rooms: signedIn ? { ...state.rooms } : {}, staff, services: { ...state.services } };
}

export function kioskView(state: Readonly<HubState>, estimates: Estimates): KioskView {
  const tickets: KioskView['tickets'] = {};
  for (const v of Object.values(state.visits)) if (!isFinal(v.state)) tickets[v.id] = ticketOf(v, estimates);
  return { services: { ...state.services }, tickets, waits: Object.fromEntries(estimates.byService) };
}
