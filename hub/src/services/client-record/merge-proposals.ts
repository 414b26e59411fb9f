import type { ClientChange, ClientRecord, MergeProposalCard } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';
import type { Projection } from '../view-projections.ts';
import type { Actor } from '../visit-access.ts';

/**
 * Merges the front desk proposed (#16), waiting for the manager. A proposal is a `merge_proposed` entry of the client
 * change log; it waits while both records exist and neither was merged into another, and no later proposal, decline
 * or merge of the same two records was logged (the latest proposal of a pair stands for it; the order of the two
 * does not matter). Nothing new is stored: the queue is read off the log, so an erasure (which removes the log
 * entries naming the client) or a merge takes a proposal out of it by itself.
 */
const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const later = (a: ClientChange, b: ClientChange): boolean => a.at > b.at || (a.at === b.at && a.id > b.id);
const PAIR_KINDS = new Set<ClientChange['kind']>(['merge_proposed', 'merge_declined', 'merge']);
/** A record as a screen names it (the tablet writes the name in its script's order). */
const personOf = (state: Readonly<HubState>, id: string) => {
  const c = state.clients[id];
  return { id, firstName: c?.firstName ?? '', lastName: c?.lastName ?? '' };
};

/**
 * The time to log a new entry about a pair at: now, or just after the pair's latest entry when the clock has not
 * moved past it (two commands in one millisecond, a fixed test clock), so the log of a pair is always in order and
 * "the latest entry" is never a tie.
 */
export function pairTime(state: Readonly<HubState>, a: string, b: string, now: number): number {
  const key = pairKey(a, b);
  let at = now;
  for (const c of Object.values(state.clientChanges)) {
    if (PAIR_KINDS.has(c.kind) && c.otherClientId !== null && pairKey(c.clientId, c.otherClientId) === key && c.at >= at) at = c.at + 1;
  }
  return at;
}

/** Both records of the entry exist and neither was merged into another. */
function unmergedPair(state: Readonly<HubState>, change: ClientChange): boolean {
  const keep = state.clients[change.clientId];
  const merge = change.otherClientId === null ? undefined : state.clients[change.otherClientId];
  return !!keep && !!merge && keep.mergedInto === undefined && merge.mergedInto === undefined;
}

/** Whether this log entry is a proposal still waiting for the manager. */
export function isPendingProposal(state: Readonly<HubState>, change: ClientChange | undefined): change is ClientChange & { otherClientId: string } {
  if (!change || change.kind !== 'merge_proposed' || change.otherClientId === null || !unmergedPair(state, change)) return false;
  const key = pairKey(change.clientId, change.otherClientId);
  for (const other of Object.values(state.clientChanges)) {
    if (other.id === change.id || !PAIR_KINDS.has(other.kind) || other.otherClientId === null) continue;
    if (pairKey(other.clientId, other.otherClientId) === key && later(other, change)) return false;
  }
  return true;
}

/** Every proposal waiting, newest first (one per pair of records). */
export function pendingProposals(state: Readonly<HubState>): (ClientChange & { otherClientId: string })[] {
  const latestByPair = new Map<string, ClientChange>();
  for (const change of Object.values(state.clientChanges)) {
    if (!PAIR_KINDS.has(change.kind) || change.otherClientId === null) continue;
    const key = pairKey(change.clientId, change.otherClientId);
    const seen = latestByPair.get(key);
    if (!seen || later(change, seen)) latestByPair.set(key, change);
  }
  // The latest entry of its pair already: it waits if it is a proposal and both records are still there, unmerged.
  return [...latestByPair.values()]
    .filter((c): c is ClientChange & { otherClientId: string } => c.kind === 'merge_proposed' && unmergedPair(state, c))
    .sort((a, b) => b.at - a.at);
}

/** The proposals waiting that name one of these records (the record shows them as pending). */
export function pendingMergesOf(state: Readonly<HubState>, group: readonly string[]): ClientRecord['pendingMerges'] {
  const members = new Set(group);
  return pendingProposals(state)
    .filter((p) => members.has(p.clientId) || members.has(p.otherClientId))
    .map((p) => {
      const otherId = members.has(p.clientId) ? p.otherClientId : p.clientId;
      return { id: p.id, other: personOf(state, otherId), at: p.at, byName: state.staff[p.by]?.name ?? '' };
    });
}

/**
 * The manager declines a proposal (#16): logged as `merge_declined` on the kept record with the reason and who, so
 * the desk reads on the record why the two stay apart. Refused when no proposal of these two records is waiting
 * (merged, declined, erased, or never proposed).
 */
export function decideDeclineMerge(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { keepId: string; mergeId: string; reason: string },
  changeId: string,
): Decision<{ declined: boolean }> | Refusal {
  if (input.keepId === input.mergeId) return refuse('invalid_input', 'merge_self');
  const key = pairKey(input.keepId, input.mergeId);
  const waiting = pendingProposals(state).find((p) => pairKey(p.clientId, p.otherClientId) === key);
  if (!waiting) return refuse('conflict', 'merge_not_proposed');
  const entry: ClientChange = {
    id: changeId,
    clientId: waiting.clientId,
    at: pairTime(state, waiting.clientId, waiting.otherClientId, now),
    by: actor.staffId,
    kind: 'merge_declined',
    fields: [],
    otherClientId: waiting.otherClientId,
    reason: input.reason.trim(),
  };
  return { changes: { clientChanges: { [changeId]: entry } }, result: { declined: true } };
}

/**
 * The ids a revision may have taken into or out of the queue: new log entries (and older proposals of the same pairs,
 * which a newer entry replaces), and the proposals naming a client merged, changed or erased in it.
 */
function touchedProposals(state: Readonly<HubState>, changes: Changes): string[] {
  const named = new Set<string>();
  for (const [id, change] of Object.entries(changes.clientChanges ?? {})) {
    named.add(id);
    if (change?.otherClientId) named.add(`client:${change.clientId}`).add(`client:${change.otherClientId}`);
  }
  for (const [id, client] of Object.entries(changes.clients ?? {})) if (!client || client.mergedInto !== undefined) named.add(`client:${id}`);
  if (named.size === 0) return [];
  const ids = [...named].filter((k) => !k.startsWith('client:'));
  for (const change of Object.values(state.clientChanges)) {
    if (change.kind !== 'merge_proposed' || change.otherClientId === null) continue;
    if (named.has(`client:${change.clientId}`) || named.has(`client:${change.otherClientId}`)) ids.push(change.id);
  }
  return ids;
}

/** The manager's queue of proposals (live view `mergeProposals`); nobody else's view ever holds one. */
export const mergeProposalsView: Projection<MergeProposalCard> = {
  ids: (a, { state }) => (a.kind === 'manager' ? pendingProposals(state).map((p) => p.id) : []),
  card: (a, id, { state }) => {
    const change = state.clientChanges[id];
    if (a.kind !== 'manager' || !isPendingProposal(state, change)) return null;
    return {
      keep: personOf(state, change.clientId),
      merge: personOf(state, change.otherClientId),
      at: change.at,
      by: change.by,
      byName: state.staff[change.by]?.name ?? '',
    };
  },
  changed: (a, { changes }, { state }) => (a.kind === 'manager' ? touchedProposals(state, changes) : []),
};
