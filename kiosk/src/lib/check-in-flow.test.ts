import type {
  Ack,
  ConsentText,
  KioskView,
  KnownVisitor,
  Language,
  Questionnaire,
  Service,
} from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { bookingToken, CheckInFlow, type KioskHub } from './check-in-flow.svelte.ts';
import type { CheckInInput, CheckInResult } from './hub-connection.svelte.ts';
import { en } from './i18n/en.ts';
import { createKioskTranslator } from './i18n/translate.ts';
import { zhCN } from './i18n/zh-CN.ts';

const text = (s: string) => ({ en: s, 'zh-CN': s });
const consent = (kind: ConsentText['kind'], version: number, required: boolean, signatureRequired = false): ConsentText => ({
  kind,
  version,
  title: text(kind),
  body: text('body'),
  purpose: text('purpose'),
  ifDeclined: text('if declined'),
  required,
  signatureRequired,
});
const service = (id: string, category: Service['category']): Service => ({
  id,
  category,
  name: text(id),
  durationMin: 30,
  requiredSkill: 'x',
  equipment: [],
  aftercare: text(''),
});
const facialQ: Questionnaire = {
  id: 'q-facial',
  category: 'facial',
  version: 2,
  questions: [
    { id: 'sunburn', kind: 'yes_no', label: text('Sunburn?'), required: true, options: [], rules: [{ when: true, effect: 'block', flag: text('Sunburn') }] },
    { id: 'meds', kind: 'yes_no', label: text('Medication?'), required: true, options: [], rules: [] },
    { id: 'which', kind: 'text', label: text('Which?'), required: true, options: [], rules: [], showIf: { questionId: 'meds', anyOf: [true] } },
    { id: 'since', kind: 'date', label: text('Since?'), required: false, options: [], rules: [] },
  ],
};
const view: KioskView = {
  services: { facial: service('facial', 'facial'), nails: service('nails', 'nails') },
  tickets: {},
  waits: {},
  consents: { terms: consent('terms', 3, true, true), health: consent('health', 2, false), marketing: consent('marketing', 1, false) },
  questionnaires: { facial: facialQ },
};

const known = (over: Partial<KnownVisitor> = {}): Ack<KnownVisitor> => ({
  ok: true,
  data: {
    known: true,
    visitorToken: 'token-0123456789abcdef',
    firstName: 'Mei',
    language: 'zh-CN',
    lastAnswers: { facial: { questionnaireId: 'q-facial', version: 2, answers: { sunburn: false, meds: false }, at: 1 } },
    consents: { terms: 3, health: 2, marketing: null },
    booking: null,
    ...over,
  },
});
const ticket: Ack<CheckInResult> = { ok: true, data: { visitId: 'v1', ticket: 'A001', firstName: 'Mei', estimateMin: 10 } };

const NOT_FOUND: Ack<KnownVisitor> = { ok: false, error: { code: 'not_found', reason: 'unknown_booking_link', message: 'This booking could not be found.' } };

function setUp(answers: { confirm?: Ack<KnownVisitor> } = {}, language: Language = 'en') {
  const sent: { name: string; input: unknown }[] = [];
  const checkIns: ((a: Ack<CheckInResult>) => void)[] = [];
  const hub: KioskHub = {
    confirmByToken: async (token) => (sent.push({ name: 'token', input: token }), answers.confirm ?? NOT_FOUND),
    checkIn: (input: CheckInInput) => {
      sent.push({ name: 'checkIn', input });
      return new Promise((resolve) => checkIns.push(resolve));
    },
  };
  const flow = new CheckInFlow(hub, () => view, () => language, () => createKioskTranslator(language, language === 'en' ? en : zhCN), () => Date.UTC(2026, 10, 23, 10));
  return { flow, sent, checkIns };
}
const tick = () => new Promise((r) => setTimeout(r, 0));
const checkInsOf = (sent: { name: string; input: unknown }[]) => sent.filter((s) => s.name === 'checkIn').map((s) => s.input as CheckInInput);

const anonymous: Ack<CheckInResult> = { ok: true, data: { visitId: 'v1', ticket: 'A001', firstName: null, estimateMin: 10 } };
const LINK = 'http://127.0.0.1:8080/b/abcdefghijklmnopqrstuvwxyz012345';

describe('a returning client by phone (the number proves nothing)', () => {
  it('checks in with "nothing has changed" in 5 taps: the number and the answer only, nothing asked of or shown from the hub', async () => {
    const { flow, sent, checkIns } = setUp();
    flow.start('walk_in'); // tap 1
    flow.pressPhone('138 0013 8000');
    flow.submitPhone(); // tap 2
    expect(sent).toEqual([]); // the hub is not asked who the number belongs to
    expect(flow.step).toBe('identify');
    flow.choose(true); // tap 3
    expect(flow.step).toBe('service'); // no consents asked, nothing shown
    flow.chooseService('facial'); // tap 4
    expect(flow.step).toBe('review');
    expect(flow.lastAnswers).toBeUndefined();
    void flow.submit(true); // tap 5
    void flow.submit(true);
    await tick();
    expect(checkInsOf(sent)).toEqual([
      { serviceId: 'facial', language: 'en', returning: { phone: '13800138000', saysBooked: false }, sameAsLast: true },
    ]);
    checkIns[0]!(anonymous);
    await tick();
    expect(flow.step).toBe('ticket');
    expect(flow.result).toMatchObject({ ticket: 'A001', firstName: null, blocked: false, inPerson: false, review: true, saysBooked: false });
  });

  it('"something has changed" checks in for the consultation in the room; a booking by phone is left to the desk', async () => {
    const { flow, sent, checkIns } = setUp();
    flow.start('booking');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    expect(flow.step).toBe('service');
    flow.chooseService('facial');
    void flow.submit(false);
    await tick();
    expect(checkInsOf(sent)[0]).toEqual({ serviceId: 'facial', language: 'en', returning: { phone: '13800138000', saysBooked: true }, sameAsLast: false });
    checkIns[0]!(anonymous);
    await tick();
    expect(flow.result).toMatchObject({ inPerson: true, review: false, saysBooked: true });
  });

  it('"already checked in" from the hub is shown with the ticket, and nothing moves on', async () => {
    const { flow, checkIns } = setUp({}, 'zh-CN');
    flow.start('walk_in');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    flow.chooseService('nails');
    expect(flow.step).toBe('confirm'); // nails has no questionnaire here
    void flow.submit();
    await tick();
    checkIns[0]!({ ok: false, error: { code: 'conflict', reason: 'already_checked_in', message: '您已经签到，您的号码是 A007。' } });
    await tick();
    expect(flow.step).toBe('confirm');
    expect(flow.noticeMessage).toBe('您已经签到，您的号码是 A007。');
  });
});

describe('a client who scanned their booking QR (proven)', () => {
  it('is asked again only for a consent whose text has a newer version, and edits last answers', async () => {
    const late = { bookingId: 'bk1', serviceId: 'nails', staffId: null, startsAt: 5, arrival: 'late' as const, checkInFrom: 4 };
    const { flow, sent } = setUp({ confirm: known({ consents: { terms: 2, health: 2, marketing: null }, booking: late }) });
    flow.openScanner();
    expect(await flow.scanned(LINK)).toBe(true);
    // #11: the booking's state (late here) is said before any consent is asked.
    expect(flow.step).toBe('booking');
    flow.joinAsWalkIn();
    expect(flow.step).toBe('consent');
    expect(flow.consentTexts.map((c) => c.kind)).toEqual(['terms']);
    flow.answerConsent(true);
    expect(flow.noticeMessage).toBe('Please sign in the box before you agree.');
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    expect(flow.step).toBe('service');
    flow.chooseService('facial');
    expect(flow.step).toBe('review');
    flow.editAnswers();
    expect(flow.answers).toEqual({ sunburn: false, meds: false });
    flow.setAnswer('sunburn', true);
    expect(flow.submitAnswers()).toBeNull();
    void flow.submit();
    await tick();
    const [input] = checkInsOf(sent);
    expect(input).toMatchObject({
      visitorToken: 'token-0123456789abcdef',
      answers: { sunburn: true, meds: false },
      sameAsLast: false,
      consents: [{ kind: 'terms', version: 3, granted: true }],
      signature: { consent: 'terms', width: 300, height: 100 },
    });
  });
});

describe('a new client', () => {
  async function toRegistration() {
    const s = setUp();
    s.flow.start('walk_in');
    s.flow.pressPhone('13800138000');
    s.flow.submitPhone();
    s.flow.choose(false);
    return s;
  }

  it('registers, answers each consent with its version, and declining health skips the questions', async () => {
    const { flow, sent, checkIns } = await toRegistration();
    expect(flow.step).toBe('register');
    flow.setName('firstName', 'Mei😀');
    flow.setBirthday('year', '1990');
    flow.setBirthday('month', '2');
    flow.setBirthday('day', '30');
    expect(flow.submitRegistration()).toBe('firstName');
    expect(flow.registerErrors.get('firstName')).toContain('no emoji');
    expect(flow.registerErrors.get('birthday')).toBe('That date does not exist. Please check the day and the month.');
    flow.setName('firstName', 'Mei');
    flow.setName('lastName', 'Lin');
    flow.setBirthday('day', '28');
    expect(flow.submitRegistration()).toBeNull();
    expect(flow.consent?.kind).toBe('terms');
    flow.answerConsent(false);
    expect(flow.step).toBe('consent');
    expect(flow.noticeMessage).toContain('only with your agreement');
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    flow.answerConsent(false); // health
    flow.answerConsent(true); // marketing
    expect(flow.step).toBe('service');
    flow.chooseService('facial');
    expect(flow.step).toBe('confirm'); // no questionnaire without health consent
    flow.changeService();
    expect(flow.step).toBe('service');
    flow.chooseService('facial');
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)).toEqual([
      {
        serviceId: 'facial',
        language: 'en',
        answers: {},
        sameAsLast: false,
        client: { firstName: 'Mei', lastName: 'Lin', phone: '13800138000', birthday: '1990-02-28' },
        consents: [
          { kind: 'terms', version: 3, granted: true },
          { kind: 'health', version: 2, granted: false },
          { kind: 'marketing', version: 1, granted: true },
        ],
        signature: { consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] },
      },
    ]);
    checkIns[0]!(ticket);
    await tick();
    expect(flow.result?.inPerson).toBe(true);
  });

  it('sends both signatures when the salon asks for one on the terms and on the health consent', async () => {
    const health = view.consents!.health!;
    view.consents!.health = { ...health, signatureRequired: true };
    try {
      const { flow, sent } = await toRegistration();
      flow.setName('firstName', 'Mei');
      flow.setName('lastName', 'Lin');
      flow.submitRegistration();
      const terms = { consent: 'terms' as const, width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] };
      flow.setSignature(terms);
      flow.answerConsent(true);
      expect(flow.consent?.kind).toBe('health');
      flow.answerConsent(true);
      expect(flow.noticeMessage).toBe('Please sign in the box before you agree.'); // the terms' signature is not the health one
      const healthSig = { consent: 'health' as const, width: 300, height: 100, strokes: [[2, 2, 6, 6, 10, 10, 40, 40, 50, 50]] };
      flow.setSignature(healthSig);
      flow.setSignature(null); // cleared: the health pad is empty again
      flow.answerConsent(true);
      expect(flow.consent?.kind).toBe('health');
      flow.setSignature(healthSig);
      flow.answerConsent(true);
      // Back to the health consent: its pad is empty again, so its signature is asked for again.
      flow.back();
      expect(flow.consent?.kind).toBe('health');
      flow.answerConsent(true);
      expect(flow.noticeMessage).toBe('Please sign in the box before you agree.');
      flow.setSignature(healthSig);
      flow.answerConsent(true);
      flow.answerConsent(false); // marketing
      flow.chooseService('nails');
      void flow.submit();
      await tick();
      expect(checkInsOf(sent)[0]!.signature).toEqual([terms, healthSig]);
    } finally {
      view.consents!.health = health;
    }
  });

  it('must answer required questions, follow-ups appear and hidden ones are not sent; a blocking answer is flagged', async () => {
    const { flow, sent, checkIns } = await toRegistration();
    flow.setName('firstName', '美');
    flow.setName('lastName', '林');
    flow.submitRegistration();
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    flow.answerConsent(true);
    flow.answerConsent(false);
    flow.chooseService('facial');
    expect(flow.step).toBe('questionnaire');
    expect(flow.submitAnswers()).toBe('sunburn');
    expect([...flow.questionProblems.keys()]).toEqual(['sunburn', 'meds']);
    flow.setAnswer('sunburn', true);
    flow.setAnswer('meds', true);
    expect(flow.submitAnswers()).toBe('which');
    flow.setAnswer('which', '  aspirin ');
    flow.setAnswer('since', '2026-02-30');
    expect(flow.submitAnswers()).toBe('since');
    expect(flow.questionProblems.get('since')?.key).toBe('kiosk.questions.dateInvalid');
    flow.setAnswer('since', undefined);
    flow.setAnswer('meds', false); // hides "which?"
    expect(flow.submitAnswers()).toBeNull();
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]?.answers).toEqual({ sunburn: true, meds: false });
    checkIns[0]!(ticket);
    await tick();
    expect(flow.result?.blocked).toBe(true);
  });
});

describe('booked clients', () => {
  const booking = (arrival: 'early' | 'on_time' | 'late') =>
    known({ booking: { bookingId: 'bk1', serviceId: 'nails', staffId: null, startsAt: 5, arrival, checkInFrom: 4 } });

  it('an early client who waits checks in for the booking', async () => {
    const { flow, sent } = setUp({ confirm: booking('early') });
    flow.openScanner();
    expect(await flow.scanned(LINK)).toBe(true);
    expect(flow.step).toBe('booking');
    flow.checkInForBooking();
    expect(flow.step).toBe('confirm'); // nails has no questionnaire here
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]).toMatchObject({ bookingId: 'bk1', serviceId: 'nails' });
  });

  it('a booked client asked a consent again is asked it only after the booking is found (#11)', async () => {
    const early = { bookingId: 'bk1', serviceId: 'nails', staffId: null, startsAt: 5, arrival: 'early' as const, checkInFrom: 4 };
    const { flow, sent } = setUp({ confirm: known({ consents: { terms: 2, health: 2, marketing: null }, booking: early }) });
    flow.openScanner();
    await flow.scanned(LINK);
    expect(flow.step).toBe('booking');
    flow.checkInForBooking();
    expect(flow.step).toBe('consent');
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    expect(flow.step).toBe('confirm');
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]).toMatchObject({ bookingId: 'bk1', serviceId: 'nails', consents: [{ kind: 'terms', version: 3, granted: true }] });
  });

  it('a late client joins as a walk-in without the booking', async () => {
    const { flow, sent } = setUp({ confirm: booking('late') });
    flow.openScanner();
    await flow.scanned(LINK);
    flow.joinAsWalkIn();
    expect(flow.step).toBe('service');
    flow.chooseService('nails');
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]).not.toHaveProperty('bookingId');
  });

  it('a scanned booking link is confirmed by its token; anything else is refused with a message', async () => {
    const { flow, sent } = setUp({ confirm: booking('on_time') });
    flow.openScanner();
    expect(await flow.scanned('https://example.com/a/xyz')).toBe(false);
    expect(flow.noticeMessage).toContain('not a booking');
    expect(await flow.scanned('http://127.0.0.1:8080/b/abcdefghijklmnopqrstuvwxyz012345')).toBe(true);
    expect(sent).toEqual([{ name: 'token', input: 'abcdefghijklmnopqrstuvwxyz012345' }]);
    expect(flow.step).toBe('booking');
  });

  it('"I have a booking" by phone says at once that the desk matches it, and asks no consent of a returning client', async () => {
    const { flow, sent } = setUp();
    flow.start('booking');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    expect(flow.step).toBe('identify');
    expect(flow.intent).toBe('booking');
    flow.choose(true);
    expect(flow.step).toBe('service');
    expect(flow.consentTexts).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('an unknown or expired booking link is refused with the hub’s reason and the scanner stays open', async () => {
    const { flow } = setUp();
    flow.openScanner();
    expect(await flow.scanned(LINK)).toBe(false);
    expect(flow.step).toBe('scan');
    expect(flow.noticeMessage).toBe('This booking could not be found.');
  });
});

describe('bad input and refusals', () => {
  it('refuses a malformed phone number without asking the hub', () => {
    const { flow, sent } = setUp();
    flow.start('walk_in');
    flow.pressPhone('12');
    flow.submitPhone();
    expect(sent).toEqual([]);
    expect(flow.step).toBe('phone');
    expect(flow.noticeMessage).toContain('6 to 15 digits');
  });

  it('a rate-limited phone check-in asks the client to go to the front desk, in the language on screen', async () => {
    const { flow, checkIns } = setUp({}, 'zh-CN');
    flow.start('walk_in');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    flow.chooseService('nails');
    void flow.submit();
    await tick();
    checkIns[0]!({ ok: false, error: { code: 'rate_limited', message: 'Too many' } });
    await tick();
    expect(flow.step).toBe('confirm');
    expect(flow.noticeMessage).toBe('Too many');
  });

  it('back from who they are goes to the phone; reset forgets everything', async () => {
    const { flow, checkIns, sent } = setUp();
    flow.start('walk_in');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    flow.back();
    expect(flow.step).toBe('phone');
    expect(flow.returning).toBe(false);
    flow.submitPhone();
    flow.choose(true);
    flow.chooseService('facial');
    void flow.submit(true);
    await tick();
    flow.reset();
    checkIns[0]!(anonymous); // a late answer for the previous client
    await tick();
    expect(flow.step).toBe('welcome');
    expect(flow.result).toBeNull();
    expect([flow.phone, flow.visitor, flow.returning, flow.serviceId]).toEqual(['', null, false, null]);
    expect(checkInsOf(sent)).toHaveLength(1);
  });
});

describe('bookingToken', () => {
  it('reads the token of a booking link on any host, and nothing else', () => {
    expect(bookingToken('http://salon.local/b/abcdefghijklmnop_-12')).toBe('abcdefghijklmnop_-12');
    expect(bookingToken('/b/abcdefghijklmnop')).toBe('abcdefghijklmnop');
    expect(bookingToken('http://salon.local/a/abcdefghijklmnop')).toBeNull();
    expect(bookingToken('http://salon.local/b/short')).toBeNull();
    expect(bookingToken('hello')).toBeNull();
  });
});
