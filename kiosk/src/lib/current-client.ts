import type { AppError, Answers, ConsentChoice, ConsentText, KnownVisitor, Language, Signature, TodayBooking } from '@glow/shared';
import type { Step } from './check-in-steps.ts';
import type { CheckInResult } from './hub-connection.svelte.ts';
import type { KioskMessageKey } from './i18n/translate.ts';
import { emptyBirthday, type BirthdayParts } from './person.ts';
import type { QuestionProblem } from './questionnaire-form.ts';

export type Intent = 'walk_in' | 'booking';

/** A message for the client: a key of the kiosk's catalogue, or the hub's own words in the language it wrote them. */
export type Notice = { key: KioskMessageKey; params?: Record<string, string | number> } | { error: AppError; language: Language };

export type Ticket = CheckInResult & {
  blocked: boolean;
  inPerson: boolean;
  serviceId: string;
  /** A phone-only check-in that said nothing has changed: the beautician goes through the stored answers in the room. */
  review: boolean;
  /** A phone-only check-in for a booking: the front desk matches it. */
  saysBooked: boolean;
};

/**
 * Everything the kiosk holds about the client in front of it, in one object. The flow never changes it in place: each
 * change makes a new object, and "Start again", the idle timeout and the end of a visit replace it with `newClient()`,
 * so forgetting a client is structural: a field added here is forgotten with the rest, with no list to keep.
 */
export type CurrentClient = Readonly<{
  /** The screen they are on (see check-in-steps.ts). */
  step: Step;
  intent: Intent;
  phone: string;
  /** "I have been here before", phone number only: nothing is asked or shown of the record (DESIGN §6). */
  returning: boolean;
  /** A client who proved who they are by their booking's QR. */
  visitor: KnownVisitor | null;
  /** A new client's details. */
  firstName: string;
  lastName: string;
  birthday: BirthdayParts;
  /** Whether the registration's field problems are shown (after "Next"). */
  showProblems: boolean;
  /** The consent texts to ask, in order, captured when the client was identified (a text edited meanwhile is not mixed in). */
  consentTexts: readonly ConsentText[];
  consentIndex: number;
  consentChoices: readonly ConsentChoice[];
  /** The signatures drawn, one per signable consent (the salon may ask for both terms and health). */
  signatures: Readonly<Partial<Record<Signature['consent'], Signature>>>;
  serviceId: string | null;
  /** Today's booking of a proven client, as the hub found it. */
  booking: TodayBooking | null;
  /** Whether this check-in is for the booking (false once a late client chose to join as a walk-in). */
  useBooking: boolean;
  /** The services were opened again from the summary ("Change"): "Back" returns to the summary. */
  changingService: boolean;
  answers: Answers;
  /** Problems per question id, shown after "Next". */
  questionProblems: ReadonlyMap<string, QuestionProblem>;
  /** A command for this client is on its way to the hub. */
  busy: boolean;
  notice: Notice | null;
  result: Ticket | null;
}>;

/** The client who has not tapped anything yet: the welcome screen, nothing known. */
export function newClient(): CurrentClient {
  return {
    step: 'welcome',
    intent: 'walk_in',
    phone: '',
    returning: false,
    visitor: null,
    firstName: '',
    lastName: '',
    birthday: emptyBirthday(),
    showProblems: false,
    consentTexts: [],
    consentIndex: 0,
    consentChoices: [],
    signatures: {},
    serviceId: null,
    booking: null,
    useBooking: false,
    changingService: false,
    answers: {},
    questionProblems: new Map(),
    busy: false,
    notice: null,
    result: null,
  };
}
