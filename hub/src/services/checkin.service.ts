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
import { consultationAnswers } from './checkin-answers.ts';
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
  /** An existing client with this phone number, if any (registration by phone). */
  existingClientId: string | undefined;
  /** The client a visitor token names, if the token is genuine and unexpired (checked by the transport's key). */
  verifyVisitor?: (token: string, now: number) => string | null;
  /** The visits on the floor now (the active-visit index), for the wait estimate. */
  activeVisits: readonly Visit[];
  /**
   * The wait a new walk-in for a service has, as last published. A walk-in joins the back of the queue, so this is
   * its estimate: reading it saves replaying the whole queue once more for every check-in. (A client who asked for
   * a particular beautician, or a booked one, is still estimated by a replay.)
   */
  walkInWait?: (serviceId: string) => number | null | undefined;
};

/**
 * A client checks in at the kiosk (or the front desk checks them in by hand), all in one decision so that nothing is
 * half-saved: who they are (a new registration, a phone already known — attached without saying so — or a visitor
 * token from a confirmed name), their booking if they have one today, their consents against the salon's current
 * texts, their signature when a consent needs one, and their consultation answers checked again here (never trusting
 * the kiosk). The visit goes through `checked_in` into the queue; a blocking contraindication marks it `blocked`.
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
  if (input.visitorToken !== undefined) {
    const id = ctx.verifyVisitor?.(input.visitorToken, now) ?? null;
    client = id ? state.clients[id] : undefined;
    if (!client) return refuse('unauthorized', 'visitor_token_invalid');
  } else if (input.client) {
    const birthday = input.client.birthday;
    const problem = birthday ? birthdayProblem(birthday, now, state.meta.floor.timeZone) : null;
    if (problem && problem !== 'birthday_format') {
      return refuse('invalid_input', problem, undefined, [{ field: 'client.birthday', rule: problem }]);
    }
    client = ctx.existingClientId ? state.clients[ctx.existingClientId] : undefined;
    if (!client) {
      isNew = true;
      client = {
        id: ctx.newId(),
        firstName: input.client.firstName,
        lastName: input.client.lastName,
        phone: input.client.phone,
        language: input.language,
        createdAt: now,
        ...(birthday ? { birthday } : {}),
      };
    }
  } else {
    return refuse('invalid_input');
  }

  // Only a visitor who proved who they are (a confirmed name or a booking's QR) may use what the client said before:
  // a registration with a known number is treated exactly like a new one, or the answer would tell whose it is.
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
  const consultation = consultationAnswers({
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
  // Old-shape callers keep the old floor rules (assigned, but the plan cannot be confirmed while the answers block);
  // the kiosk's flow, which always sends consents, holds a blocked client back from assignment until an override.
  const blocked = input.consents !== undefined && hasBlockingFlag(questionnaire, answers, ctx.today);

  // ---- records ----
  const updated: Client = {
    ...client,
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
  const clients: Record<string, Client> = isNew || updated.consents !== client.consents || updated.lastAnswers !== client.lastAnswers
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
    consultationInPerson: inPerson,
    signature,
  };
  const changes: Changes = { clients, visits: { [visit.id]: visit }, meta: { ticket: counter } };
  if (booking) changes.bookings = { [booking.id]: { ...booking, state: 'checked_in', visitId: visit.id } };

  const published = preferredStaffId === null && !booking ? ctx.walkInWait?.(visit.serviceId) : undefined;
  // A blocked client waits for the manager, not the queue: the front desk tells them the wait.
  const estimateMin = blocked
    ? null
    : published !== undefined
      ? published
      : (estimateWaits(floorOf(state, [...ctx.activeVisits, visit]), now, state.meta.floor).byVisit.get(visit.id) ?? null);
  return {
    changes,
    // A registration answers with the name the person typed, never the stored one: a kiosk must not reveal who owns
    // a phone number. A confirmed visitor proved who they are, so their own first name is fine.
    result: { visitId: visit.id, ticket, firstName: input.client?.firstName ?? client.firstName, estimateMin },
  };
}
