import { isFinal, type KioskPatch, type StaffPatch } from '@glow/shared';
import type { Namespace } from 'socket.io';
import type { Changes, HubState } from '../../store/hub-state.ts';
import {
  canSeeVisit,
  computeEstimates,
  parseAudienceKey,
  ticketOf,
  visitCard,
  type Audience,
  type Estimates,
} from '../../services/views.ts';

export const AUDIENCE_ROOM_PREFIX = 'aud:';

/**
 * Turns one committed change into a patch per audience and sends it to that audience's room. Every connected
 * audience gets every revision (an empty patch if nothing it may see changed), so a client can tell a gap.
 */
export class Publisher {
  private estimates: Estimates | null = null;

  constructor(
    private readonly namespaces: { kiosk: Namespace; staff: Namespace },
    private readonly getState: () => Readonly<HubState>,
    private readonly clock: () => number,
  ) {}

  /** The estimates last published; snapshots use the same numbers as the patches around them. */
  currentEstimates(): Estimates {
    this.estimates ??= computeEstimates(this.getState(), this.clock());
    return this.estimates;
  }

  publish(changes: Changes, revision: number): void {
    const state = this.getState();
    const before = this.currentEstimates();
    const after = computeEstimates(state, this.clock());
    this.estimates = after;

    const visitIds = new Set(Object.keys(changes.visits ?? {}));
    for (const [id, minutes] of after.byVisit) if (before.byVisit.get(id) !== minutes) visitIds.add(id);
    const waitIds = [...after.byService.keys()].filter(
      (id) => JSON.stringify(after.byService.get(id)) !== JSON.stringify(before.byService.get(id)),
    );

    for (const key of this.audiencesIn(this.namespaces.staff)) {
      const patch = staffPatch(state, parseAudienceKey(key), changes, visitIds, after, revision);
      this.namespaces.staff.to(AUDIENCE_ROOM_PREFIX + key).emit('sync:patch', patch);
    }
    if (this.audiencesIn(this.namespaces.kiosk).length) {
      this.namespaces.kiosk
        .to(AUDIENCE_ROOM_PREFIX + 'kiosk')
        .emit('sync:patch', kioskPatch(state, changes, visitIds, waitIds, after, revision));
    }
  }

  /** After a recovery the state was replaced: estimates start afresh. */
  reset(): void {
    this.estimates = null;
  }

  private audiencesIn(nsp: Namespace): string[] {
    return [...nsp.adapter.rooms.keys()]
      .filter((room) => room.startsWith(AUDIENCE_ROOM_PREFIX))
      .map((room) => room.slice(AUDIENCE_ROOM_PREFIX.length));
  }
}

function staffPatch(
  state: Readonly<HubState>,
  audience: Audience,
  changes: Changes,
  visitIds: ReadonlySet<string>,
  estimates: Estimates,
  revision: number,
): StaffPatch {
  const patch: StaffPatch = { revision, set: {}, del: {} };
  const signedIn = audience.kind !== 'locked' && audience.kind !== 'kiosk';
  if (signedIn) {
    const set: NonNullable<StaffPatch['set']['visits']> = {};
    const del: string[] = [];
    for (const id of visitIds) {
      const visit = state.visits[id];
      if (visit && canSeeVisit(audience, visit)) set[id] = visitCard(state, visit, estimates);
      else if (wasVisibleTo(audience, changes, id, visit)) del.push(id);
    }
    if (Object.keys(set).length) patch.set.visits = set;
    if (del.length) patch.del.visits = del;
    copyRecords(changes.rooms, patch, 'rooms');
  }
  copyRecords(changes.staff, patch, 'staff');
  copyRecords(changes.services, patch, 'services');
  return patch;
}

/** A beautician is told to drop only visits that were theirs; the floor drops any visit that ended. */
function wasVisibleTo(audience: Audience, changes: Changes, id: string, visit: HubState['visits'][string] | undefined) {
  if (audience.kind === 'floor') return true;
  if (audience.kind !== 'beautician') return false;
  return !visit || visit.staffId === audience.staffId || changes.visits?.[id] === null;
}

function kioskPatch(
  state: Readonly<HubState>,
  changes: Changes,
  visitIds: ReadonlySet<string>,
  waitIds: readonly string[],
  estimates: Estimates,
  revision: number,
): KioskPatch {
  const patch: KioskPatch = { revision, set: {}, del: {} };
  const tickets: NonNullable<KioskPatch['set']['tickets']> = {};
  const gone: string[] = [];
  for (const id of visitIds) {
    const visit = state.visits[id];
    if (visit && !isFinal(visit.state)) tickets[id] = ticketOf(visit, estimates);
    else gone.push(id);
  }
  if (Object.keys(tickets).length) patch.set.tickets = tickets;
  if (gone.length) patch.del.tickets = gone;
  if (waitIds.length) {
    patch.set.waits = Object.fromEntries(waitIds.map((id) => [id, estimates.byService.get(id)!]));
  }
  copyRecords(changes.services, patch, 'services');
  return patch;
}

/** Copies changed records of a collection into a patch: set for records, del for deletions. */
function copyRecords<P extends { set: Record<string, unknown>; del: Record<string, string[] | undefined> }>(
  records: Record<string, unknown> | undefined,
  patch: P,
  name: string,
): void {
  if (!records) return;
  const set: Record<string, unknown> = {};
  const del: string[] = [];
  for (const [id, record] of Object.entries(records)) {
    if (record === null) del.push(id);
    else set[id] = record;
  }
  if (Object.keys(set).length) patch.set[name] = set;
  if (del.length) patch.del[name] = del;
}
