import type { Client, KioskClientInput } from '../../schemas/client.schema.ts';
import type { Language } from '../../schemas/common.schema.ts';
import type { ReturningVisitor } from '../../schemas/kiosk-identity.schema.ts';
import type { Visit } from '../../schemas/visit.schema.ts';
import { birthdayProblem } from '../birthday.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** Who is checking in, as the first step of a check-in decided it. */
export type CheckInWho = {
  client: Client;
  /** A client record made by this check-in (a registration, or a number nothing was on file for). */
  isNew: boolean;
  /** What the desk must settle in person (see the visit's `identityCheck`). */
  identityCheck: Visit['identityCheck'];
  /** Proven (a booking's QR): only then may the check-in use or change what the client said before. */
  verified: boolean;
};

export type WhoContext = {
  clients: Readonly<Record<string, Client>>;
  now: number;
  timeZone: string;
  language: Language;
  newId: () => string;
  /** The client the phone number belongs to, if any (never a record kept apart as a duplicate). */
  existingClientId: string | undefined;
};

/** The kiosk's identity: exactly one of a registration, "I have been here before" or a booking's QR (schema-checked). */
export type KioskIdentity = {
  client?: { firstName: string; lastName: string; phone: string; birthday?: KioskClientInput['birthday'] } | undefined;
  returning?: { phone: string; saysBooked?: ReturningVisitor['saysBooked'] } | undefined;
  visitorToken?: string | undefined;
};

/**
 * Who checks in at the kiosk (DESIGN §6, knowing a phone number proves nothing): a visitor token (the booking's QR)
 * is the client, proven; "I have been here before" with a number changes no client and is answered alike for a known
 * and an unknown number; a registration is always a record of its own, kept apart as a duplicate when its number is
 * already a client's. `clientOfToken` is the client a genuine, unexpired token names (checked under the hub's key).
 */
export function kioskWho(identity: KioskIdentity, ctx: WhoContext, clientOfToken: string | null): CheckInWho | Refusal {
  const known = ctx.existingClientId ? ctx.clients[ctx.existingClientId] : undefined;
  if (identity.visitorToken !== undefined) {
    const client = clientOfToken ? ctx.clients[clientOfToken] : undefined;
    if (!client) return refuse('unauthorized', 'visitor_token_invalid');
    return { client, isNew: false, identityCheck: null, verified: true };
  }
  if (identity.returning) {
    if (known) return { client: known, isNew: false, identityCheck: 'returning_unproven', verified: false };
    // Nothing on file for the number: the visit still needs a client, named for the desk by the number's end until
    // they ask. The kiosk is answered exactly as for a known number.
    const { phone } = identity.returning;
    const client = { id: ctx.newId(), firstName: `…${phone.slice(-4)}`, lastName: '', phone, language: ctx.language, createdAt: ctx.now, referredBy: null };
    return { client, isNew: true, identityCheck: 'number_not_on_file', verified: false };
  }
  if (!identity.client) return refuse('invalid_input');
  const birthday = identity.client.birthday;
  const problem = birthday ? birthdayProblem(birthday, ctx.now, ctx.timeZone) : null;
  if (problem && problem !== 'birthday_format') {
    return refuse('invalid_input', problem, undefined, [{ field: 'client.birthday', rule: problem }]);
  }
  // A registration with a number that is already a client's: the same person or a stranger, nobody can tell here.
  // A record of its own, marked for the desk; the existing client is not touched.
  const duplicateOf = known?.id;
  const client: Client = {
    ...newClient(identity.client, ctx),
    ...(birthday ? { birthday } : {}),
    ...(duplicateOf ? { duplicateOf } : {}),
  };
  return { client, isNew: true, identityCheck: duplicateOf ? 'duplicate_number' : null, verified: false };
}

/** Who the front desk checks in, face to face: a known number is that client; otherwise a new one. */
export function deskWho(person: { firstName: string; lastName: string; phone: string }, ctx: WhoContext): CheckInWho {
  const known = ctx.existingClientId ? ctx.clients[ctx.existingClientId] : undefined;
  if (known) return { client: known, isNew: false, identityCheck: null, verified: false };
  return { client: newClient(person, ctx), isNew: true, identityCheck: null, verified: false };
}

function newClient(person: { firstName: string; lastName: string; phone: string }, ctx: WhoContext): Client {
  const { firstName, lastName, phone } = person;
  return { id: ctx.newId(), firstName, lastName, phone, language: ctx.language, createdAt: ctx.now, referredBy: null };
}

/**
 * One person, one ticket: the client (or, for a registration typed by hand, someone with the same number and first
 * name: the same person registering again) already on the floor is told so, with the ticket and nothing else. A
 * stranger's registration with the number never keeps the number's client from checking in.
 */
export function alreadyOnFloor(
  client: Client,
  typedByHand: boolean,
  onFloor: ReadonlyArray<{ ticket: string; client: Client | undefined }>,
): Refusal | null {
  const name = (c: Client) => c.firstName.trim().toLocaleLowerCase();
  const same = (other: Client | undefined): boolean =>
    other !== undefined && (other.id === client.id || (typedByHand && other.phone === client.phone && name(other) === name(client)));
  const already = onFloor.find((v) => same(v.client));
  return already ? refuse('conflict', 'already_checked_in', { ticket: already.ticket }) : null;
}
