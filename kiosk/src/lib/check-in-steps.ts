/**
 * The screens of one client's visit to the kiosk, where each may lead, and where "Back" leads from each: one table,
 * like the visit state machine (shared/src/domain/visit-machine.ts). The flow (check-in-flow.svelte.ts) moves forward
 * only along NEXT_STEPS and backward only by BACK, so a newcomer reads the whole visit here.
 *
 * Screens that are not part of a client's visit (pairing, connecting, a refused handshake) are chosen by KioskApp
 * before the visit starts and never appear here.
 */
export const STEPS = [
  'welcome',
  'phone',
  'scan',
  'identify',
  'register',
  'booking',
  'consent',
  'service',
  'review',
  'questionnaire',
  'confirm',
  'ticket',
] as const;
export type Step = (typeof STEPS)[number];

/**
 * Where each screen may lead forward. A move that is not listed is a mistake in the flow and is refused. The welcome
 * screen is reached only by forgetting the client (reset), never by a move.
 */
export const NEXT_STEPS: Readonly<Record<Step, readonly Step[]>> = {
  welcome: ['phone'],
  // "Next" under the number, or "Scan my booking QR".
  phone: ['identify', 'scan'],
  // A proven client: their booking, else the consents to ask again, else the services.
  scan: ['booking', 'consent', 'service'],
  // "I'm new here" registers; "I have been here before" goes straight to the services.
  identify: ['register', 'service'],
  register: ['consent', 'service'],
  // Check in for the booking (consents, else the consultation for the booked service) or join as a walk-in.
  booking: ['consent', 'service', 'review', 'questionnaire', 'confirm'],
  // The next consent, or after the last: the services, or the consultation for a booking.
  consent: ['consent', 'service', 'review', 'questionnaire', 'confirm'],
  service: ['review', 'questionnaire', 'confirm'],
  // "Something has changed" (a proven client), the check-in itself, or the services when none is chosen.
  review: ['questionnaire', 'ticket', 'service'],
  questionnaire: ['confirm'],
  confirm: ['service', 'ticket'],
  ticket: [],
};

export const canMove = (from: Step, to: Step): boolean => NEXT_STEPS[from].includes(to);

/** What "Back" needs to know about the client's visit so far (all of it read from the current client). */
export type BackFacts = {
  /** How the client said who they are: registering, "been here before" by phone, or proven by their booking's QR. */
  who: 'new' | 'returning' | 'proven';
  /** A proven client whose booking was shown to them (the booking screen). */
  bookingShown: boolean;
  /** The consents asked on this visit, and the one on screen. */
  consentsAsked: number;
  consentIndex: number;
  /** Checking in for the booking (its service), so no service screen was shown. */
  forBooking: boolean;
  /** "Has anything changed?" was shown for the chosen service. */
  reviewShown: boolean;
  /** The questionnaire was shown for the chosen service. */
  questionnaireShown: boolean;
  /** The services were opened again from the summary with "Change". */
  changingService: boolean;
};

/**
 * Where "Back" leads. `welcome` forgets the client (the same reset as "Start again"). `forgetIdentity` drops who the
 * client said they are and what came with it (a proven client's record and booking): whatever was said after the
 * phone number no longer holds.
 */
export type BackMove = { to: Step; consentIndex?: number; forgetIdentity?: true };

const toPhoneForgetting: BackMove = { to: 'phone', forgetIdentity: true };

/** Back from the first consent (or from what follows when none was asked): the screen before the consents. */
const beforeConsents = (f: BackFacts): BackMove =>
  f.who === 'new' ? { to: 'register' } : f.bookingShown ? { to: 'booking' } : toPhoneForgetting;

/** The last consent asked, if any was; otherwise `otherwise`. */
const lastConsentOr = (f: BackFacts, otherwise: BackMove): BackMove =>
  f.consentsAsked > 0 ? { to: 'consent', consentIndex: f.consentsAsked - 1 } : otherwise;

/** Back from the first screen of the consultation: the services, or for a booking what came before it. */
const beforeConsultation = (f: BackFacts): BackMove =>
  f.forBooking ? lastConsentOr(f, { to: 'booking' }) : { to: 'service' };

/** The one table of "Back": from each screen, given the visit so far. */
export const BACK: Readonly<Record<Step, (facts: BackFacts) => BackMove>> = {
  welcome: () => ({ to: 'welcome' }),
  phone: () => ({ to: 'welcome' }),
  scan: () => ({ to: 'phone' }),
  identify: () => ({ to: 'phone' }),
  // Back to who they are starts over at the phone number.
  register: () => toPhoneForgetting,
  booking: () => toPhoneForgetting,
  consent: (f) => (f.consentIndex > 0 ? { to: 'consent', consentIndex: f.consentIndex - 1 } : beforeConsents(f)),
  service: (f) => (f.changingService ? { to: 'confirm' } : lastConsentOr(f, beforeConsents(f))),
  review: beforeConsultation,
  questionnaire: (f) => (f.reviewShown ? { to: 'review' } : beforeConsultation(f)),
  confirm: (f) => (f.questionnaireShown ? { to: 'questionnaire' } : beforeConsultation(f)),
  // The ticket is the end of the visit: back is the next client's welcome.
  ticket: () => ({ to: 'welcome' }),
};
