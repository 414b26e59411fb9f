import {
  hasBlockingFlag,
  type Ack,
  type AppError,
  type Answers,
  type ConsentChoice,
  type ConsentText,
  type KioskView,
  type KnownVisitor,
  type Language,
  type Questionnaire,
  type Service,
  type Signature,
  type TodayBooking,
} from '@glow/shared';
import { consentsToAsk, healthConsented } from './consents.ts';
import type { CheckInInput, CheckInResult } from './hub-connection.svelte.ts';
import { isKioskMessageKey, type KioskMessageKey, type KioskTranslate } from './i18n/translate.ts';
import {
  emptyBirthday,
  nameProblem,
  normalizePhone,
  parseBirthday,
  phoneProblem,
  type BirthdayParts,
  type NameProblem,
} from './person.ts';
import { answersToSend, canReuse, questionnaireProblems, today, type QuestionProblem } from './questionnaire-form.ts';

export type Step =
  | 'welcome'
  | 'phone'
  | 'scan'
  | 'identify'
  | 'register'
  | 'consent'
  | 'booking'
  | 'service'
  | 'review'
  | 'questionnaire'
  | 'confirm'
  | 'ticket';

export type Intent = 'walk_in' | 'booking';

/** What the flow needs from the hub; every call goes through the outbox (same commandId on every retry). */
export type KioskHub = {
  confirmByToken(token: string): Promise<Ack<KnownVisitor>>;
  checkIn(input: CheckInInput): Promise<Ack<CheckInResult>>;
};

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

export type RegisterField = 'firstName' | 'lastName' | 'birthday';

/**
 * One client's visit to the kiosk, from the welcome screen to the ticket: who they are (a new registration with
 * consents; "I have been here before" with the phone number only, which the kiosk never checks and which shows
 * nothing of the stored record; or their booking's QR, the one proof the kiosk takes), what they came for (a booking
 * or a walk-in service), the consultation, and the one `visit:checkIn` command that saves all of it. Everything it holds about the client lives here and in
 * the components it feeds; `reset()` forgets all of it.
 */
export class CheckInFlow {
  step = $state<Step>('welcome');
  intent = $state<Intent>('walk_in');
  phone = $state('');
  /** "I have been here before", phone number only: nothing is asked or shown of the record (DESIGN §6). */
  returning = $state(false);
  /** A client who proved who they are by their booking's QR. */
  visitor = $state.raw<KnownVisitor | null>(null);
  /** A new client's details. */
  firstName = $state('');
  lastName = $state('');
  birthday = $state<BirthdayParts>(emptyBirthday());
  /** Fields whose problems are shown (after "Next"). */
  showProblems = $state(false);
  /** The consent texts to ask, in order, captured when the client was identified (a text edited meanwhile is not mixed in). */
  consentTexts = $state.raw<ConsentText[]>([]);
  consentIndex = $state(0);
  consentChoices = $state.raw<ConsentChoice[]>([]);
  /** The signatures drawn, one per signable consent (the salon may ask for both terms and health). */
  signatures = $state.raw<Partial<Record<Signature['consent'], Signature>>>({});
  serviceId = $state<string | null>(null);
  booking = $state.raw<TodayBooking | null>(null);
  /** Whether this check-in is for the booking (false once a late client chose to join as a walk-in). */
  useBooking = $state(false);
  answers = $state<Answers>({});
  /** Problems per question id, shown after "Next". */
  questionProblems = $state.raw<Map<string, QuestionProblem>>(new Map());
  busy = $state(false);
  notice = $state.raw<Notice | null>(null);
  result = $state.raw<Ticket | null>(null);
  /** Bumped by every reset: screens are keyed on it, and a late answer for an earlier client is dropped. */
  session = $state(0);
  /** The steps taken, for "Back" (the screen's and the browser's). */
  private trail: Step[] = [];

  constructor(
    private readonly hub: KioskHub,
    private readonly view: () => KioskView | null,
    private readonly language: () => Language,
    private readonly t: () => KioskTranslate,
    private readonly now: () => number = Date.now,
  ) {}

  // ---- derived ----

  readonly service: Service | undefined = $derived.by(() => {
    const id = this.serviceId;
    return id ? this.view()?.services[id] : undefined;
  });

  readonly questionnaire: Questionnaire | undefined = $derived.by(() => {
    const category = this.service?.category;
    return category ? this.view()?.questionnaires[category] : undefined;
  });

  /** Whether health answers are collected on this visit (see `healthConsented`). */
  readonly healthOk: boolean = $derived.by(() =>
    healthConsented(this.view()?.consents ?? {}, this.visitor?.consents ?? null, this.consentChoices),
  );

  /** Last time's answers for this service's category, if they can stand for today. */
  readonly lastAnswers = $derived.by(() => {
    const q = this.questionnaire;
    const category = this.service?.category;
    const last = category ? this.visitor?.lastAnswers[category] : undefined;
    return q && last && canReuse(q, last, this.now()) ? last : undefined;
  });

  /** Last time's answers for this category that cannot stand as they are: the questionnaire starts from them. */
  private readonly previousAnswers = $derived.by(() => {
    const category = this.service?.category;
    const last = category ? this.visitor?.lastAnswers[category] : undefined;
    return last && last.questionnaireId === this.questionnaire?.id ? last.answers : undefined;
  });

  readonly consent: ConsentText | undefined = $derived.by(() => this.consentTexts[this.consentIndex]);

  /** A new client's field problems, in the language on screen (only after "Next"). */
  readonly registerErrors: Map<RegisterField, string> = $derived.by(() => {
    const errors = new Map<RegisterField, string>();
    if (!this.showProblems) return errors;
    const t = this.t();
    const say = (field: 'firstName' | 'lastName', p: NameProblem | null) => {
      if (p) errors.set(field, t(p.key, { field: t(`field.${field}`), ...p.params }));
    };
    say('firstName', nameProblem(this.firstName, true));
    say('lastName', nameProblem(this.lastName, false));
    const birthday = parseBirthday(this.birthday, new Date(this.now()));
    if (!birthday.ok) errors.set('birthday', t(birthday.key));
    return errors;
  });

  readonly noticeMessage: string | null = $derived.by(() => {
    const n = this.notice;
    if (!n) return null;
    // The only rule notices are the phone number's (the registration form shows its own per field).
    if ('key' in n) return this.t()(n.key, { field: this.t()('field.phone'), ...n.params });
    if (n.language === this.language()) return n.error.message;
    if (n.error.code === 'rate_limited') return this.t()('kiosk.phone.rateLimited');
    const key = `error.${n.error.code}`;
    return isKioskMessageKey(key) ? this.t()(key) : n.error.message;
  });

  // ---- navigation ----

  private goto(step: Step): void {
    if (this.step !== step) this.trail.push(this.step);
    this.step = step;
  }

  /** "Back": the previous screen of this client's visit; a step that no longer applies is skipped. */
  back(): void {
    if (this.busy) return;
    this.notice = null;
    const previous = this.trail.pop();
    if (!previous || previous === 'welcome' || previous === 'ticket') {
      this.reset();
      return;
    }
    // Back to who they are: whatever was said after it no longer holds; start over at the phone number.
    if (previous === 'identify' || previous === 'scan') {
      this.trail = ['welcome'];
      this.returning = false;
      this.visitor = null;
      this.step = 'phone';
      return;
    }
    if (previous === 'consent' && this.consentIndex > 0 && this.step === 'consent') this.consentIndex -= 1;
    this.step = previous;
    // A consent shown again has an empty pad: a signature the client no longer sees is not sent.
    if (this.step === 'consent') this.setSignature(null);
  }

  start(intent: Intent): void {
    this.intent = intent;
    this.notice = null;
    this.goto('phone');
  }

  // ---- phone and identity ----

  pressPhone(phone: string): void {
    this.phone = phone;
    if (this.notice && 'key' in this.notice && this.notice.key.startsWith('rule.')) this.notice = null;
  }

  /** "Next" under the keypad: the number is kept on the kiosk; the hub is not asked who it belongs to. */
  submitPhone(): void {
    if (this.busy) return;
    const problem = phoneProblem(this.phone);
    if (problem) {
      this.notice = { key: problem };
      return;
    }
    this.notice = null;
    this.goto('identify');
  }

  /**
   * "I have been here before" (true) or "I'm new here" (false). A returning client goes straight to the service: no
   * consents, no answers shown (the number proves nothing); a new one registers.
   */
  choose(returning: boolean): void {
    if (this.busy) return;
    this.notice = null;
    this.visitor = null;
    this.booking = null;
    this.returning = returning;
    if (returning) {
      this.consentTexts = [];
      this.consentChoices = [];
      this.goto('service');
      return;
    }
    this.consentTexts = consentsToAsk(this.view()?.consents ?? {}, null);
    this.goto('register');
  }

  /** "Scan my booking QR": the camera instead of the phone number. */
  openScanner(): void {
    this.intent = 'booking';
    this.notice = null;
    this.goto('scan');
  }

  /** The kiosk's camera read a booking link: `/b/<token>`, on any host. */
  async scanned(text: string): Promise<boolean> {
    if (this.busy) return false;
    const token = bookingToken(text);
    if (!token) {
      this.notice = { key: 'kiosk.scan.notBooking' };
      return false;
    }
    let known = false;
    await this.ask(this.hub.confirmByToken(token), (answer) => {
      known = true;
      this.intent = 'booking';
      this.identified(answer);
    });
    return known;
  }

  /** The client proved who they are with their booking's QR: their consents and today's booking are theirs to see. */
  private identified(answer: KnownVisitor): void {
    this.returning = false;
    this.visitor = answer;
    this.consentTexts = consentsToAsk(this.view()?.consents ?? {}, answer.consents);
    this.booking = answer.booking;
    // The new client's fields are not needed; a stale draft must not travel with a returning client's visit.
    this.firstName = '';
    this.lastName = '';
    this.birthday = emptyBirthday();
    // #11: whether the booking can be checked in (early, on time, late) is said before any consent is asked.
    if (this.intent === 'booking' && this.booking) {
      this.goto('booking');
      return;
    }
    this.afterIdentity();
  }

  /** Booking intent without a booking found: carry on as a walk-in (a new client registers first). */
  joinAsWalkIn(): void {
    this.intent = 'walk_in';
    this.useBooking = false;
    this.serviceId = null;
    this.notice = null;
    if (!this.visitor) this.goto('register');
    else this.afterIdentity();
  }

  private afterIdentity(): void {
    this.consentIndex = 0;
    this.consentChoices = [];
    if (this.consentTexts.length) this.goto('consent');
    else this.nextAfterConsents();
  }

  // ---- registration ----

  setName(field: 'firstName' | 'lastName', value: string): void {
    this[field] = value;
  }

  setBirthday(part: keyof BirthdayParts, value: string): void {
    this.birthday = { ...this.birthday, [part]: value };
  }

  /** "Next" on the registration screen: the first field to fix, or on to the consents. */
  submitRegistration(): RegisterField | null {
    this.showProblems = true;
    const bad = (['firstName', 'lastName', 'birthday'] as const).find((f) => this.registerErrors.has(f));
    if (bad) return bad;
    this.notice = null;
    this.afterIdentity();
    return null;
  }

  // ---- consents ----

  /** The signature on the pad of the consent on screen; null when the pad was cleared. */
  setSignature(signature: Signature | null): void {
    const kind = signature?.consent ?? this.consent?.kind;
    if (kind !== 'terms' && kind !== 'health') return;
    const { [kind]: _old, ...others } = this.signatures;
    this.signatures = signature ? { ...others, [kind]: signature } : others;
    if (signature && this.notice && 'key' in this.notice && this.notice.key === 'kiosk.signature.required') this.notice = null;
  }

  /** The client's answer to the consent on screen; a required one declined stops here with a clear message. */
  answerConsent(granted: boolean): void {
    const text = this.consent;
    if (!text || this.busy) return;
    if (!granted && text.required) {
      this.notice = { key: 'kiosk.consent.requiredDeclined' };
      return;
    }
    if (granted && text.signatureRequired && (text.kind === 'terms' || text.kind === 'health')) {
      if (!this.signatures[text.kind]) {
        this.notice = { key: 'kiosk.signature.required' };
        return;
      }
    }
    this.notice = null;
    this.consentChoices = [
      ...this.consentChoices.filter((c) => c.kind !== text.kind),
      { kind: text.kind, version: text.version, granted },
    ];
    if (this.consentIndex + 1 < this.consentTexts.length) {
      this.consentIndex += 1;
      this.trail.push('consent');
      return;
    }
    this.nextAfterConsents();
  }

  private nextAfterConsents(): void {
    // A booking (known only from its QR; by phone the desk matches it) was settled before the consents.
    if (this.useBooking && this.serviceId) {
      this.toConsultation();
      return;
    }
    this.goto('service');
  }

  // ---- booking ----

  /** Check in for today's booking (on time, or early and willing to wait). */
  checkInForBooking(): void {
    const booking = this.booking;
    if (!booking) return;
    this.useBooking = true;
    this.serviceId = booking.serviceId;
    this.notice = null;
    this.afterIdentity();
  }

  // ---- service and consultation ----

  /** "Change" beside the service on the summary: back to the list (the answers given are for the old service). */
  changeService(): void {
    if (this.busy) return;
    this.notice = null;
    this.goto('service');
  }

  chooseService(serviceId: string): void {
    this.serviceId = serviceId;
    this.useBooking = false;
    this.notice = null;
    this.toConsultation();
  }

  private toConsultation(): void {
    this.answers = {};
    this.questionProblems = new Map();
    // By phone only: "Has anything changed?", without the answers.
    if (this.returning) {
      this.goto(this.questionnaire ? 'review' : 'confirm');
      return;
    }
    if (!this.questionnaire || !this.healthOk) {
      this.goto('confirm');
      return;
    }
    if (this.lastAnswers) {
      this.goto('review');
      return;
    }
    // A returning client whose last answers no longer cover the questionnaire: start from them, answer what is new.
    if (this.previousAnswers) this.answers = structuredClone(this.previousAnswers);
    this.goto('questionnaire');
  }

  /** "Something has changed": the questionnaire, filled in with last time's answers. */
  editAnswers(): void {
    this.answers = structuredClone(this.lastAnswers?.answers ?? {});
    this.goto('questionnaire');
  }

  setAnswer(questionId: string, value: Answers[string] | undefined): void {
    const next = { ...this.answers };
    if (value === undefined) delete next[questionId];
    else next[questionId] = value;
    this.answers = next;
    if (this.questionProblems.size) this.questionProblems = questionnaireProblems(this.questionnaire!, next, this.now());
  }

  /** "Next" under the questionnaire: the first question to fix, or on to the summary. */
  submitAnswers(): string | null {
    const q = this.questionnaire;
    if (!q) return null;
    this.questionProblems = questionnaireProblems(q, this.answers, this.now());
    const first = this.questionProblems.keys().next();
    if (!first.done) return first.value;
    this.goto('confirm');
    return null;
  }

  // ---- the one command ----

  /** The check-in as one command: identity, service or booking, consents, signature and answers together. */
  buildInput(sameAsLast: boolean): CheckInInput | null {
    const serviceId = this.serviceId;
    if (!serviceId) return null;
    if (this.returning) {
      // The number and the answer to "anything changed?" only: nothing the client says may stand for their record.
      return {
        serviceId,
        language: this.language(),
        returning: { phone: normalizePhone(this.phone), saysBooked: this.intent === 'booking' },
        sameAsLast: !!this.questionnaire && sameAsLast,
      };
    }
    const health = this.healthOk && !!this.questionnaire;
    const input: CheckInInput = {
      serviceId,
      language: this.language(),
      answers: health && !sameAsLast && this.questionnaire ? answersToSend(this.questionnaire, this.answers, this.now()) : {},
      sameAsLast: health && sameAsLast,
    };
    if (this.visitor) input.visitorToken = this.visitor.visitorToken;
    else {
      const birthday = parseBirthday(this.birthday, new Date(this.now()));
      input.client = {
        firstName: this.firstName.trim(),
        lastName: this.lastName.trim(),
        phone: normalizePhone(this.phone),
        ...(birthday.ok && birthday.value ? { birthday: birthday.value } : {}),
      };
    }
    if (this.useBooking && this.booking) input.bookingId = this.booking.bookingId;
    if (this.consentChoices.length) input.consents = [...this.consentChoices];
    // Every signature of a consent granted now; one alone goes in the shape hubs from before two signatures know.
    const signed = Object.values(this.signatures).filter((s) => this.consentChoices.some((c) => c.kind === s.consent && c.granted));
    if (signed.length) input.signature = signed.length === 1 ? signed[0]! : signed;
    return input;
  }

  /** "Check me in" (or "Nothing has changed", which is the same tap): one command, however often it is tapped. */
  async submit(sameAsLast = false): Promise<void> {
    if (this.busy) return;
    const input = this.buildInput(sameAsLast);
    if (!input) {
      this.goto('service');
      return;
    }
    const q = this.questionnaire;
    const returning = this.returning;
    const given = sameAsLast ? (this.lastAnswers?.answers ?? {}) : input.answers ?? {};
    const blocked = !returning && !!q && this.healthOk && hasBlockingFlag(q, given, today(this.now()));
    const inPerson = !!q && (returning ? !sameAsLast : !this.healthOk);
    const review = returning && !!q && sameAsLast;
    const saysBooked = returning && this.intent === 'booking';
    await this.ask(this.hub.checkIn(input), (data) => {
      this.result = { ...data, blocked, inPerson, serviceId: input.serviceId, review, saysBooked };
      this.trail = [];
      this.step = 'ticket';
    });
  }

  /**
   * Sends one command and hands a success to `then`. A refusal shows in the client's language; an answer for an
   * earlier client (after a reset) is dropped.
   */
  private async ask<T>(pending: Promise<Ack<T>>, then: (data: T) => void): Promise<void> {
    this.busy = true;
    this.notice = null;
    const session = this.session;
    const language = this.language();
    const ack = await pending;
    if (session !== this.session) return;
    this.busy = false;
    if (ack.ok) {
      then(ack.data);
      return;
    }
    this.notice = { error: ack.error, language };
  }

  /** Back to the welcome screen, forgetting everything about this client. */
  reset(): void {
    this.session += 1;
    this.step = 'welcome';
    this.intent = 'walk_in';
    this.phone = '';
    this.returning = false;
    this.visitor = null;
    this.firstName = '';
    this.lastName = '';
    this.birthday = emptyBirthday();
    this.showProblems = false;
    this.consentTexts = [];
    this.consentIndex = 0;
    this.consentChoices = [];
    this.signatures = {};
    this.serviceId = null;
    this.booking = null;
    this.useBooking = false;
    this.answers = {};
    this.questionProblems = new Map();
    this.busy = false;
    this.notice = null;
    this.result = null;
    this.trail = [];
  }
}

/** The token of a booking link (`…/b/<token>`), or null for anything else the camera may read. */
export function bookingToken(text: string): string | null {
  let path: string;
  try {
    path = new URL(text.trim(), 'http://kiosk.invalid').pathname;
  } catch {
    return null;
  }
  const m = /^\/b\/([A-Za-z0-9_-]{16,128})\/?$/.exec(path);
  return m ? m[1]! : null;
}
