import {
  hasBlockingFlag,
  normalizePhone,
  type Ack,
  type Answers,
  type ConsentText,
  type KioskView,
  type KnownVisitor,
  type Language,
  type Questionnaire,
  type Service,
  type Signature,
} from '@glow/shared';
import { BACK, canMove, type BackFacts, type Step } from './check-in-steps.ts';
import { consentsToAsk, healthConsented } from './consents.ts';
import { newClient, type CurrentClient, type Intent } from './current-client.ts';
import type { CheckInInput, CheckInResult } from './hub-connection.svelte.ts';
import { isKioskMessageKey, type KioskTranslate } from './i18n/translate.ts';
import { emptyBirthday, kioskTimeZone, nameProblem, parseBirthday, phoneProblem, type BirthdayParts, type NameProblem } from './person.ts';
import { answersToSend, canReuse, questionnaireProblems, today } from './questionnaire-form.ts';

export type { Step } from './check-in-steps.ts';
export type { CurrentClient, Intent, Notice, Ticket } from './current-client.ts';

/** What the flow needs from the hub; every call goes through the outbox (same commandId on every retry). */
export type KioskHub = {
  confirmByToken(token: string): Promise<Ack<KnownVisitor>>;
  checkIn(input: CheckInInput): Promise<Ack<CheckInResult>>;
};

/** What the flow reads from the kiosk around it. */
export type CheckInFlowDeps = {
  hub: KioskHub;
  view: () => KioskView | null;
  /** The language on screen (the client's choice, else the salon's default). */
  language: () => Language;
  t: () => KioskTranslate;
  now?: () => number;
  /** The salon's time zone (a birthday may not lie after the salon's today); the kiosk's own until the hub said. */
  timeZone?: () => string | null | undefined;
};

export type RegisterField = 'firstName' | 'lastName' | 'birthday';

/**
 * One client's visit to the kiosk, from the welcome screen to the ticket: who they are (a new registration with
 * consents; "I have been here before" with the phone number only, which the kiosk never checks and which shows
 * nothing of the stored record; or their booking's QR, the one proof the kiosk takes), what they came for (a booking
 * or a walk-in service), the consultation, and the one `visit:checkIn` command that saves all of it.
 *
 * Everything it holds about the client is the one `client` object (current-client.ts), replaced on every change and
 * by `reset()` with a new one: nothing of the previous client stays reachable. Its screens and "Back" follow the
 * table in check-in-steps.ts.
 */
export class CheckInFlow {
  #client = $state.raw<CurrentClient>(newClient());
  /** Bumped by every reset: screens are keyed on it, and a late answer for an earlier client is dropped. */
  session = $state(0);

  private readonly hub: KioskHub;
  private readonly view: () => KioskView | null;
  private readonly language: () => Language;
  private readonly t: () => KioskTranslate;
  private readonly now: () => number;
  private readonly timeZone: () => string | null | undefined;

  constructor(deps: CheckInFlowDeps) {
    this.hub = deps.hub;
    this.view = deps.view;
    this.language = deps.language;
    this.t = deps.t;
    this.now = deps.now ?? Date.now;
    this.timeZone = deps.timeZone ?? (() => null);
  }

  /** The client in front of the kiosk (read-only: the flow's methods make each change). */
  get client(): CurrentClient {
    return this.#client;
  }

  /** A change about this client: a new object, never an edit of the old one. */
  private update(change: Partial<CurrentClient>): void {
    this.#client = { ...this.#client, ...change };
  }

  // ---- derived ----

  readonly service: Service | undefined = $derived.by(() => {
    const id = this.#client.serviceId;
    return id ? this.view()?.services[id] : undefined;
  });

  readonly questionnaire: Questionnaire | undefined = $derived.by(() => {
    const category = this.service?.category;
    return category ? this.view()?.questionnaires[category] : undefined;
  });

  /** Whether health answers are collected on this visit (see `healthConsented`). */
  readonly healthOk: boolean = $derived.by(() =>
    healthConsented(this.view()?.consents ?? {}, this.#client.visitor?.consents ?? null, this.#client.consentChoices),
  );

  /** Last time's answers for this service's category, if they can stand for today. */
  readonly lastAnswers = $derived.by(() => {
    const q = this.questionnaire;
    const category = this.service?.category;
    const last = category ? this.#client.visitor?.lastAnswers[category] : undefined;
    return q && last && canReuse(q, last, this.now()) ? last : undefined;
  });

  /** Last time's answers for this category that cannot stand as they are: the questionnaire starts from them. */
  private readonly previousAnswers = $derived.by(() => {
    const category = this.service?.category;
    const last = category ? this.#client.visitor?.lastAnswers[category] : undefined;
    return last && last.questionnaireId === this.questionnaire?.id ? last.answers : undefined;
  });

  readonly consent: ConsentText | undefined = $derived.by(() => this.#client.consentTexts[this.#client.consentIndex]);

  /** A new client's field problems, in the language on screen (only after "Next"). */
  readonly registerErrors: Map<RegisterField, string> = $derived.by(() => {
    const errors = new Map<RegisterField, string>();
    const c = this.#client;
    if (!c.showProblems) return errors;
    const t = this.t();
    const say = (field: 'firstName' | 'lastName', p: NameProblem | null) => {
      if (p) errors.set(field, t(p.key, { field: t(`field.${field}`), ...p.params }));
    };
    say('firstName', nameProblem(c.firstName, true));
    say('lastName', nameProblem(c.lastName, false));
    const birthday = this.birthday(c.birthday);
    if (!birthday.ok) errors.set('birthday', t(birthday.key));
    return errors;
  });

  readonly noticeMessage: string | null = $derived.by(() => {
    const n = this.#client.notice;
    if (!n) return null;
    // The only rule notices are the phone number's (the registration form shows its own per field).
    if ('key' in n) return this.t()(n.key, { field: this.t()('field.phone'), ...n.params });
    if (n.language === this.language()) return n.error.message;
    if (n.error.code === 'rate_limited') return this.t()('kiosk.phone.rateLimited');
    const key = `error.${n.error.code}`;
    return isKioskMessageKey(key) ? this.t()(key) : n.error.message;
  });

  /** What "Back" needs to know (check-in-steps.ts), read from the client and what their choices imply. */
  private readonly backFacts: BackFacts = $derived.by(() => {
    const c = this.#client;
    const q = !!this.questionnaire;
    return {
      who: c.returning ? 'returning' : c.visitor ? 'proven' : 'new',
      bookingShown: !!c.visitor && !!c.booking,
      consentsAsked: c.consentTexts.length,
      consentIndex: c.consentIndex,
      forBooking: c.useBooking,
      reviewShown: q && (c.returning || (this.healthOk && !!this.lastAnswers)),
      questionnaireShown: q && !c.returning && this.healthOk,
      changingService: c.changingService,
    };
  });

  private birthday(parts: BirthdayParts) {
    return parseBirthday(parts, this.now(), this.timeZone() ?? kioskTimeZone());
  }

  // ---- navigation ----

  /** On to the next screen, along the table (check-in-steps.ts); a move it does not list is a mistake in the flow. */
  private goto(step: Step, change: Partial<CurrentClient> = {}): void {
    const from = this.#client.step;
    if (from !== step && !canMove(from, step)) throw new Error(`kiosk flow: no move from ${from} to ${step}`);
    this.update({ ...change, step, changingService: step === 'service' && !!change.changingService });
  }

  /** "Back" (the screen's and the browser's): where the table says, given the visit so far. */
  back(): void {
    const c = this.#client;
    if (c.busy) return;
    const move = BACK[c.step](this.backFacts);
    if (move.to === 'welcome') {
      this.reset();
      return;
    }
    this.update({
      step: move.to,
      notice: null,
      changingService: false,
      ...(move.consentIndex !== undefined ? { consentIndex: move.consentIndex } : {}),
      ...(move.forgetIdentity ? { returning: false, visitor: null, booking: null } : {}),
    });
    // A consent shown again has an empty pad: a signature the client no longer sees is not sent.
    if (move.to === 'consent') this.setSignature(null);
  }

  start(intent: Intent): void {
    this.goto('phone', { intent, notice: null });
  }

  // ---- phone and identity ----

  pressPhone(phone: string): void {
    const n = this.#client.notice;
    this.update({ phone, ...(n && 'key' in n && n.key.startsWith('rule.') ? { notice: null } : {}) });
  }

  /** "Next" under the keypad: the number is kept on the kiosk; the hub is not asked who it belongs to. */
  submitPhone(): void {
    if (this.#client.busy) return;
    const problem = phoneProblem(this.#client.phone);
    if (problem) {
      this.update({ notice: { key: problem } });
      return;
    }
    this.goto('identify', { notice: null });
  }

  /**
   * "I have been here before" (true) or "I'm new here" (false). A returning client goes straight to the service: no
   * consents, no answers shown (the number proves nothing); a new one registers.
   */
  choose(returning: boolean): void {
    if (this.#client.busy) return;
    const common = { notice: null, visitor: null, booking: null, returning };
    if (returning) {
      this.goto('service', { ...common, consentTexts: [], consentChoices: [] });
      return;
    }
    this.goto('register', { ...common, consentTexts: consentsToAsk(this.view()?.consents ?? {}, null) });
  }

  /** "Scan my booking QR": the camera instead of the phone number. */
  openScanner(): void {
    this.goto('scan', { intent: 'booking', notice: null });
  }

  /** The kiosk's camera read a booking link: `/b/<token>`, on any host. */
  async scanned(text: string): Promise<boolean> {
    if (this.#client.busy) return false;
    const token = bookingToken(text);
    if (!token) {
      this.update({ notice: { key: 'kiosk.scan.notBooking' } });
      return false;
    }
    let known = false;
    await this.ask(this.hub.confirmByToken(token), (answer) => {
      known = true;
      this.identified(answer);
    });
    return known;
  }

  /** The client proved who they are with their booking's QR: their consents and today's booking are theirs to see. */
  private identified(answer: KnownVisitor): void {
    this.update({
      intent: 'booking',
      returning: false,
      visitor: answer,
      consentTexts: consentsToAsk(this.view()?.consents ?? {}, answer.consents),
      booking: answer.booking,
      // The new client's fields are not needed; a stale draft must not travel with a returning client's visit.
      firstName: '',
      lastName: '',
      birthday: emptyBirthday(),
    });
    // #11: whether the booking can be checked in (early, on time, late) is said before any consent is asked.
    if (answer.booking) {
      this.goto('booking');
      return;
    }
    this.afterIdentity();
  }

  /** A proven client's booking cannot be kept (late): carry on as a walk-in. */
  joinAsWalkIn(): void {
    this.update({ intent: 'walk_in', useBooking: false, serviceId: null, notice: null });
    this.afterIdentity();
  }

  private afterIdentity(): void {
    this.update({ consentIndex: 0, consentChoices: [] });
    if (this.#client.consentTexts.length) this.goto('consent');
    else this.nextAfterConsents();
  }

  // ---- registration ----

  setName(field: 'firstName' | 'lastName', value: string): void {
    this.update({ [field]: value });
  }

  setBirthday(part: keyof BirthdayParts, value: string): void {
    this.update({ birthday: { ...this.#client.birthday, [part]: value } });
  }

  /** "Next" on the registration screen: the first field to fix, or on to the consents. */
  submitRegistration(): RegisterField | null {
    this.update({ showProblems: true });
    const bad = (['firstName', 'lastName', 'birthday'] as const).find((f) => this.registerErrors.has(f));
    if (bad) return bad;
    this.update({ notice: null });
    this.afterIdentity();
    return null;
  }

  // ---- consents ----

  /** The signature on the pad of the consent on screen; null when the pad was cleared. */
  setSignature(signature: Signature | null): void {
    const kind = signature?.consent ?? this.consent?.kind;
    if (kind !== 'terms' && kind !== 'health') return;
    const { [kind]: _old, ...others } = this.#client.signatures;
    const n = this.#client.notice;
    this.update({
      signatures: signature ? { ...others, [kind]: signature } : others,
      ...(signature && n && 'key' in n && n.key === 'kiosk.signature.required' ? { notice: null } : {}),
    });
  }

  /** The client's answer to the consent on screen; a required one declined stops here with a clear message. */
  answerConsent(granted: boolean): void {
    const text = this.consent;
    const c = this.#client;
    if (!text || c.busy) return;
    if (!granted && text.required) {
      this.update({ notice: { key: 'kiosk.consent.requiredDeclined' } });
      return;
    }
    if (granted && text.signatureRequired && (text.kind === 'terms' || text.kind === 'health') && !c.signatures[text.kind]) {
      this.update({ notice: { key: 'kiosk.signature.required' } });
      return;
    }
    this.update({
      notice: null,
      consentChoices: [...c.consentChoices.filter((x) => x.kind !== text.kind), { kind: text.kind, version: text.version, granted }],
    });
    if (c.consentIndex + 1 < c.consentTexts.length) {
      this.goto('consent', { consentIndex: c.consentIndex + 1 });
      return;
    }
    this.nextAfterConsents();
  }

  private nextAfterConsents(): void {
    // A booking (known only from its QR; by phone the desk matches it) was settled before the consents.
    if (this.#client.useBooking && this.#client.serviceId) {
      this.toConsultation();
      return;
    }
    this.goto('service');
  }

  // ---- booking ----

  /** Check in for today's booking (on time, or early and willing to wait). */
  checkInForBooking(): void {
    const booking = this.#client.booking;
    if (!booking) return;
    this.update({ useBooking: true, serviceId: booking.serviceId, notice: null });
    this.afterIdentity();
  }

  // ---- service and consultation ----

  /** "Change" beside the service on the summary: back to the list (the answers given are for the old service). */
  changeService(): void {
    if (this.#client.busy) return;
    this.goto('service', { notice: null, changingService: true });
  }

  chooseService(serviceId: string): void {
    this.update({ serviceId, useBooking: false, notice: null });
    this.toConsultation();
  }

  private toConsultation(): void {
    this.update({ answers: {}, questionProblems: new Map() });
    // By phone only: "Has anything changed?", without the answers.
    if (this.#client.returning) {
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
    this.goto('questionnaire', this.previousAnswers ? { answers: structuredClone(this.previousAnswers) } : {});
  }

  /** "Something has changed": the questionnaire, filled in with last time's answers. */
  editAnswers(): void {
    this.goto('questionnaire', { answers: structuredClone(this.lastAnswers?.answers ?? {}) });
  }

  setAnswer(questionId: string, value: Answers[string] | undefined): void {
    const next = { ...this.#client.answers };
    if (value === undefined) delete next[questionId];
    else next[questionId] = value;
    const recheck = this.#client.questionProblems.size > 0;
    this.update({ answers: next, ...(recheck ? { questionProblems: questionnaireProblems(this.questionnaire!, next, this.now()) } : {}) });
  }

  /** "Next" under the questionnaire: the first question to fix, or on to the summary. */
  submitAnswers(): string | null {
    const q = this.questionnaire;
    if (!q) return null;
    const problems = questionnaireProblems(q, this.#client.answers, this.now());
    this.update({ questionProblems: problems });
    const first = problems.keys().next();
    if (!first.done) return first.value;
    this.goto('confirm');
    return null;
  }

  // ---- the one command ----

  /** The check-in as one command: identity, service or booking, consents, signature and answers together. */
  buildInput(sameAsLast: boolean): CheckInInput | null {
    const c = this.#client;
    const serviceId = c.serviceId;
    if (!serviceId) return null;
    if (c.returning) {
      // The number and the answer to "anything changed?" only: nothing the client says may stand for their record.
      return {
        serviceId,
        language: this.language(),
        returning: { phone: normalizePhone(c.phone), saysBooked: c.intent === 'booking' },
        consents: [],
        sameAsLast: !!this.questionnaire && sameAsLast,
      };
    }
    const health = this.healthOk && !!this.questionnaire;
    const input: CheckInInput = {
      serviceId,
      language: this.language(),
      answers: health && !sameAsLast && this.questionnaire ? answersToSend(this.questionnaire, c.answers, this.now()) : {},
      sameAsLast: health && sameAsLast,
      // The choices made now; none when every consent on file still stands (the hub checks that they do).
      consents: [...c.consentChoices],
    };
    if (c.visitor) input.visitorToken = c.visitor.visitorToken;
    else {
      const birthday = this.birthday(c.birthday);
      input.client = {
        firstName: c.firstName.trim(),
        lastName: c.lastName.trim(),
        phone: normalizePhone(c.phone),
        ...(birthday.ok && birthday.value ? { birthday: birthday.value } : {}),
      };
    }
    if (c.useBooking && c.booking) input.bookingId = c.booking.bookingId;
    // Every signature of a consent granted now.
    const signed = Object.values(c.signatures).filter((s) => c.consentChoices.some((x) => x.kind === s.consent && x.granted));
    if (signed.length) input.signature = signed;
    return input;
  }

  /** "Check me in" (or "Nothing has changed", which is the same tap): one command, however often it is tapped. */
  async submit(sameAsLast = false): Promise<void> {
    const c = this.#client;
    if (c.busy) return;
    const input = this.buildInput(sameAsLast);
    if (!input) {
      this.goto('service');
      return;
    }
    const q = this.questionnaire;
    const returning = c.returning;
    const given = sameAsLast ? (this.lastAnswers?.answers ?? {}) : (input.answers ?? {});
    const blocked = !returning && !!q && this.healthOk && hasBlockingFlag(q, given, today(this.now()));
    const inPerson = !!q && (returning ? !sameAsLast : !this.healthOk);
    const review = returning && !!q && sameAsLast;
    const saysBooked = returning && c.intent === 'booking';
    await this.ask(this.hub.checkIn(input), (data) => {
      this.goto('ticket', { result: { ...data, blocked, inPerson, serviceId: input.serviceId, review, saysBooked } });
    });
  }

  /**
   * Sends one command and hands a success to `then`. A refusal shows in the client's language; an answer for an
   * earlier client (after a reset) is dropped.
   */
  private async ask<T>(pending: Promise<Ack<T>>, then: (data: T) => void): Promise<void> {
    this.update({ busy: true, notice: null });
    const session = this.session;
    const language = this.language();
    const ack = await pending;
    if (session !== this.session) return;
    this.update({ busy: false });
    if (ack.ok) {
      then(ack.data);
      return;
    }
    this.update({ notice: { error: ack.error, language } });
  }

  /** Back to the welcome screen, forgetting everything about this client: the one object is replaced. */
  reset(): void {
    this.session += 1;
    this.#client = newClient();
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
