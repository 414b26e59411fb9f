import {
  birthdayProblem,
  CheckInInputSchema,
  CheckInResultSchema,
  decideConsents,
  estimateWaits,
  hasBlockingFlag,
  newVisit,
  nextTicket,
  salonDay,
  transition,
  type Answers,
  type Booking,
  type Client,
  type StoredSignature,
  type Visit,
} from '@glow/shared';
import type { z } from 'zod';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { carriedAnswers, consultationAnswers } from './checkin-answers.ts';
import { floorOf } from './floor-of.ts';
import type { Decision } from './hub-engine.ts';
import { questionnaireFor } from './consultation.ts';

type KioskCheckIn = z.output<typeof CheckInInputSchema>;
/** The kiosk's check-in, or the front desk's (a new or known client by phone, no consents, no answers). */
type CheckIn = Omit<KioskCheckIn, 'answers' | 'sameAsLast'> & {
  answers?: Answers;
  sameAsLast?: boolean;
  /** At the front desk: a beautician the client asked for, and whether they would rather wait for them. */
  preferredStaffId?: string | null;
  waitForPreferred?: boolean;
};
type CheckInResult = z.output<typeof CheckInResultSchema>;

export type CheckInContext = {
  /** The salon's local date, YYYY-MM-DD: tickets restart every day. */
  today: string;
  newId: () => string;
  /** The client the phone number belongs to, if any (never a record kept apart as a duplicate). */
  existingClientId: string | undefined;
  /**
   * The front desk checks the client in by hand, face to face: a known number is that client. At the kiosk a number
   * proves nothing, so a registration with a known number is kept apart as a record of its own.
   */
  atDesk?: boolean;
  /** The client a visitor token names, if the token is genuine and unexpired (checked by the transport's key). */
  verifyVisitor?: (token: string, now: number) => string | null;
  /** The visits on the floor now (the active-visit index), for the wait estimate. */
  activeVisits: readonly Visit[];
  /**
   * The new visit's wait from the hub's derived figures (services/derived-figures.ts): read off the incremental
   * replay of the queue, exactly what a replay of the floor with it would give, without replaying the whole queue
   * for every check-in. Without it (tests), the decision replays the floor itself.
   */
  waitOf?: (visit: Visit) => number | null;
  /** Whether a client had a closed visit before (the active-visit index keeps who has): a returning client. */
  servedBefore?: (clientId: string) => boolean;
};

/**
 * A client checks in at the kiosk (or the front desk checks them in by hand), all in one decision so that nothing is
 * half-saved: who they are, their booking if they proved it, their consents against the salon's current texts,
 * their signature when a consent needs one, and their consultation answers checked again here (never trusting the
 * kiosk). The visit goes through `checked_in` into the queue; a blocking contraindication marks it `blocked`.
 *
 * Who (DESIGN §6, knowing a phone number proves nothing): a registration is always a record of its own — with a
 * known number it is kept apart as a duplicate for the desk to settle; "I have been here before" with a number
 * changes no client and answers the kiosk exactly alike for a known and an unknown number (the stored answers go to
 * the beautician to review in the room); a visitor token (the booking's QR) is the client, proven.
 */
export function decideCheckIn(
  state: Readonly<HubState>,
  now: number,
  input: CheckIn,
  ctx: CheckInContext,
): Decision<CheckInResult> | Refusal {
  // ---- who ----
  let client: Client | undefined;
  let isNew = false;
  let identityCheck: Visit['identityCheck'] = null;
  const known = ctx.existingClientId ? state.clients[ctx.existingClientId] : undefined;
  if (input.visitorToken !== undefined) {
    const id = ctx.verifyVisitor?.(input.visitorToken, now) ?? null;
    client = id ? state.clients[id] : undefined;
    if (!client) return refuse('unauthorized', 'visitor_token_invalid');
  } else if (input.returning) {
    client = known;
    identityCheck = 'returning_unproven';
    if (!client) {
      // Nothing on file for the number: the visit still needs a client, named for the desk by the number's end
      // until they ask. The kiosk is answered exactly as for a known number.
      isNew = true;
      identityCheck = 'number_not_on_file';
      client = {
        id: ctx.newId(),
        firstName: `…${input.returning.phone.slice(-4)}`,
        lastName: '',
        phone: input.returning.phone,
        language: input.language,
        createdAt: now,
      };
    }
  } else if (input.client) {
    const birthday = input.client.birthday;
    const problem = birthday ? birthdayProblem(birthday, now, state.meta.floor.timeZone) : null;
    if (problem && problem !== 'birthday_format') {
      return refuse('invalid_input', problem, undefined, [{ field: 'client.birthday', rule: problem }]);
    }
    client = ctx.atDesk ? known : undefined;
    if (!client) {
      isNew = true;
      // A kiosk registration with a number that is already a client's: the same person or a stranger, nobody can
      // tell here. A record of its own, marked for the desk; the existing client is not touched.
      const duplicateOf = known?.id;
      if (duplicateOf) identityCheck = 'duplicate_number';
      client = {
        id: ctx.newId(),
        firstName: input.client.firstName,
        lastName: input.client.lastName,
        phone: input.client.phone,
        language: input.language,
        createdAt: now,
        ...(birthday ? { birthday } : {}),
        ...(duplicateOf ? { duplicateOf } : {}),
      };
    }
  } else {
    return refuse('invalid_input');
  }

  // One person, one ticket: the client (or, for a registration, someone with the same number and first name: the
  // same person registering again) already on the floor is told so, with the ticket and nothing else. A stranger's
  // registration with the number never keeps the number's client from checking in.
  const same = (other: Client | undefined): boolean =>
    other !== undefined &&
    (other.id === client.id ||
      (input.client !== undefined &&
        other.phone === client.phone &&
        other.firstName.trim().toLocaleLowerCase() === client.firstName.trim().toLocaleLowerCase()));
  const already = ctx.activeVisits.find((v) => same(state.clients[v.clientId]));
  if (already) return refuse('conflict', 'already_checked_in', { ticket: already.ticket });

  // Only a visitor who proved who they are (a booking's QR) may use or change what the client said before.
  const verified = input.visitorToken !== undefined;
  // ---- booking ----
  let booking: Booking | undefined;
  if (input.bookingId !== undefined) {
    booking = verified ? state.bookings?.[input.bookingId] : undefined;
    if (!booking || booking.clientId !== client.id) return refuse('not_found', 'unknown_booking');
    if (booking.state !== 'booked') return refuse('conflict', 'booking_not_checkinable');
    if (salonDay(booking.startsAt, state.meta.floor.timeZone) !== ctx.today) return refuse('conflict', 'booking_not_today');
  }
  // A booked client gets the booked service, whatever the kiosk sent.
  const serviceId = booking?.serviceId ?? input.serviceId;
  const service = state.services[serviceId];
  if (!service) return refuse('invalid_input', 'unknown_service');
  const preferredStaffId = booking ? (booking.anyStaff ? null : booking.staffId) : (input.preferredStaffId ?? null);
  if (preferredStaffId !== null && !state.staff[preferredStaffId]?.active) return refuse('not_found', 'unknown_staff');

  // ---- consents and signature ----
  const consents = decideConsents(state.meta.consents ?? {}, verified ? client.consents : [], input.consents, now);
  if ('reason' in consents) {
    const params = 'kind' in consents ? { consent: `consent.kind.${consents.kind}` } : undefined;
    return refuse(consents.reason === 'consent_outdated' ? 'conflict' : 'invalid_input', consents.reason, params);
  }
  // Each signature must be for a consent granted now, and every granted consent the salon wants signed must have one
  // (terms and health both, when it asks for both). A single signature is the shape from before there could be two.
  const sigs = input.signature === undefined ? [] : Array.isArray(input.signature) ? input.signature : [input.signature];
  for (const sig of sigs) {
    if (!input.consents?.some((c) => c.kind === sig.consent && c.granted)) return refuse('invalid_input', 'signature_not_granted');
  }
  const unsigned = consents.signatureFor.find((kind) => !sigs.some((s) => s.consent === kind));
  if (unsigned) return refuse('invalid_input', 'signature_required', { consent: `consent.kind.${unsigned}` });
  const signature: StoredSignature[] | null = sigs.length ? sigs.map((s) => ({ ...s, at: now })) : null;

  // ---- consultation ----
  const questionnaire = questionnaireFor(state, serviceId);
  const consultation = input.returning
    ? // Never a refusal here: "no earlier answers" would tell the kiosk the number is unknown.
      carriedAnswers({
        questionnaire,
        category: service.category,
        client: isNew ? undefined : client,
        sameAsLast: input.sameAsLast ?? false,
        today: ctx.today,
      })
    : consultationAnswers({
        questionnaire,
        category: service.category,
        client,
        isNew: isNew || !verified,
        answers: input.answers ?? {},
        sameAsLast: input.sameAsLast ?? false,
        healthConsent: consents.health,
        // Callers from before consents (the desk, old kiosks) keep the old rules: answers checked, none required.
        strict: input.consents !== undefined,
        today: ctx.today,
        language: input.language,
      });
  if ('code' in consultation) return consultation;
  const { answers, inPerson } = consultation;
  const answersToReview = 'toReview' in consultation && consultation.toReview === true;
  // Old-shape callers keep the old floor rules (assigned, but the plan cannot be confirmed while the answers block);
  // the kiosk's flow, which always sends consents, holds a blocked client back from assignment until an override.
  const blocked = input.consents !== undefined && hasBlockingFlag(questionnaire, answers, ctx.today);

  // ---- records ----
  // Declining the health consent deletes the answers stored for the client, as its text says.
  const declinedHealth = consents.records.some((r) => r.kind === 'health' && !r.granted);
  const { lastAnswers: _dropped, ...withoutAnswers } = client;
  const updated: Client = {
    ...(declinedHealth ? withoutAnswers : client),
    ...(consents.records.length ? { consents: [...(client.consents ?? []), ...consents.records] } : {}),
    ...(questionnaire && Object.keys(answers).length && !input.sameAsLast
      ? {
          lastAnswers: {
            ...(client.lastAnswers ?? {}),
            [service.category]: { questionnaireId: questionnaire.id, version: questionnaire.version, answers, at: now },
          },
        }
      : {}),
  };
  // "I have been here before" changes no client: only the record made for a number nothing was on file for.
  const clients: Record<string, Client> = input.returning
    ? isNew
      ? { [client.id]: client }
      : {}
    : isNew || declinedHealth || updated.consents !== client.consents || updated.lastAnswers !== client.lastAnswers
      ? { [client.id]: updated }
      : {};

  const { ticket, counter } = nextTicket(state.meta.ticket, ctx.today);
  const queued = transition('checked_in', 'queue');
  if (!queued.ok) return refuse('conflict', 'illegal_transition');
  const visit: Visit = {
    ...newVisit({ id: ctx.newId(), ticket, clientId: client.id, serviceId, language: input.language, at: now }),
    state: queued.state,
    times: { checked_in: now, queued: now },
    answers,
    preferredStaffId,
    waitForPreferred: booking ? preferredStaffId !== null : preferredStaffId !== null && (input.waitForPreferred ?? false),
    ...(booking ? { kind: 'booked' as const, dueAt: booking.startsAt } : {}),
    blocked,
    returningClient: ctx.servedBefore?.(client.id) ?? false,
    identityCheck,
    answersToReview,
    saysBooked: input.returning?.saysBooked ?? false,
    // The desk asks no health questions: the beautician runs the consultation in the room.
    consultationInPerson: inPerson || ctx.atDesk === true,
    signature,
  };
  const changes: Changes = { clients, visits: { [visit.id]: visit }, meta: { ticket: counter } };
  if (booking) changes.bookings = { [booking.id]: { ...booking, state: 'checked_in', visitId: visit.id } };

  // A blocked client waits for the manager, not the queue: the front desk tells them the wait.
  const estimateMin = blocked
    ? null
    : ctx.waitOf
      ? ctx.waitOf(visit)
      : (estimateWaits(floorOf(state, [...ctx.activeVisits, visit]), now, state.meta.floor).byVisit.get(visit.id) ?? null);
  return {
    changes,
    // A registration answers with the name the person typed, a returning number with none: a kiosk must not reveal
    // who owns a phone number. A visitor who scanned their booking's QR proved who they are: their own first name.
    result: { visitId: visit.id, ticket, firstName: input.returning ? null : (input.client?.firstName ?? client.firstName), estimateMin },
  };
}
