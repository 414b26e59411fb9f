import { createHash } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import {
  closedDay,
  decideBookingFollowUp,
  decideDailyFollowUps,
  decideSessionFollowUps,
  followUpPurpose,
  MARKETING_RULES,
  followUpText,
  salonDay,
  summarizeClientVisits,
  visitProducts,
  type Client,
  type ClientVisitSummary,
  type FollowUpDue,
  type FollowUpTask,
  type SweepClient,
  type Visit,
} from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import type { VisitDigest } from '../../store/store.port.ts';
import { mergeChanges } from '../hub-engine.ts';
import { decideEnqueueMessage, marketingAllowed, messageIdFor } from '../outbox/enqueue-message.ts';
import { decidedAlone, scanMergeLinks, sweepGroupOf, type MergeLinks } from './follow-up-merge-group.ts';
import { followUpSettingsOf } from './follow-up-settings.ts';

/**
 * The hub side of the follow-up rules (#16): what the pure rules in shared say is due, made into call tasks or
 * queued messages, each exactly once. A task's id is derived from its dedupe key (as the outbox derives a message's),
 * so "exists already?" is one look-up, and a decision made twice (a restart, a crash before the sweep's entry was
 * written, the sweep and a close racing) writes the same record or nothing. Tasks are never deleted but with their
 * client, so a key once used stays used.
 */

export const taskIdFor = (dedupeKey: string): string => `fu_${createHash('sha256').update(`follow-up\u0000${dedupeKey}`).digest('base64url').slice(0, 40)}`;

/** Why a follow-up was not created, for the log (the scheduler passes its logger). */
export type FollowUpLog = (entry: { dedupeKey: string; clientId: string; reason: string }) => void;

const zoneOf = (state: Readonly<HubState>): string => state.meta.floor.timeZone;
export const todayOf = (state: Readonly<HubState>, now: number): string => salonDay(now, zoneOf(state)) ?? new Date(now).toISOString().slice(0, 10);

/** Messages go out from 10:00 on their day, the salon's time (the outbox keeps its quiet hours on top). */
export function messageTimeOf(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 10, 0, 0, timeZone).getTime();
}

/** Clients who asked on a call not to be called again: they get no more call tasks. */
function noCallClients(state: Readonly<HubState>): Set<string> {
  const out = new Set<string>();
  // The flag the call list sets on the client ('asked not to be called') outlives her tasks (erased or merged).
  for (const client of Object.values(state.clients)) if (client.doNotCall) out.add(client.id);
  for (const task of Object.values(state.followUpTasks)) {
    if (task.attempts.some((a) => a.outcome === 'do_not_call')) out.add(task.clientId);
  }
  return out;
}

/** The wording's names for one follow-up, in the client's language. */
function textOf(state: Readonly<HubState>, due: FollowUpDue, language: 'en' | 'zh-CN') {
  const client = state.clients[due.clientId]!;
  const booking = due.bookingId ? state.bookings[due.bookingId] : undefined;
  const time = booking
    ? new Intl.DateTimeFormat('en-GB', { timeZone: zoneOf(state), hour: '2-digit', minute: '2-digit', hour12: false }).format(booking.startsAt)
    : null;
  return followUpText(
    due,
    followUpSettingsOf(state),
    {
      clientName: client.firstName,
      salonName: state.meta.salon.name,
      serviceName: due.serviceId ? (state.services[due.serviceId]?.name ?? null) : null,
      productName: due.productId ? (state.products[due.productId]?.name ?? null) : null,
      time,
    },
    language,
  );
}

/**
 * Makes what is due into records: a call → an open task (for the beautician who served, or the front desk); a
 * message → the outbox, rendered in the client's language (its enqueue refuses marketing without consent and says
 * so in the log). Nothing for a key that already has a task or a message, whichever channel made it: switching a
 * rule's channel never sends the same follow-up twice.
 */
export function materializeFollowUps(state: Readonly<HubState>, now: number, dues: readonly FollowUpDue[], log?: FollowUpLog): Changes {
  let changes: Changes = {};
  const tasks: Record<string, FollowUpTask> = {};
  for (const due of dues) {
    const id = taskIdFor(due.dedupeKey);
    if (state.followUpTasks[id] || tasks[id] || state.outbox[messageIdFor(due.dedupeKey)]) continue;
    const client = state.clients[due.clientId];
    if (!client) continue;
    if (due.channel === 'call') {
      // A beautician no longer on the staff list cannot call: the desk does.
      const assigneeId = due.assigneeId && state.staff[due.assigneeId]?.active ? due.assigneeId : null;
      tasks[id] = {
        id,
        clientId: due.clientId,
        visitId: due.visitId,
        bookingId: due.bookingId,
        productId: due.productId,
        rule: due.rule,
        dueDate: due.dueDate,
        assigneeId,
        dedupeKey: due.dedupeKey,
        state: 'open',
        createdAt: now,
        attempts: [],
      };
      continue;
    }
    const { subject, body } = textOf(state, due, client.language);
    const queued = decideEnqueueMessage(
      state,
      now,
      {
        clientId: due.clientId,
        purpose: followUpPurpose(due.rule),
        kind: due.rule,
        language: client.language,
        subject,
        body,
        dedupeKey: due.dedupeKey,
        notBefore: messageTimeOf(due.dueDate, zoneOf(state)),
      },
      log ? (why) => log({ dedupeKey: why.dedupeKey, clientId: why.clientId, reason: why.reason }) : undefined,
    );
    changes = mergeChanges(changes, queued);
  }
  return Object.keys(tasks).length ? mergeChanges(changes, { followUpTasks: tasks }) : changes;
}

/** The client's closed visits in the state, and those read from disk the state does not hold, by client. */
function closedVisitsByClient(state: Readonly<HubState>, fromDisk: Iterable<Visit | VisitDigest> = []): Map<string, Array<Visit | VisitDigest>> {
  const out = new Map<string, Array<Visit | VisitDigest>>();
  const onDisk = [...fromDisk].filter((visit) => !state.visits[visit.id]);
  for (const visit of [...Object.values(state.visits), ...onDisk]) {
    if (visit.state !== 'closed') continue;
    const list = out.get(visit.clientId);
    if (list) list.push(visit);
    else out.set(visit.clientId, [visit]);
  }
  return out;
}

/**
 * Open marketing calls (birthday card, win-back…) of clients whose latest marketing choice is no longer yes (she
 * opted out after the task was made): cancelled by the sweep, kept with their attempts for the record.
 */
export function optedOutFollowUps(state: Readonly<HubState>): Changes {
  const cancelled: Record<string, FollowUpTask> = {};
  for (const task of Object.values(state.followUpTasks)) {
    if (task.state !== 'open' || !MARKETING_RULES.has(task.rule)) continue;
    const client = state.clients[task.clientId];
    if (!client || marketingAllowed(client) !== null) cancelled[task.id] = { ...task, state: 'cancelled' };
  }
  return Object.keys(cancelled).length ? { followUpTasks: cancelled } : {};
}

/** The follow-ups of sessions that closed (the command path: in the same journal entry as the close). */
export function decideSessionCloseFollowUps(state: Readonly<HubState>, now: number, visitIds: readonly string[], log?: FollowUpLog): Changes {
  const settings = followUpSettingsOf(state);
  const zone = zoneOf(state);
  const dues: FollowUpDue[] = [];
  let noCalls: Set<string> | null = null;
  for (const visitId of visitIds) {
    const visit = state.visits[visitId];
    const day = visit ? closedDay(visit, zone) : null;
    if (!visit || !day) continue;
    noCalls ??= noCallClients(state);
    const found = decideSessionFollowUps(
      {
        visitId,
        clientId: visit.clientId,
        serviceId: visit.serviceId,
        staffId: visit.staffId,
        day,
        firstVisit: !visit.returningClient,
        products: visitProducts(visit, state.products),
      },
      settings,
    );
    const calls = noCalls.has(visit.clientId) ? found.filter((d) => d.channel !== 'call') : found;
    dues.push(...calls);
  }
  const created = dues.length ? materializeFollowUps(state, now, dues, log) : {};
  // She came back: her open win-back, if any, is done with (cancelled, kept for the record).
  const back = new Set<string>();
  for (const visitId of visitIds) {
    const visit = state.visits[visitId];
    if (visit?.state === 'closed') back.add(visit.clientId);
  }
  const winBacks: Record<string, FollowUpTask> = {};
  for (const task of Object.values(state.followUpTasks)) {
    if (task.state === 'open' && task.rule === 'win_back' && back.has(task.clientId)) winBacks[task.id] = { ...task, state: 'cancelled' };
  }
  return Object.keys(winBacks).length ? mergeChanges(created, { followUpTasks: winBacks }) : created;
}

/** Day-before messages for bookings (made now, or found by the sweep). */
export function decideBookingFollowUps(state: Readonly<HubState>, now: number, bookingIds: Iterable<string>, log?: FollowUpLog): Changes {
  const settings = followUpSettingsOf(state);
  if (!settings.rules.booking_eve.enabled || settings.rules.booking_eve.channel !== 'message') return {};
  const zone = zoneOf(state);
  const today = todayOf(state, now);
  const dues: FollowUpDue[] = [];
  for (const id of bookingIds) {
    const booking = state.bookings[id];
    if (!booking || booking.state !== 'booked') continue;
    const day = salonDay(booking.startsAt, zone);
    if (!day) continue;
    const due = decideBookingFollowUp({ bookingId: id, clientId: booking.clientId, serviceId: booking.serviceId, staffId: booking.staffId, day }, today, settings);
    if (due) dues.push(due);
  }
  return dues.length ? materializeFollowUps(state, now, dues, log) : {};
}

/**
 * A client as the daily rules read her: her record, her summed-up visits (those of the records merged into hers too),
 * whether she may be called (`noCalls`: she, or a record merged into hers, asked not to be).
 */
export function sweepClientOf(client: Client, summary: ClientVisitSummary, noCalls: boolean): SweepClient {
  return {
    id: client.id,
    birthday: client.birthday ?? null,
    marketing: marketingAllowed(client) === null,
    noCalls,
    history: summary,
    lastVisit: summary.lastVisit,
  };
}

/** Clients who asked on a call not to be called again (for the sweep in slices, which compares them at its end). */
export const noCallClientsOf = (state: Readonly<HubState>): Set<string> => noCallClients(state);

/** Whether a merge group may not be called: any of its records asked not to be. */
export const groupNoCalls = (group: readonly string[], noCalls: ReadonlySet<string>): boolean => group.some((id) => noCalls.has(id));

/**
 * The sweep's records from what the daily rules made due: tasks and messages (each once, on the current state), the
 * cancelled marketing calls of who opted out, and the day-before messages of the bookings.
 */
export function materializeSweep(state: Readonly<HubState>, now: number, dues: readonly FollowUpDue[], log?: FollowUpLog): Changes {
  const daily = materializeFollowUps(state, now, dues, log);
  const bookings = decideBookingFollowUps(state, now, Object.keys(state.bookings), log);
  return mergeChanges(mergeChanges(optedOutFollowUps(state), daily), bookings);
}

/**
 * The daily sweep on `now`'s salon day: birthdays, holidays, seasonal messages and win-backs for every client, and
 * day-before messages for the bookings of the coming days, in one turn (tests; the hub's sweeper decides in slices,
 * follow-up-sweep-slices.ts, and reaches the same records). `fromDisk`: visits read from months left on disk. A record
 * merged into another is decided with it, once (follow-up-merge-group.ts); `links` says who was merged into whom.
 */
export function decideFollowUpSweep(state: Readonly<HubState>, now: number, log?: FollowUpLog, fromDisk?: Iterable<Visit | VisitDigest>, links?: MergeLinks): Changes {
  const settings = followUpSettingsOf(state);
  const zone = zoneOf(state);
  const today = todayOf(state, now);
  const visits = closedVisitsByClient(state, fromDisk);
  const noCalls = noCallClients(state);
  const merges = links ?? scanMergeLinks(state.clients);
  function* clients(): Generator<SweepClient> {
    for (const client of Object.values(state.clients)) {
      if (!decidedAlone(client)) continue;
      const group = sweepGroupOf(client.id, merges);
      const theirs = group.flatMap((id) => visits.get(id) ?? []);
      yield sweepClientOf(client, summarizeClientVisits(theirs, state.services, zone, today), groupNoCalls(group, noCalls));
    }
  }
  return materializeSweep(state, now, decideDailyFollowUps(clients(), today, settings), log);
}
