import { formatPersonName, visitProducts, type ClientRecord, type LocalizedText, type RecordVisit, type Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { consultationOf } from '../consultation.ts';
import type { Actor } from '../visit-access.ts';
import type { OwnedCollection } from './client-owned-index.ts';
import { pendingMergesOf } from './merge-proposals.ts';

/**
 * The client's record (#16) as one reader may see it, from the state and the history read off disk (the caller
 * gathered it; this is pure). Who sees health data is the floor's rule (views.ts `seesHealthData`): the manager, and
 * a beautician for the visits she did; the front desk sees that a contraindication is on file (`hasHealthFlags`),
 * never what it is. The change log is for the desk and the manager.
 */
export type RecordInputs = {
  state: Readonly<HubState>;
  actor: Actor;
  /** The record asked for and every record merged into it (the merge group), kept first. */
  group: readonly string[];
  /** Finished visits of the group read from disk; the state's own visits are laid over them. */
  history: readonly Visit[];
  clientClass: ClientRecord['clientClass'];
  readMs: number;
  /** The clients whose `referredBy` names a record of the group (from the referral index, never a scan). */
  referred?: readonly string[];
  /** Looks up the clients sharing the number instead of scanning them (the hub passes its index). */
  links?: ClientLinks;
  /** The ids of the group's tasks, bookings, complaints… by look-up (ClientOwnedIndex); scanned without it. */
  owned?: (collection: OwnedCollection, clientIds: readonly string[]) => readonly string[];
  /**
   * Whether this reader may be told who another client is (by the record's kept id): the rule of opening her record
   * (client-records.ts). Referrals name only those; the others are counted. Everyone is named without it.
   */
  mayName?: (clientId: string) => boolean;
};

const UNKNOWN: LocalizedText = { en: '?', 'zh-CN': '?' };
/** Names the hub writes into the record (merged records, same number) in the salon's way: 王美丽, Zoë Müller. */
const fullName = (c: { firstName: string; lastName: string }): string => formatPersonName(c);

/** Whether this reader may see a visit's health data (the rule of views.ts `seesHealthData`, for a staff member). */
export const seesHealthOf = (actor: Actor, visit: Pick<Visit, 'staffId'>): boolean =>
  actor.role === 'manager' || (actor.role === 'beautician' && visit.staffId === actor.staffId);

/** The group's visits: the history from disk, then the state's (newer), newest first. */
export function groupVisits(state: Readonly<HubState>, group: readonly string[], history: readonly Visit[], inState: readonly Visit[]): Visit[] {
  const members = new Set(group);
  const byId = new Map<string, Visit>();
  for (const visit of history) if (members.has(visit.clientId)) byId.set(visit.id, visit);
  for (const visit of inState) if (members.has(visit.clientId)) byId.set(visit.id, visit);
  void state;
  return [...byId.values()].sort((a, b) => (b.times.checked_in ?? 0) - (a.times.checked_in ?? 0));
}

export function buildClientRecord(inputs: RecordInputs, visits: readonly Visit[]): ClientRecord {
  const { state, actor, group } = inputs;
  const client = state.clients[group[0]!]!;
  const members = new Set(group);
  const isDesk = actor.role !== 'beautician';
  // The group's records of a collection (each still checked for its client below): looked up, or the whole salon's.
  const ownedOf = <T>(collection: OwnedCollection, records: Readonly<Record<string, T>> | undefined): T[] =>
    inputs.owned ? inputs.owned(collection, group).flatMap((id) => records?.[id] ?? []) : Object.values(records ?? {});
  let hasHealthFlags = false;
  const flags: ClientRecord['flags'] = [];
  const seenFlags = new Set<string>();
  const recordVisits: RecordVisit[] = visits.map((visit) => {
    const summary = consultationOf(state, visit);
    const at = visit.times.checked_in ?? visit.times.closed ?? 0;
    if (summary.flags.length > 0) hasHealthFlags = true;
    const sees = seesHealthOf(actor, visit);
    if (sees) {
      for (const flag of summary.flags) {
        const key = `${flag.effect}|${flag.text.en}`;
        if (seenFlags.has(key)) continue;
        seenFlags.add(key);
        flags.push({ ...flag, at });
      }
    }
    const staff = visit.staffId ? state.staff[visit.staffId] : undefined;
    const products = visitProducts(visit, state.products).map((p) => ({
      id: p.productId,
      name: state.products[p.productId]?.name ?? UNKNOWN,
      role: p.role,
    }));
    const unlisted = [
      ...(visit.plan?.products ?? []).map((name) => ({ id: null, name: { en: name, 'zh-CN': name }, role: 'used' as const })),
      ...(visit.aftercare?.homeProducts ?? []).map((p) => ({ id: null, name: { en: p.name, 'zh-CN': p.name }, role: 'recommended' as const })),
    ];
    return {
      id: visit.id,
      at,
      state: visit.state,
      serviceId: visit.serviceId,
      serviceName: state.services[visit.serviceId]?.name ?? UNKNOWN,
      staffId: visit.staffId,
      staffName: staff?.name ?? null,
      plan: visit.plan ? { notes: visit.plan.notes, intensity: visit.plan.intensity, durationMin: visit.plan.durationMin } : null,
      notes: visit.notes.map((n) => ({ at: n.at, kind: n.kind, text: n.text })),
      aftercareNotes: visit.aftercare?.notes ?? '',
      products: [...products, ...unlisted],
      rating: visit.rating,
      consultation: !sees
        ? { status: 'withheld', flags: [], answers: [] }
        : summary.answers.length === 0 && summary.flags.length === 0
          ? { status: 'none', flags: [], answers: [] }
          : { status: 'done', flags: summary.flags, answers: summary.answers },
      clientId: visit.clientId,
    };
  });
  const checkIns = visits.map((v) => v.times.checked_in).filter((t): t is number => t !== undefined);
  // The kept record holds the merged one's consents since the merge; each choice is shown once.
  const consentKeys = new Set<string>();
  const consents = group
    .flatMap((id) => state.clients[id]?.consents ?? [])
    .filter((c) => {
      const key = `${c.kind}|${c.version}|${c.granted}|${c.at}`;
      return !consentKeys.has(key) && (consentKeys.add(key), true);
    })
    .sort((a, b) => a.at - b.at);
  const staffName = (id: string | null): string | null => (id ? (state.staff[id]?.name ?? null) : null);
  return {
    client: {
      id: client.id,
      firstName: client.firstName,
      lastName: client.lastName,
      phone: client.phone,
      language: client.language,
      birthday: client.birthday ?? null,
      notes: client.notes ?? '',
      createdAt: client.createdAt,
      duplicateOf: client.duplicateOf ?? null,
      mergedInto: client.mergedInto ?? null,
      email: client.email ?? null,
    },
    healthVisible: actor.role === 'manager',
    hasHealthFlags,
    flags,
    clientClass: inputs.clientClass,
    dates: {
      firstVisit: checkIns.length > 0 ? Math.min(...checkIns) : null,
      lastVisit: checkIns.length > 0 ? Math.max(...checkIns) : null,
      birthday: client.birthday ?? null,
    },
    consents,
    visits: recordVisits,
    complaints: ownedOf('complaints', state.complaints)
      .filter((c) => members.has(c.clientId))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((c) => ({ id: c.id, visitId: c.visitId, at: c.createdAt, status: c.status, kind: c.kind, text: c.description })),
    bookings: ownedOf('bookings', state.bookings)
      .filter((b) => members.has(b.clientId) && b.state !== 'held')
      .sort((a, b) => b.startsAt - a.startsAt)
      .map((b) => ({
        id: b.id,
        serviceId: b.serviceId,
        serviceName: state.services[b.serviceId]?.name ?? UNKNOWN,
        startsAt: b.startsAt,
        state: b.state,
        staffName: staffName(b.staffId),
      })),
    followUps: ownedOf('followUpTasks', state.followUpTasks)
      .filter((t) => members.has(t.clientId) && (isDesk || t.assigneeId === actor.staffId))
      .sort((a, b) => b.dueDate.localeCompare(a.dueDate))
      .map((t) => {
        const last = t.attempts.at(-1);
        // Every outcome is logged on the record (#16): each attempt, not only the last.
        const calls = [...t.attempts]
          .sort((a, b) => a.at - b.at)
          .map((a) => ({ at: a.at, byName: state.staff[a.by]?.name ?? '', outcome: a.outcome, note: a.note, retryAt: a.retryAt }));
        return { id: t.id, rule: t.rule, dueDate: t.dueDate, state: t.state, attempts: t.attempts.length, lastOutcome: last?.outcome ?? null, lastNote: last?.note ?? '', calls };
      }),
    // Messages are the manager's (the outbox's own rule); the desk sees that they went, not what they said.
    messages: !isDesk
      ? []
      : ownedOf('outbox', state.outbox)
          .filter((m) => members.has(m.clientId))
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((m) => ({ id: m.id, kind: m.kind, purpose: m.purpose, state: m.state, at: m.sentAt ?? m.createdAt, subject: actor.role === 'manager' ? m.subject : '' })),
    referrals: referralsOf(state, group, inputs.referred ?? [], inputs.mayName ?? (() => true)),
    mergedFrom: group.slice(1).flatMap((id) => {
      const other = state.clients[id];
      return other ? [{ id, name: fullName(other) }] : [];
    }),
    sameNumber: !isDesk
      ? []
      : (inputs.links ? inputs.links.withPhone(client.phone).flatMap((id) => state.clients[id] ?? []) : Object.values(state.clients))
          .filter((c) => c.id !== client.id && c.mergedInto === undefined && !members.has(c.id) && c.phone === client.phone)
          .map((c) => ({ id: c.id, name: fullName(c) })),
    pendingMerges: isDesk ? pendingMergesOf(state, group) : [],
    changes: !isDesk
      ? []
      : ownedOf('clientChanges', state.clientChanges)
          .filter((c) => members.has(c.clientId))
          .sort((a, b) => b.at - a.at)
          .map((c) => ({ ...c, byName: state.staff[c.by]?.name ?? '' })),
    readMs: inputs.readMs,
  };
}

/**
 * The record and every record merged into it (also through a chain of merges), the kept one first. `links` answers
 * without scanning every client (the hub's ClientLinksIndex); without it the clients are scanned.
 */
export function mergeGroup(state: Readonly<HubState>, clientId: string, links?: ClientLinks): string[] {
  const group = [clientId];
  for (let i = 0; i < group.length; i++) {
    const merged = links ? links.mergedInto(group[i]!) : Object.values(state.clients).filter((c) => c.mergedInto === group[i]).map((c) => c.id);
    for (const id of merged) if (!group.includes(id)) group.push(id);
  }
  return group;
}

/** Who was merged into a record, who shares a number: looked up, not scanned (services/client-links-index.ts). */
export type ClientLinks = { mergedInto(clientId: string): readonly string[]; withPhone(phone: string): readonly string[] };

/**
 * Who referred the client (the kept record of the referrer, if that one was merged since) and whom she referred:
 * each once, by their kept record, never a record of the group itself, by name.
 */
function referralsOf(
  state: Readonly<HubState>,
  group: readonly string[],
  referred: readonly string[],
  mayName: (clientId: string) => boolean,
): ClientRecord['referrals'] {
  const members = new Set(group);
  const kept = (id: string) => {
    let client = state.clients[id];
    for (let hops = 0; client?.mergedInto !== undefined && hops < 20; hops++) client = state.clients[client.mergedInto];
    return client;
  };
  const by = group.map((id) => state.clients[id]?.referredBy ?? null).find((id) => id !== null);
  const referrer = by ? kept(by) : undefined;
  const seen = new Set<string>();
  const list: ClientRecord['referrals']['referred'] = [];
  let unnamedReferred = 0;
  for (const id of referred) {
    const client = kept(id);
    if (!client || members.has(client.id) || seen.has(client.id)) continue;
    seen.add(client.id);
    if (mayName(client.id)) list.push({ id: client.id, firstName: client.firstName, lastName: client.lastName });
    else unnamedReferred++;
  }
  list.sort((a, b) => fullName(a).localeCompare(fullName(b)));
  const referrerShown = referrer && !members.has(referrer.id) ? referrer : undefined;
  const namedBy = referrerShown !== undefined && mayName(referrerShown.id);
  return {
    referredBy: referrerShown && namedBy ? { id: referrerShown.id, firstName: referrerShown.firstName, lastName: referrerShown.lastName } : null,
    referred: list,
    unnamed: { referredBy: referrerShown !== undefined && !namedBy, referred: unnamedReferred },
  };
}
