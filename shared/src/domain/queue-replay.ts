import { needsManagerOverride } from './block.ts';
import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { FloorSettings } from '../schemas/floor.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { BOOKED_DUE_LEAD_MIN, canPerform, compareIds, compareQueue, roomFits, type Floor } from './floor.ts';
import { makePools, matchAt, queuedSince, sessionMs, type Pools } from './matching.ts';
import { expectedEnd } from './overrun.ts';
import { fitsAt, MINUTE } from './shifts.ts';
import { holdsRoom } from './visit-machine.ts';

/** When every beautician and room is next free, right after the matching at one moment of the replay. */
type Step = { t: Timestamp; staffFree: Float64Array; roomFree: Float64Array };

/**
 * The replay behind the wait estimates (see `estimateWaits` for the rule it replays), kept so that it can be
 * extended instead of run again. It records, at every moment it visits, when each beautician and room is next free
 * once that moment's matching is done. A walk-in joining the back of the queue is served after everyone ahead of it
 * at every moment, so up to the first moment it can be taken in the replay is exactly the one recorded: `append`
 * looks for that moment in the recorded steps (cost: the steps, not the queue) and replays only from there on, with
 * the clients still waiting then. A walk-in nobody can take today changes nothing, which is what a long queue's
 * check-ins are. Anything else (a session ends, a visit is assigned, the clock moves) is a new replay: `run`.
 */
export class QueueReplay {
  /** Visits in the replay: queued and not blocked, in the order they joined it. */
  private readonly visits: Visit[];
  /** Every queued visit, blocked ones included (they get no estimate). */
  private readonly queuedIds: Id[];
  private readonly starts = new Map<Id, Timestamp>();
  private readonly extraStarts: (Timestamp | null)[];
  private readonly steps: Step[] = [];
  /** Moments that do not depend on what the replay decides, ascending (shift starts, break ends, due and limit times). */
  private readonly fixed: Timestamp[];
  /** When booked visits come due (move to the front), ascending: the serving order changes only then. */
  private readonly dueTimes: Timestamp[];
  /** The visit that sorts last of those in the replay when none is due; a new one must sort after it to append. */
  private last: Visit | null = null;
  /** Whether the replay stopped because nothing more could happen (as opposed to: nobody was left to place). */
  private exhausted = false;
  /** Counts changes to the recorded steps, so that a look-up made before one is not reused after it. */
  private version = 0;
  private lastLookup: { visit: Visit; version: number; at: number | 'never' | 'after' } | null = null;
  /**
   * Per extra: the rooms and beauticians (indexes in the pools) that could ever take a walk-in for it, found once per
   * replay (who qualifies does not change within one), so a moment's check looks only at when they are free.
   */
  private extraCandidates: { rooms: number[]; staff: number[]; durationMs: number }[] | null = null;
  /**
   * Per extra: no moment before this can take its walk-in (set by `resume` from the starts it is about to redo, when
   * that is sure), so the replay does not ask at those moments.
   */
  private readonly extraNotBefore: Timestamp[];

  private constructor(
    readonly now: Timestamp,
    private readonly services: Readonly<Record<Id, Service>>,
    private readonly settings: FloorSettings,
    private readonly extras: readonly Service[],
    private readonly pools: Pools,
    visits: Visit[],
    queuedIds: Id[],
  ) {
    this.visits = visits;
    this.queuedIds = queuedIds;
    this.extraStarts = extras.map(() => null);
    this.extraNotBefore = extras.map(() => -Infinity);
    const fixed: Timestamp[] = [];
    for (const s of pools.staff) for (const w of s.windows) fixed.push(w.start, ...w.breaks.map((b) => b.end));
    const due: Timestamp[] = [];
    for (const v of visits) {
      fixed.push(...ownMoments(v, now, settings));
      if (v.kind === 'booked' && v.dueAt !== null) due.push(v.dueAt - BOOKED_DUE_LEAD_MIN * MINUTE);
      if (!this.last || byRank(v, this.last) > 0) this.last = v;
    }
    this.fixed = fixed.sort((a, b) => a - b);
    this.dueTimes = due.sort((a, b) => a - b);
  }

  /** A replay of `floor` from `now`, with the wait of a new walk-in for each of `extras`. */
  static run(floor: Floor, now: Timestamp, settings: FloorSettings, extras: readonly Service[]): QueueReplay {
    const staffFree = new Map<Id, Timestamp>();
    const roomFree = new Map<Id, Timestamp>();
    for (const v of floor.visits) {
      if (!holdsRoom(v.state)) continue;
      const end = expectedEnd(v, floor.services[v.serviceId], now) ?? now;
      if (v.staffId) staffFree.set(v.staffId, Math.max(staffFree.get(v.staffId) ?? now, end));
      if (v.roomId) roomFree.set(v.roomId, Math.max(roomFree.get(v.roomId) ?? now, end));
    }
    const roomFreeAt = (r: Room): Timestamp => {
      switch (r.state) {
        case 'free':
          return now;
        case 'cleaning':
          return Math.max(now, r.cleaningUntil ?? now);
        case 'occupied': {
          const end = roomFree.get(r.id);
          return end === undefined ? Infinity : end + r.cleaningBufferMin * MINUTE;
        }
        default:
          return Infinity;
      }
    };
    const pools = makePools(floor.staff, floor.rooms, now, settings.timeZone, (s) => staffFree.get(s.id) ?? now, roomFreeAt, floor.presence);
    const queued = floor.visits.filter((v) => v.state === 'queued');
    // A blocked visit waits for a manager's override, not for a room: it takes no place in the replay (as in the planner).
    const inReplay = queued.filter((v) => !needsManagerOverride(v));
    const replay = new QueueReplay(now, floor.services, settings, extras, pools, inReplay, queued.map((v) => v.id));
    replay.advance(now, [...inReplay], false);
    return replay;
  }

  /** Minutes until each queued visit is taken in (null: not today), and until a new walk-in for each extra would be. */
  result(): { byVisit: Map<Id, number | null>; forServices: (number | null)[] } {
    const byVisit = new Map<Id, number | null>();
    for (const id of this.queuedIds) byVisit.set(id, this.minutes(this.starts.get(id)));
    return { byVisit, forServices: this.extraStarts.map((s) => this.minutes(s)) };
  }

  /**
   * The wait of `visit` were it added to this floor now, without adding it; undefined when it cannot be told
   * without a new replay (see `appendable`).
   */
  waitOf(visit: Visit): number | null | undefined {
    if (visit.state === 'queued' && needsManagerOverride(visit)) return null;
    if (!this.appendable(visit)) return undefined;
    const at = this.firstStepServing(visit);
    if (at === 'never') return null;
    if (at !== 'after') return this.minutes(this.steps[at]!.t);
    // The replay stopped with nobody left to place: carry it on with the visit, read its start, and put it back.
    const saved = { steps: this.steps.length, last: this.steps.at(-1), extraStarts: [...this.extraStarts], exhausted: this.exhausted };
    this.continueWith(visit);
    const start = this.starts.get(visit.id);
    this.starts.delete(visit.id);
    this.steps.length = saved.steps;
    if (saved.last) this.steps[saved.steps - 1] = saved.last;
    saved.extraStarts.forEach((x, i) => (this.extraStarts[i] = x));
    this.exhausted = saved.exhausted;
    return this.minutes(start);
  }

  /** Carries on a replay that stopped with nobody left to place, from its last moment, with `visit` to place. */
  private continueWith(visit: Visit): void {
    const k = this.steps.length - 1;
    if (k < 0) return this.advance(this.now, [visit], false);
    this.load(this.steps[k]!);
    this.resume(k, [visit]);
  }

  /**
   * Adds a queued visit at the back of the queue and brings the replay up to date. False (and nothing changed) when
   * the visit cannot be appended: it does not sort after everyone in the replay, or it brings moments of its own (a
   * booking coming due, a wait for a preferred beautician running out) at which the others' outcome could change.
   */
  append(visit: Visit): boolean {
    if (visit.state !== 'queued' || this.queuedIds.includes(visit.id)) return false;
    if (needsManagerOverride(visit)) {
      this.queuedIds.push(visit.id);
      return true;
    }
    if (!this.appendable(visit)) return false;
    const at = this.firstStepServing(visit);
    this.queuedIds.push(visit.id);
    this.visits.push(visit);
    this.last = visit;
    if (at === 'never') return true;
    if (at === 'after') {
      this.continueWith(visit);
      return true;
    }
    const step = this.steps[at]!;
    this.load(step);
    const [match] = matchAt(step.t, [visit], this.services, this.pools, this.settings, this.now);
    if (!match) throw new Error('queue replay: a recorded step no longer serves the visit it served');
    this.starts.set(visit.id, step.t);
    // Everyone still waiting after this moment may be placed differently now that the new visit holds a beautician
    // and a room: replay them from here.
    const waiting = this.visits.filter((v) => v !== visit && !((this.starts.get(v.id) ?? Infinity) <= step.t));
    for (const v of waiting) this.starts.delete(v.id);
    this.resume(at, waiting);
    return true;
  }

  /** Whether a new visit can join by `append`: it sorts last at every moment and adds no moments of its own. */
  private appendable(visit: Visit): boolean {
    if (visit.state !== 'queued' || (visit.kind === 'booked' && visit.dueAt !== null)) return false;
    if (ownMoments(visit, this.now, this.settings).length) return false;
    return this.last === null || byRank(visit, this.last) > 0;
  }

  /**
   * The first recorded step at which `visit`, placed after everyone else, would be taken in; 'never' when no moment
   * of the replay would take it and the replay ran until nothing more could happen; 'after' when the replay stopped
   * early (nobody was left to place) and could still take it later.
   */
  private firstStepServing(visit: Visit): number | 'never' | 'after' {
    // The decision asks for a newcomer's wait and the figures then append the very same record: one pass for both.
    if (this.lastLookup?.visit === visit && this.lastLookup.version === this.version) return this.lastLookup.at;
    const at = this.scanSteps(visit);
    this.lastLookup = { visit, version: this.version, at };
    return at;
  }

  private scanSteps(visit: Visit): number | 'never' | 'after' {
    const service = this.services[visit.serviceId];
    const durationMs = service ? sessionMs(visit, service) : null;
    if (!service || durationMs === null) return this.exhausted ? 'never' : 'after';
    // Which rooms and beauticians could ever take it: a step where none of them is free is passed over without
    // building the pools (a long queue's newcomer is taken in at no step, so every step is looked at).
    const rooms = this.pools.rooms.flatMap((r, i) => (r.room.state !== 'out_of_service' && roomFits(r.room, service) ? [i] : []));
    const refused = new Set((visit.handBacks ?? []).map((h) => h.staffId));
    const staff = this.pools.staff.flatMap((s, i) => (canPerform(s.member, service) && !refused.has(s.member.id) ? [i] : []));
    for (let k = 0; k < this.steps.length; k++) {
      const step = this.steps[k]!;
      if (!rooms.some((i) => step.roomFree[i]! <= step.t)) continue;
      if (!staff.some((i) => step.staffFree[i]! <= step.t && fitsAt(this.pools.staff[i]!.windows, step.t, durationMs))) continue;
      this.load(step);
      if (matchAt(step.t, [visit], this.services, this.pools, this.settings, this.now).length) return k;
    }
    return this.exhausted ? 'never' : 'after';
  }

  /** Sets every beautician's and room's next free moment to those recorded at a step (the pools are scratch). */
  private load(step: Step): void {
    const { staff, rooms } = this.pools;
    for (let i = 0; i < staff.length; i++) staff[i]!.freeAt = step.staffFree[i]!;
    for (let i = 0; i < rooms.length; i++) rooms[i]!.freeAt = step.roomFree[i]!;
  }

  /**
   * Replays again from step `k`, whose matching is done (the pools hold its outcome), with `waiting` still to place.
   * New walk-ins whose wait was found at or after that moment are looked for again, as the pools there have changed.
   */
  private resume(k: number, waiting: Visit[]): void {
    const t = this.steps[k]!.t;
    this.steps.length = k;
    this.extraStarts.forEach((s, i) => {
      if (s !== null && s >= t) {
        this.extraStarts[i] = null;
        // With nobody else left to place after `t`, what is free at every later moment is what was free before minus
        // what the newcomer just took: a walk-in nobody could take before its old start still cannot be taken then.
        // (With others to place, one of them may now be placed later and free someone earlier: no such bound.)
        if (!waiting.length) this.extraNotBefore[i] = s;
      }
    });
    this.advance(t, waiting, true);
    this.extraNotBefore.fill(-Infinity);
  }

  /** Whether a walk-in for extra `i` could be taken in at `t` with what the pools have free (`canServeAt`, by index). */
  private extraServable(i: number, t: Timestamp): boolean {
    const { pools, extras } = this;
    this.extraCandidates ??= extras.map((service) => ({
      rooms: pools.rooms.flatMap((r, j) => (r.room.state !== 'out_of_service' && roomFits(r.room, service) ? [j] : [])),
      staff: pools.staff.flatMap((s, j) => (canPerform(s.member, service) ? [j] : [])),
      durationMs: service.durationMin * MINUTE,
    }));
    const c = this.extraCandidates[i]!;
    let room = false;
    for (const j of c.rooms) {
      if (pools.rooms[j]!.freeAt <= t) {
        room = true;
        break;
      }
    }
    if (!room) return false;
    for (const j of c.staff) {
      const s = pools.staff[j]!;
      if (s.freeAt <= t && fitsAt(s.windows, t, c.durationMs)) return true;
    }
    return false;
  }

  /**
   * The replay's loop, from `t` with `pending` still to place: match at each moment, note new walk-ins' waits,
   * record the step, move to the next moment something changes. With `matchedAtT`, the matching at `t` is done.
   */
  private advance(from: Timestamp, pending: Visit[], matchedAtT: boolean): void {
    const { pools, services, settings, now, extras } = this;
    this.version++;
    let t = from;
    // The serving order changes only when a booked client comes due; re-sorting at every step made the replay
    // quadratic-times-log in the queue length.
    let ordered = pending.sort((a, b) => compareQueue(a, b, t));
    let sortedAt = t;
    let skipMatch = matchedAtT;
    let unresolved = this.extraStarts.filter((s) => s === null).length;
    let fixedAt = firstAfter(this.fixed, t);
    this.exhausted = false;
    // The moment it starts from is always recorded, even with nobody left to place: a newcomer may be taken in then.
    for (let first = true; first || ordered.length || unresolved; first = false) {
      if (ordered.length && !skipMatch) {
        if (t !== sortedAt && (this.dueTimes[firstAfter(this.dueTimes, sortedAt)] ?? Infinity) <= t) {
          ordered = ordered.sort((a, b) => compareQueue(a, b, t));
        }
        sortedAt = t;
        const matched = matchAt(t, ordered, services, pools, settings, now);
        if (matched.length) {
          for (const m of matched) this.starts.set(m.visit.id, m.start);
          const taken = new Set(matched.map((m) => m.visit));
          ordered = ordered.filter((v) => !taken.has(v));
        }
      }
      skipMatch = false;
      if (unresolved) {
        for (let i = 0; i < extras.length; i++) {
          if (this.extraStarts[i] === null && t >= this.extraNotBefore[i]! && this.extraServable(i, t)) {
            this.extraStarts[i] = t;
            unresolved--;
          }
        }
      }
      // Plain loops: this runs at every moment of every replay (hundreds per replay of a busy day).
      const staffFree = new Float64Array(pools.staff.length);
      const roomFree = new Float64Array(pools.rooms.length);
      while (fixedAt < this.fixed.length && this.fixed[fixedAt]! <= t) fixedAt++;
      let next = this.fixed[fixedAt] ?? Infinity;
      for (let i = 0; i < staffFree.length; i++) {
        const at = pools.staff[i]!.freeAt;
        staffFree[i] = at;
        if (at > t && at < next) next = at;
      }
      for (let i = 0; i < roomFree.length; i++) {
        const at = pools.rooms[i]!.freeAt;
        roomFree[i] = at;
        if (at > t && at < next) next = at;
      }
      this.steps.push({ t, staffFree, roomFree });
      if (!Number.isFinite(next)) {
        this.exhausted = true;
        return;
      }
      t = next;
    }
  }

  private minutes(start: Timestamp | null | undefined): number | null {
    return start === undefined || start === null ? null : Math.max(0, Math.ceil((start - this.now) / MINUTE));
  }
}

/** Moments a visit brings to the replay of its own: its booking coming due, its wait for a preferred beautician ending. */
function ownMoments(v: Visit, now: Timestamp, settings: FloorSettings): Timestamp[] {
  const out: Timestamp[] = [];
  if (v.kind === 'booked' && v.dueAt !== null) out.push(v.dueAt - BOOKED_DUE_LEAD_MIN * MINUTE);
  if (v.waitForPreferred && v.preferredStaffId !== null) out.push(queuedSince(v, now) + settings.preferredWaitLimitMin * MINUTE);
  return out;
}

/** Queue order among visits that are not due: rank, then id. */
const byRank = (a: Visit, b: Visit): number => a.queueRank - b.queueRank || compareIds(a, b);

/** The index of the first value greater than `t` in an ascending array (its length when there is none). */
function firstAfter(sorted: readonly Timestamp[], t: Timestamp): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
