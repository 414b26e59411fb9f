import {
  alreadyOnFloor,
  carriedAnswers,
  checkedInClient,
  checkedInVisit,
  consultationAnswers,
  decideCheckInService,
  decideConsentStep,
  deskWho,
  estimateWaits,
  isRefusal,
  kioskWho,
  nextTicket,
  type CheckInAnswers,
  type CheckInInputSchema,
  type CheckInResultSchema,
  type CheckInService,
  type CheckInWho,
  type ConsentStep,
  type DeskCheckInInputSchema,
  type Refusal,
  type StoredSignature,
  type Visit,
  type WhoContext,
} from '@glow/shared';
import type { z } from 'zod';
import type { Changes, HubState } from '../store/hub-state.ts';
import { floorOf } from './floor-of.ts';
import type { Decision } from './hub-engine.ts';
import { questionnaireFor } from './consultation.ts';

type KioskCheckIn = z.output<typeof CheckInInputSchema>;
type DeskCheckIn = z.output<typeof DeskCheckInInputSchema>;
type CheckInResult = z.output<typeof CheckInResultSchema>;

export type CheckInContext = {
  /** The salon's local date, YYYY-MM-DD: tickets restart every day. */
  today: string;
  newId: () => string;
  /** The client the phone number belongs to, if any (never a record kept apart as a duplicate). */
  existingClientId: string | undefined;
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
 * A client checks in at the kiosk, all in one decision so that nothing is half-saved: who they are, their booking if
 * they proved it, their consents against the salon's current texts with their signatures, and their consultation
 * answers checked again here (never trusting the kiosk). Each step is a pure function in shared/src/domain/check-in.
 * A blocking contraindication marks the visit `blocked` (held back from assignment until a manager overrides it).
 */
export function decideKioskCheckIn(
  state: Readonly<HubState>,
  now: number,
  input: KioskCheckIn,
  ctx: CheckInContext,
): Decision<CheckInResult> | Refusal {
  const token = input.visitorToken;
  const who = kioskWho(input, whoContext(state, now, input.language, ctx), token === undefined ? null : (ctx.verifyVisitor?.(token, now) ?? null));
  if (isRefusal(who)) return who;
  const what = checkInFor(state, ctx, who, input.client !== undefined, { bookingId: input.bookingId, serviceId: input.serviceId, preferredStaffId: null });
  if (isRefusal(what)) return what;
  const returning = input.returning !== undefined;
  // A phone number alone proves nothing: it is asked no consents (the schema holds its list empty) and stores none.
  const history = who.verified ? who.client.consents : [];
  const consent = returning ? NO_CONSENT_STEP : decideConsentStep(state.meta.consents ?? {}, history, input.consents, input.signature ?? [], now);
  if (isRefusal(consent)) return consent;
  const questionnaire = questionnaireFor(state, what.service.id);
  const category = what.service.category;
  const known = { questionnaire, category, today: ctx.today, sameAsLast: input.sameAsLast };
  // A blocking answer holds the client on every path: the consultation step decides `blocked` from the answers alone.
  const consultation = returning
    ? carriedAnswers({ ...known, client: who.isNew ? undefined : who.client })
    : consultationAnswers({ ...known, client: who.client, isNew: who.isNew || !who.verified, answers: input.answers, healthConsent: consent.health, language: input.language });
  if (isRefusal(consultation)) return consultation;
  const client = checkedInClient(who, returning, now, { consentRecords: consent.records, answers: consultation.answers, sameAsLast: input.sameAsLast, questionnaire, category });
  return completeCheckIn(state, now, ctx, { input, who, what, consultation, client, signature: consent.signature }, {
    blocked: consultation.blocked,
    // The number proved nothing: the kiosk's answer must not tell whether its owner's answers on file hold them.
    tellHeld: !returning,
    saysBooked: input.returning?.saysBooked ?? false,
    waitForPreferred: what.booking !== undefined && what.preferredStaffId !== null,
    inPerson: consultation.inPerson,
    // A registration answers with the name the person typed, a returning number with none: a kiosk must not reveal
    // who owns a phone number. A visitor who scanned their booking's QR proved who they are: their own first name.
    firstName: returning ? null : (input.client?.firstName ?? who.client.firstName),
  });
}

/** A `returning` check-in's consent step: nothing asked, nothing recorded (its answers are carried, not taken). */
const NO_CONSENT_STEP: ConsentStep = { records: [], health: false, signatureFor: [], signature: null };

/**
 * The front desk checks a client in by hand, face to face: a known number is that client; no consents or answers
 * are taken here (the desk keeps consents on paper, and the beautician runs the consultation in the room).
 */
export function decideDeskCheckIn(
  state: Readonly<HubState>,
  now: number,
  input: DeskCheckIn,
  ctx: CheckInContext,
): Decision<CheckInResult> | Refusal {
  const who = deskWho(input.client, whoContext(state, now, input.language, ctx));
  const what = checkInFor(state, ctx, who, true, { bookingId: undefined, serviceId: input.serviceId, preferredStaffId: input.preferredStaffId });
  if (isRefusal(what)) return what;
  const consultation: CheckInAnswers = { answers: {}, inPerson: true, toReview: false, blocked: false };
  const client = who.isNew ? who.client : null;
  return completeCheckIn(state, now, ctx, { input, who, what, consultation, client, signature: null }, {
    blocked: false,
    tellHeld: true,
    saysBooked: false,
    waitForPreferred: what.preferredStaffId !== null && input.waitForPreferred,
    inPerson: true,
    firstName: input.client.firstName,
  });
}

function whoContext(state: Readonly<HubState>, now: number, language: KioskCheckIn['language'], ctx: CheckInContext): WhoContext {
  return { clients: state.clients, now, timeZone: state.meta.floor.timeZone, language, newId: ctx.newId, existingClientId: ctx.existingClientId };
}

/** Not already on the floor (one person, one ticket), then the booking, service and beautician. */
function checkInFor(
  state: Readonly<HubState>,
  ctx: CheckInContext,
  who: CheckInWho,
  typedByHand: boolean,
  request: { bookingId: string | undefined; serviceId: string; preferredStaffId: string | null },
): CheckInService | Refusal {
  // Only visits of this client, or of a client with the same number, can be the same person (alreadyOnFloor's rule):
  // the rest of a long queue is passed over without building a record per visit (was O(queue) objects per check-in).
  const phone = who.client.phone;
  const onFloor: { ticket: string; client: HubState['clients'][string] | undefined }[] = [];
  for (const v of ctx.activeVisits) {
    if (v.clientId !== who.client.id && !(typedByHand && state.clients[v.clientId]?.phone === phone)) continue;
    onFloor.push({ ticket: v.ticket, client: state.clients[v.clientId] });
  }
  const twice = alreadyOnFloor(who.client, typedByHand, onFloor);
  if (twice) return twice;
  const { client, verified } = who;
  return decideCheckInService(state, { ...request, client, verified, today: ctx.today, timeZone: state.meta.floor.timeZone });
}

type Steps = {
  input: { language: KioskCheckIn['language'] };
  who: CheckInWho;
  what: CheckInService;
  consultation: CheckInAnswers;
  client: HubState['clients'][string] | null;
  signature: StoredSignature[] | null;
};
type Outcome = { blocked: boolean; tellHeld: boolean; saysBooked: boolean; waitForPreferred: boolean; inPerson: boolean; firstName: string | null };

/** The day's next ticket, the visit in the queue, the booking checked in, and the wait to tell the client. */
function completeCheckIn(
  state: Readonly<HubState>,
  now: number,
  ctx: CheckInContext,
  { input, who, what, consultation, client, signature }: Steps,
  outcome: Outcome,
): Decision<CheckInResult> | Refusal {
  const { ticket, counter } = nextTicket(state.meta.ticket, ctx.today);
  const identity = { id: ctx.newId(), ticket, clientId: who.client.id, serviceId: what.service.id, language: input.language };
  const visit = checkedInVisit(identity, now, {
    answers: consultation.answers,
    preferredStaffId: what.preferredStaffId,
    waitForPreferred: outcome.waitForPreferred,
    booking: what.booking,
    blocked: outcome.blocked,
    returningClient: ctx.servedBefore?.(who.client.id) ?? false,
    identityCheck: who.identityCheck,
    answersToReview: consultation.toReview,
    saysBooked: outcome.saysBooked,
    consultationInPerson: outcome.inPerson,
    signature,
  });
  if (isRefusal(visit)) return visit;
  const changes: Changes = { clients: client ? { [client.id]: client } : {}, visits: { [visit.id]: visit }, meta: { ticket: counter } };
  const { booking } = what;
  if (booking) changes.bookings = { [booking.id]: { ...booking, state: 'checked_in', visitId: visit.id } };
  // A blocked client waits for the manager, not the queue: the front desk tells them the wait. A phone-only check-in
  // is told the queue's wait either way, as if nothing held it (its answers are the number owner's, not shown here).
  const queued = outcome.tellHeld ? visit : { ...visit, blocked: false };
  const estimateMin =
    outcome.blocked && outcome.tellHeld
      ? null
      : ctx.waitOf
        ? ctx.waitOf(queued)
        : (estimateWaits(floorOf(state, [...ctx.activeVisits, queued]), now, state.meta.floor).byVisit.get(visit.id) ?? null);
  return { changes, result: { visitId: visit.id, ticket, firstName: outcome.firstName, estimateMin } };
}
