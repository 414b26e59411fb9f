import {
  estimateWaits,
  isFinal,
  isOverrun,
  QueueReplay,
  type FloorSettings,
  type Room,
  type Service,
  type ServiceWait,
  type StaffMember,
  type Visit,
} from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { floorOf } from './floor-of.ts';

/**
 * The wait estimate looks at the clock to this resolution: the replay runs from the start of the current quarter
 * minute. A wait is shown in whole minutes and most moments of the replay fall on whole minutes (shifts, breaks,
 * bookings), for which this changes nothing; a session that started at an odd second may be shown ending up to a
 * minute later, at a boundary. In exchange every command within the same quarter minute extends the same replay
 * instead of starting a new one (a new replay of a long queue costs tens of milliseconds).
 */
export const WAIT_CLOCK_MS = 15_000;

/** Wait estimates of the moment, shared by every audience. */
export type Estimates = { byVisit: Map<string, number | null>; byService: Map<string, ServiceWait> };

/** The figures derived from the floor and the clock that the views and the decisions read. */
export type Figures = { estimates: Estimates; overrun: ReadonlySet<string> };

/** What a replay was run on, compared by identity: records are replaced, never changed in place. */
type Inputs = {
  at: number;
  settings: FloorSettings;
  services: readonly Service[];
  rooms: readonly Room[];
  staff: readonly StaffMember[];
  /** Who is here today: the estimates count only them, so a sign-in or the desk marking someone present is a new replay. */
  presence: Readonly<HubState['meta']['presence']>;
  /** Null when a change log says which visits changed. */
  visits: Map<string, Visit> | null;
};

/** What `ActiveVisits` tells of the visits changed since a mark (see its `changedSince`). */
export type VisitChangeLog = { readonly mark: number; changedSince(mark: number): readonly string[] | null };

/**
 * Waits and overruns, kept up to date incrementally. The publisher (every revision's figures) and the decisions (a
 * check-in's own wait) read them here, so both see the same numbers and neither replays the queue on its own.
 *
 * Cost: a check-in joining the back of the queue extends the last replay (`QueueReplay.append`: a pass over its
 * recorded moments, then a replay of only what follows the moment the newcomer is taken in, if any), so a burst of
 * check-ins costs the same per command whatever the queue's length. Any other change on the floor (a session ends,
 * a visit is assigned, a room or the staff or who is present or the settings change) and the next quarter minute of the clock run a new
 * replay; the result is always exactly that of a full replay of the floor as it is (property test beside it).
 */
export class DerivedFigures {
  private replay: QueueReplay | null = null;
  private inputs: Inputs | null = null;
  /** With a change log: the log's mark when the replay was last brought up to date, and the visits it was run on. */
  private seen = { mark: -1, ids: new Set<string>() };

  constructor(
    private readonly getState: () => Readonly<HubState>,
    private readonly activeVisits: () => readonly Visit[],
    /**
     * The active-visit index's log of changed visits (services/active-visits.ts): with it, telling whether the floor
     * changed only by check-ins at the back costs the changes since the last look, not a pass over every visit.
     */
    private readonly changes?: VisitChangeLog,
    /**
     * A number that moves whenever services, rooms or staff change (HubEngine.version): with it their lists are
     * taken again only then, not on every look (each look used to list all three and compare them record by record).
     */
    private readonly recordsVersion?: () => number,
  ) {}

  private lists: { version: number; services: Service[]; rooms: Room[]; staff: StaffMember[] } | null = null;

  /** The inputs of a replay at `now`: the lists of services, rooms and staff reused while their version holds. */
  private inputsOf(state: Readonly<HubState>, active: readonly Visit[] | null, now: number): Inputs {
    const version = this.recordsVersion?.();
    if (version === undefined || this.lists?.version !== version) {
      this.lists = { version: version ?? -1, services: Object.values(state.services), rooms: Object.values(state.rooms), staff: Object.values(state.staff) };
    }
    return inputsOf(state, active, now, this.lists);
  }

  /** The figures at `now`, from the state as it is. */
  at(now: number): Figures {
    const state = this.getState();
    const replay = this.sync(state, now);
    const active = this.activeVisits();
    return { estimates: this.estimates(state, active, replay), overrun: overrunsAt(state, active, now) };
  }

  /**
   * The wait of a visit about to join the floor (a check-in being decided), as a replay of the floor with it would
   * give: read off the current replay when it joins at the back, else a replay of its own.
   */
  waitOf(visit: Visit, now: number): number | null {
    const state = this.getState();
    const replay = this.sync(state, now);
    const read = replay.waitOf(visit);
    if (read !== undefined) return read;
    return estimateWaits(floorOf(state, [...this.activeVisits(), visit]), replay.now, state.meta.floor).byVisit.get(visit.id) ?? null;
  }

  /** Brings the replay up to date with the floor: extends it with new check-ins, or runs it again. */
  private sync(state: Readonly<HubState>, now: number): QueueReplay {
    if (this.changes) return this.syncByLog(state, now, this.changes);
    const active = this.activeVisits();
    const next = this.inputsOf(state, active, now);
    const added = this.replay && this.inputs ? addedVisits(this.inputs, next) : null;
    if (this.replay && added && added.every((v) => this.replay!.append(v))) {
      this.inputs = next;
      return this.replay;
    }
    return this.run(state, active, next);
  }

  /** `sync` with the change log: only the visits changed since the last look are looked at. */
  private syncByLog(state: Readonly<HubState>, now: number, log: VisitChangeLog): QueueReplay {
    const next = this.inputsOf(state, null, now);
    const mark = log.mark;
    const added = this.replay && this.inputs && sameFloorSettings(this.inputs, next) ? this.addedSince(state, log) : null;
    if (this.replay && added && added.every((v) => this.replay!.append(v))) {
      for (const v of added) this.seen.ids.add(v.id);
      this.seen.mark = mark;
      this.inputs = next;
      return this.replay;
    }
    const active = this.activeVisits();
    this.seen = { mark, ids: new Set(active.map((v) => v.id)) };
    return this.run(state, active, next);
  }

  /**
   * The visits that joined the floor since the last look, in queue order, when that is all that changed on it: null
   * when a visit the replay was run on changed (or the log no longer reaches back). A visit that came and went in
   * between (checked in, then cancelled) was never on the replay's floor and is not on it now: nothing to do.
   */
  private addedSince(state: Readonly<HubState>, log: VisitChangeLog): Visit[] | null {
    const ids = log.changedSince(this.seen.mark);
    if (!ids) return null;
    const added = new Map<string, Visit>();
    for (const id of ids) {
      if (this.seen.ids.has(id)) return null;
      const visit = state.visits[id];
      if (visit && !isFinal(visit.state)) added.set(id, visit);
      else added.delete(id);
    }
    return [...added.values()].sort(byQueueRank);
  }

  private run(state: Readonly<HubState>, active: readonly Visit[], next: Inputs): QueueReplay {
    const floor = floorOf(state, active);
    this.replay = QueueReplay.run(floor, next.at, state.meta.floor, next.services);
    this.inputs = next;
    return this.replay;
  }

  private estimates(state: Readonly<HubState>, active: readonly Visit[], replay: QueueReplay): Estimates {
    const { byVisit, forServices } = replay.result();
    const waiting = new Map<string, number>();
    for (const v of active) if (v.state === 'queued') waiting.set(v.serviceId, (waiting.get(v.serviceId) ?? 0) + 1);
    const byService = new Map<string, ServiceWait>();
    (this.inputs?.services ?? Object.values(state.services)).forEach((service, i) => {
      byService.set(service.id, { serviceId: service.id, estimateMin: forServices[i] ?? null, waiting: waiting.get(service.id) ?? 0 });
    });
    return { byVisit, byService };
  }
}

/** Sessions in service past their planned end at `now`. */
export function overrunsAt(state: Readonly<HubState>, active: readonly Visit[], now: number): Set<string> {
  const overrun = new Set<string>();
  for (const v of active) {
    const service = state.services[v.serviceId];
    if (v.state === 'in_service' && service && isOverrun(v, service, now)) overrun.add(v.id);
  }
  return overrun;
}

function inputsOf(
  state: Readonly<HubState>,
  active: readonly Visit[] | null,
  now: number,
  lists: { services: Service[]; rooms: Room[]; staff: StaffMember[] },
): Inputs {
  return {
    at: Math.floor(now / WAIT_CLOCK_MS) * WAIT_CLOCK_MS,
    settings: state.meta.floor,
    services: lists.services,
    rooms: lists.rooms,
    staff: lists.staff,
    presence: state.meta.presence,
    visits: active ? new Map(active.map((v) => [v.id, v])) : null,
  };
}

const sameRecords = <T>(a: readonly T[], b: readonly T[]): boolean => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * The visits `next` has beyond `last`, in queue order, when that is all that differs (same quarter minute, settings, services,
 * rooms, staff, and every earlier visit the very same record); null when anything else changed.
 */
function addedVisits(last: Inputs, next: Inputs): Visit[] | null {
  if (!sameFloorSettings(last, next) || !last.visits || !next.visits) return null;
  for (const [id, v] of last.visits) if (next.visits.get(id) !== v) return null;
  const added: Visit[] = [];
  for (const [id, v] of next.visits) if (!last.visits.has(id)) added.push(v);
  return added.sort(byQueueRank);
}

/** Same quarter minute, settings, presence, and the very same service, room and staff records. */
function sameFloorSettings(last: Inputs, next: Inputs): boolean {
  if (last.at !== next.at || last.settings !== next.settings || last.presence !== next.presence) return false;
  return sameRecords(last.services, next.services) && sameRecords(last.rooms, next.rooms) && sameRecords(last.staff, next.staff);
}

const byQueueRank = (a: Visit, b: Visit): number => a.queueRank - b.queueRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
