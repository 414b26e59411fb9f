import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import type { RecordChangeCard } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { followUpShown, followUpsShownSince } from '../follow-ups/follow-up-view.ts';
import type { Projection } from '../view-projections.ts';
import { seesFloor, type Audience } from '../views.ts';

/**
 * The live view's `recordChanges` (#16): the front desk and the manager are told which clients' records changed, so a
 * tablet with one of them open reads it again — never what changed (only `clients:record` says that). Two kinds of
 * entry:
 * - `record`: today's corrections, merges, proposals and declines (`clientChanges`), keyed by change id;
 * - a thing shown on the record: her bookings, follow-up calls, messages and complaints, keyed `<letter>-<its id>`,
 *   with the client it belongs to and the record it was merged into. A booking made, moved or cancelled from her phone
 *   or another tablet, a call's outcome, a message sent or failed, a complaint answered: the entry's `version` moves.
 * Each collection is cut to what can still change today, so a snapshot stays the size of one day's work: bookings
 * from today on (or made or cancelled today), the calls the task list shows, messages made or settled today or still
 * waiting, complaints open or touched today. A beautician and a kiosk get nothing.
 */
type About = RecordChangeCard['about'];
type Thing = { clientId: string; at: number; version: string };

const PREFIX = { booking: 'b', followUp: 't', message: 'm', complaint: 'k' } as const satisfies Record<Exclude<About, 'record'>, string>;
const ABOUT_OF: Record<string, Exclude<About, 'record'>> = { b: 'booking', t: 'followUp', m: 'message', k: 'complaint' };

/**
 * A thing's version: a 53-bit hash (cyrb53) of what the record shows of it. Only "changed or not" is read from it, so
 * a fast non-cryptographic hash does (a SHA-1 of each of a week of calls cost ~12 ms of a desk snapshot, profiled).
 */
const stampOf = (parts: readonly unknown[]): string => {
  const text = JSON.stringify(parts);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
};
const stamp = stampOf;
const unstamped = (): string => '';
const latest = (...times: (number | null | undefined)[]): number => Math.max(0, ...times.filter((t): t is number => typeof t === 'number'));

let lastDay = { at: Number.NaN, zone: '', start: 0 };
function dayStartOf(state: Readonly<HubState>, at: number): number {
  const zone = state.meta.floor.timeZone;
  if (lastDay.at !== at || lastDay.zone !== zone) lastDay = { at, zone, start: startOfDay(new TZDate(at, zone)).getTime() };
  return lastDay.start;
}

const FLOOR: Audience = { kind: 'floor' };
let lastSince = { at: Number.NaN, zone: '', since: '' };
/** The first day of the calls the task list shows (followUpsShownSince), kept for the last (moment, zone) like the day. */
function shownSince(state: Readonly<HubState>, at: number): string {
  const zone = state.meta.floor.timeZone;
  if (lastSince.at !== at || lastSince.zone !== zone) lastSince = { at, zone, since: followUpsShownSince(state, at) };
  return lastSince.since;
}

/**
 * The thing behind an entry, as far as it is shown today (null: gone, a hold, or nothing left to change today). The
 * list of ids needs only whether it is shown: `stamped` false leaves the version out (a SHA-1 of each of a week of
 * follow-up calls, ~2,000, cost ~12 ms of every desk snapshot, profiled).
 */
function thingOf(state: Readonly<HubState>, about: Exclude<About, 'record'>, id: string, now: number, stamped = true): Thing | null {
  const stamp = stamped ? stampOf : unstamped;
  const from = dayStartOf(state, now);
  if (about === 'booking') {
    const b = state.bookings[id];
    if (!b || b.state === 'held' || (b.startsAt < from && b.createdAt < from && (b.cancelledAt ?? 0) < from)) return null;
    return { clientId: b.clientId, at: latest(b.createdAt, b.cancelledAt, b.reminder.doneAt), version: stamp([b.clientId, b.state, b.startsAt, b.staffId, b.roomId, b.serviceId, b.reminder.doneAt]) };
  }
  if (about === 'followUp') {
    const t = state.followUpTasks[id];
    if (!t || !followUpShown(FLOOR, t, shownSince(state, now))) return null;
    return { clientId: t.clientId, at: latest(t.createdAt, t.attempts.at(-1)?.at), version: stamp([t.clientId, t.state, t.dueDate, t.assigneeId, t.attempts.length]) };
  }
  if (about === 'message') {
    const m = state.outbox[id];
    const waiting = m && (m.state === 'queued' || m.state === 'sending');
    if (!m || (!waiting && m.createdAt < from && (m.settledAt ?? 0) < from)) return null;
    return { clientId: m.clientId, at: latest(m.createdAt, m.sentAt, m.settledAt), version: stamp([m.clientId, m.state, m.attempts, m.sentAt, m.settledAt]) };
  }
  const c = state.complaints[id];
  if (!c || (c.status === 'resolved' && latest(c.createdAt, c.acknowledgedAt, c.resolvedAt) < from)) return null;
  return { clientId: c.clientId, at: latest(c.createdAt, c.acknowledgedAt, c.resolvedAt), version: stamp([c.clientId, c.status, c.acknowledgedAt, c.resolvedAt]) };
}

/** The record a client's things show on: hers, and the one she was merged into (followed through a chain). */
function recordsOf(state: Readonly<HubState>, clientId: string): string[] {
  let client = state.clients[clientId];
  for (let hops = 0; client?.mergedInto !== undefined && hops < 20; hops++) client = state.clients[client.mergedInto];
  return client && client.id !== clientId ? [clientId, client.id] : [clientId];
}

/** An entry's key: a letter and the thing's id (hashed if that would not fit an id). */
const keyOf = (about: Exclude<About, 'record'>, id: string): string => {
  const key = `${PREFIX[about]}-${id}`;
  // A hashed key's letter is the capital one (B-, T-, M-, K-), so it is never taken for an id of its own.
  return key.length <= 64 ? key : `${PREFIX[about].toUpperCase()}-${stampOf([id])}`;
};
const parse = (state: Readonly<HubState>, key: string): { about: Exclude<About, 'record'>; id: string } | null => {
  const letter = key.slice(0, 1);
  const about = ABOUT_OF[letter.toLowerCase()];
  if (!about || key[1] !== '-') return null;
  const id = key.slice(2);
  const table = { booking: state.bookings, followUp: state.followUpTasks, message: state.outbox, complaint: state.complaints }[about];
  if (letter !== letter.toUpperCase()) return id in table ? { about, id } : null;
  // A hashed key names a thing whose own id is too long to be a key: found by hashing again (rare: seeds' ids).
  const long = Object.keys(table).find((k) => k.length > 62 && stampOf([k]) === id);
  return long ? { about, id: long } : null;
};

const THINGS = [
  ['booking', 'bookings'],
  ['followUp', 'followUpTasks'],
  ['message', 'outbox'],
  ['complaint', 'complaints'],
] as const;

export const recordChangesView: Projection<RecordChangeCard> = {
  ids: (a, { state, derived }) => {
    if (!seesFloor(a)) return [];
    const from = dayStartOf(state, derived.at);
    const ids = Object.values(state.clientChanges).filter((c) => c.at >= from).map((c) => c.id);
    for (const [about, collection] of THINGS) {
      for (const id of Object.keys(state[collection])) if (thingOf(state, about, id, derived.at, false)) ids.push(keyOf(about, id));
    }
    return ids;
  },
  card: (a, id, { state, derived }) => {
    if (!seesFloor(a)) return null;
    const change = state.clientChanges[id];
    if (change) {
      if (change.at < dayStartOf(state, derived.at)) return null;
      const clientIds = change.otherClientId === null ? [change.clientId] : [change.clientId, change.otherClientId];
      return { clientIds, at: change.at, about: 'record', version: change.id.slice(0, 40) };
    }
    const key = parse(state, id);
    const thing = key ? thingOf(state, key.about, key.id, derived.at) : null;
    return key && thing ? { clientIds: recordsOf(state, thing.clientId), at: thing.at, about: key.about, version: thing.version } : null;
  },
  changed: (a, { changes }) => {
    if (!seesFloor(a)) return [];
    const ids = Object.keys(changes.clientChanges ?? {});
    for (const [about, collection] of THINGS) for (const id of Object.keys(changes[collection] ?? {})) ids.push(keyOf(about, id));
    return ids;
  },
};
