import {
  birthdayProblem,
  canonicalPhone,
  formatPersonName,
  phoneCountryOf,
  type Client,
  type ClientChange,
  type ClientEditField,
  type ClientEditInput,
} from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { followUpMerge } from '../follow-ups/follow-up-erasure.ts';
import { referralRefusal } from './referral-problem.ts';
import { aheadOfMerge } from './merge-ahead.ts';
import { pairTime } from './merge-proposals.ts';
import type { Decision } from '../hub-engine.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Actor } from '../visit-access.ts';

type Edit = NonNullable<ClientEditInput['changes']>;

/** A field's value as the log keeps it (text, or null for none). */
const logged = (client: Client, field: ClientEditField): string | null => {
  const value = client[field];
  return value === undefined || value === null ? null : String(value);
};

/**
 * The front desk corrects a client's details (#16): name, phone (canonical E.164 with the salon's country; refused
 * when it cannot exist or already belongs to another client, whose name the desk is told), birthday (a real date,
 * not in the future, not over 120 years ago), notes, language, e-mail (where messages go), and who referred her (not
 * herself, a merged record nor a loop: referral-problem.ts). Only fields that really change are written and
 * logged, each with its value before and after, who and when. A merged-away record is not edited (edit the kept one).
 */
export function decideClientEdit(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { clientId: string; changes: Edit },
  phoneOwner: (phone: string) => string | undefined,
  changeId: string,
): Decision<{ clientId: string; changed: string[] }> | Refusal {
  const client = state.clients[input.clientId];
  if (!client) return refuse('not_found', 'unknown_client');
  if (client.mergedInto !== undefined) return refuse('conflict', 'client_merged');
  const next: Client = { ...client };
  const changes = { ...input.changes };
  if (changes.phone !== undefined) {
    const canonical = canonicalPhone(changes.phone, phoneCountryOf(state.meta.salon));
    if (!canonical.ok) return refuse('invalid_input', canonical.rule, undefined, [{ field: 'phone', rule: canonical.rule }]);
    const owner = phoneOwner(canonical.phone);
    if (owner !== undefined && owner !== client.id) {
      const other = state.clients[owner];
      // The owner is the kept person when the number was a record's merged into hers (ClientIndex.find).
      return refuse('conflict', 'client_phone_taken', { name: other ? formatPersonName(other) : owner }, [
        { field: 'phone', rule: 'phone_taken' },
      ]);
    }
    next.phone = canonical.phone;
  }
  if (changes.birthday !== undefined) {
    if (changes.birthday === null) delete next.birthday;
    else {
      const found = birthdayProblem(changes.birthday, now, state.meta.floor.timeZone);
      // The kiosk's words speak to the client ("Your birthday…"); the desk is told about the client's birthday.
      const problem = found === 'birthday_future' ? 'desk_birthday_future' : found;
      if (problem) return refuse('invalid_input', problem, undefined, [{ field: 'birthday', rule: problem }]);
      next.birthday = changes.birthday;
    }
  }
  if (changes.firstName !== undefined) next.firstName = changes.firstName;
  if (changes.lastName !== undefined) next.lastName = changes.lastName;
  if (changes.language !== undefined) next.language = changes.language;
  if (changes.notes !== undefined) {
    if (changes.notes === '') delete next.notes;
    else next.notes = changes.notes;
  }
  if (changes.email !== undefined) {
    if (changes.email === null) delete next.email;
    else next.email = changes.email;
  }
  if (changes.referredBy !== undefined) {
    const refusal = changes.referredBy === null ? null : referralRefusal(state, client.id, changes.referredBy);
    if (refusal) return refusal;
    next.referredBy = changes.referredBy;
  }
  const fields = (Object.keys(changes) as ClientEditField[])
    .map((field) => ({ field, from: logged(client, field), to: logged(next, field) }))
    .filter((f) => f.from !== f.to);
  if (fields.length === 0) return { changes: {}, result: { clientId: client.id, changed: [] } };
  const entry: ClientChange = { id: changeId, clientId: client.id, at: now, by: actor.staffId, kind: 'edit', fields, otherClientId: null };
  return {
    changes: { clients: { [client.id]: next }, clientChanges: { [changeId]: entry } },
    result: { clientId: client.id, changed: fields.map((f) => f.field) },
  };
}

function mergePair(state: Readonly<HubState>, keepId: string, mergeId: string): { keep: Client; merge: Client } | Refusal {
  if (keepId === mergeId) return refuse('invalid_input', 'merge_self');
  const keep = state.clients[keepId];
  const merge = state.clients[mergeId];
  if (!keep || !merge) return refuse('not_found', 'unknown_client');
  if (keep.mergedInto !== undefined || merge.mergedInto !== undefined) return refuse('conflict', 'client_merged');
  return { keep, merge };
}

/** The desk proposes that two records are one person: logged on the kept record for the manager to confirm. */
export function decideProposeMerge(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { keepId: string; mergeId: string },
  changeId: string,
): Decision<{ proposed: boolean }> | Refusal {
  const pair = mergePair(state, input.keepId, input.mergeId);
  if ('code' in pair) return pair;
  const at = pairTime(state, input.keepId, input.mergeId, now);
  const entry: ClientChange = { id: changeId, clientId: input.keepId, at, by: actor.staffId, kind: 'merge_proposed', fields: [], otherClientId: input.mergeId };
  return { changes: { clientChanges: { [changeId]: entry } }, result: { proposed: true } };
}

/**
 * The manager merges `mergeId` into `keepId` (#16). Nothing is moved or lost: the merged record stays with every
 * visit, booking, complaint and task that names it and points to the kept one (`mergedInto`), which shows them all
 * (client-record.ts `mergeGroup`); records merged into it earlier follow. The kept record gains the merged one's
 * consents (every choice with its version, in time order), its birthday and notes when it had none, and its latest
 * consultation answers per category when newer. Refused: a record with itself, an unknown id, a record already merged.
 */
export function decideClientMerge(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { keepId: string; mergeId: string },
  changeId: string,
): Decision<{ keptId: string }> | Refusal {
  const pair = mergePair(state, input.keepId, input.mergeId);
  if ('code' in pair) return pair;
  const { keep, merge } = pair;
  const consents = [...(keep.consents ?? []), ...(merge.consents ?? [])].sort((a, b) => a.at - b.at).slice(-500);
  const lastAnswers = { ...(merge.lastAnswers ?? {}) };
  for (const [category, answers] of Object.entries(keep.lastAnswers ?? {})) {
    const theirs = lastAnswers[category as keyof typeof lastAnswers];
    if (answers && (!theirs || answers.at >= theirs.at)) lastAnswers[category as keyof typeof lastAnswers] = answers;
  }
  const kept: Client = { ...keep, consents };
  if (Object.keys(lastAnswers).length > 0) kept.lastAnswers = lastAnswers;
  if (!kept.birthday && merge.birthday) kept.birthday = merge.birthday;
  if (!kept.notes && merge.notes) kept.notes = merge.notes;
  if (!kept.email && merge.email) kept.email = merge.email;
  // Who referred the merged record, when the kept one names nobody (and it is not the kept record itself).
  if (kept.referredBy === null && merge.referredBy !== null && merge.referredBy !== keep.id) kept.referredBy = merge.referredBy;
  // The kept record now owns the number it was a kiosk duplicate of.
  if (kept.duplicateOf === merge.id) delete kept.duplicateOf;
  const clients: Record<string, Client> = { [keep.id]: kept, [merge.id]: { ...merge, mergedInto: keep.id } };
  for (const other of Object.values(state.clients)) {
    if (other.mergedInto === merge.id) clients[other.id] = { ...other, mergedInto: keep.id };
    else if (other.duplicateOf === merge.id && other.id !== keep.id) clients[other.id] = { ...other, duplicateOf: keep.id };
  }
  const entry: ClientChange = { id: changeId, clientId: keep.id, at: pairTime(state, keep.id, merge.id, now), by: actor.staffId, kind: 'merge', fields: [], otherClientId: merge.id };
  // Her follow-up calls move to the kept record, so no rule calls her twice and the call history stays whole.
  const tasks = followUpMerge(state, merge.id, keep.id);
  // What is still to come moves too: her bookings not yet taken (the board, the reminders and the day-before call name
  // the kept record) and her messages still waiting (they go to the kept record's address). The past stays where it
  // is and is gathered at read time (mergeGroup).
  const ahead = aheadOfMerge(state, merge.id, keep.id);
  return { changes: { ...tasks, ...ahead, clients, clientChanges: { [changeId]: entry } }, result: { keptId: keep.id } };
}

/**
 * A client's erasure removes the change log of her record (who corrected what, merges), as the follow-up and outbox
 * erasures remove theirs; whoever erases a client merges these changes into the same command.
 */
export function clientChangesErasure(state: Readonly<Pick<HubState, 'clientChanges'>>, clientId: string): Changes {
  const removed: Record<string, null> = {};
  for (const change of Object.values(state.clientChanges)) {
    if (change.clientId === clientId || change.otherClientId === clientId) removed[change.id] = null;
  }
  return Object.keys(removed).length > 0 ? { clientChanges: removed } : {};
}
