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
import { newClient } from './current-client.ts';
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
  categories: {},
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
  const flow = new CheckInFlow({
    hub,
    view: () => view,
    language: () => language,
    t: () => createKioskTranslator(language, language === 'en' ? en : zhCN),
    now: () => Date.UTC(2026, 10, 23, 10),
    timeZone: () => 'Asia/Shanghai',
  });
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
    expect(flow.client.step).toBe('identify');
    flow.choose(true); // tap 3
    expect(flow.client.step).toBe('service'); // no consents asked, nothing shown
    flow.chooseService('facial'); // tap 4
    expect(flow.client.step).toBe('review');
    expect(flow.lastAnswers).toBeUndefined();
    void flow.submit(true); // tap 5
    void flow.submit(true);
    await tick();
    expect(checkInsOf(sent)).toEqual([
      { serviceId: 'facial', language: 'en', returning: { phone: '13800138000', saysBooked: false }, consents: [], sameAsLast: true },
    ]);
    checkIns[0]!(anonymous);
    await tick();
    expect(flow.client.step).toBe('ticket');
    expect(flow.client.result).toMatchObject({ ticket: 'A001', firstName: null, blocked: false, inPerson: false, review: true, saysBooked: false });
  });

  it('"something has changed" checks in for the consultation in the room; a booking by phone is left to the desk', async () => {
    const { flow, sent, checkIns } = setUp();
    flow.start('booking');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    expect(flow.client.step).toBe('service');
    flow.chooseService('facial');
    void flow.submit(false);
    await tick();
    expect(checkInsOf(sent)[0]).toEqual({ serviceId: 'facial', language: 'en', returning: { phone: '13800138000', saysBooked: true }, consents: [], sameAsLast: false });
    checkIns[0]!(anonymous);
    await tick();
    expect(flow.client.result).toMatchObject({ inPerson: true, review: false, saysBooked: true });
  });

  it('"already checked in" from the hub is shown with the ticket, and nothing moves on', async () => {
    const { flow, checkIns } = setUp({}, 'zh-CN');
    flow.start('walk_in');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    flow.chooseService('nails');
    expect(flow.client.step).toBe('confirm'); // nails has no questionnaire here
    void flow.submit();
    await tick();
    checkIns[0]!({ ok: false, error: { code: 'conflict', reason: 'already_checked_in', message: '您已经签到，您的号码是 A007。' } });
    await tick();
    expect(flow.client.step).toBe('confirm');
    expect(flow.noticeMessage).toBe('您已经签到，您的号码是 A007。');
  });
});

describe('a client who scanned their booking QR (proven)', () => {
  it('is asked again only for a consent whose text has a newer version, and edits last answers', async () => {
    const late = { bookingId: 'bk1', serviceId: 'nails', staffId: null, startsAt: 5, arrival: 'late' as const, checkInFrom: 4 };
    const { flow, sent } = setUp({ confirm: known({ consents: { terms: 2, health: 2, marketing: null }, booking: late }) });
    flow.start('booking');
    flow.openScanner();
    expect(await flow.scanned(LINK)).toBe(true);
    // #11: the booking's state (late here) is said before any consent is asked.
    expect(flow.client.step).toBe('booking');
    flow.joinAsWalkIn();
    expect(flow.client.step).toBe('consent');
    expect(flow.client.consentTexts.map((c) => c.kind)).toEqual(['terms']);
    flow.answerConsent(true);
    expect(flow.noticeMessage).toBe('Please sign in the box before you agree.');
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    expect(flow.client.step).toBe('service');
    flow.chooseService('facial');
    expect(flow.client.step).toBe('review');
    flow.editAnswers();
    expect(flow.client.answers).toEqual({ sunburn: false, meds: false });
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
      signature: [expect.objectContaining({ consent: 'terms', width: 300, height: 100 })],
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
    expect(flow.client.step).toBe('register');
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
    expect(flow.client.step).toBe('consent');
    expect(flow.noticeMessage).toContain('only with your agreement');
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    flow.answerConsent(false); // health
    flow.answerConsent(true); // marketing
    expect(flow.client.step).toBe('service');
    flow.chooseService('facial');
    expect(flow.client.step).toBe('confirm'); // no questionnaire without health consent
    flow.changeService();
    expect(flow.client.step).toBe('service');
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
        signature: [{ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] }],
      },
    ]);
    checkIns[0]!(ticket);
    await tick();
    expect(flow.client.result?.inPerson).toBe(true);
  });

  it('"Back" follows the table through the whole visit: "Change" returns to the summary, then back to the start', async () => {
    const { flow } = await toRegistration();
    flow.setName('firstName', 'Mei');
    flow.submitRegistration();
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    flow.answerConsent(false); // health: no questions
    flow.answerConsent(false);
    flow.chooseService('facial');
    expect(flow.client.step).toBe('confirm');
    flow.changeService();
    flow.back();
    expect(flow.client.step).toBe('confirm'); // "Change" and back: the summary as it was
    const trail: string[] = [];
    while (flow.client.step !== 'welcome') {
      flow.back();
      trail.push(flow.client.step === 'consent' ? `consent:${flow.consent?.kind}` : flow.client.step);
    }
    expect(trail).toEqual(['service', 'consent:marketing', 'consent:health', 'consent:terms', 'register', 'phone', 'welcome']);
    expect(flow.client).toEqual(newClient());
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
    expect(flow.client.step).toBe('questionnaire');
    expect(flow.submitAnswers()).toBe('sunburn');
    expect([...flow.client.questionProblems.keys()]).toEqual(['sunburn', 'meds']);
    flow.setAnswer('sunburn', true);
    flow.setAnswer('meds', true);
    expect(flow.submitAnswers()).toBe('which');
    flow.setAnswer('which', '  aspirin ');
    flow.setAnswer('since', '2026-02-30');
    expect(flow.submitAnswers()).toBe('since');
    expect(flow.client.questionProblems.get('since')?.key).toBe('kiosk.questions.dateInvalid');
    flow.setAnswer('since', undefined);
    flow.setAnswer('meds', false); // hides "which?"
    expect(flow.submitAnswers()).toBeNull();
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]?.answers).toEqual({ sunburn: true, meds: false });
    checkIns[0]!(ticket);
    await tick();
    expect(flow.client.result?.blocked).toBe(true);
  });
});

describe('booked clients', () => {
  const booking = (arrival: 'early' | 'on_time' | 'late') =>
    known({ booking: { bookingId: 'bk1', serviceId: 'nails', staffId: null, startsAt: 5, arrival, checkInFrom: 4 } });

  it('an early client who waits checks in for the booking', async () => {
    const { flow, sent } = setUp({ confirm: booking('early') });
    flow.start('booking');
    flow.openScanner();
    expect(await flow.scanned(LINK)).toBe(true);
    expect(flow.client.step).toBe('booking');
    flow.checkInForBooking();
    expect(flow.client.step).toBe('confirm'); // nails has no questionnaire here
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]).toMatchObject({ bookingId: 'bk1', serviceId: 'nails' });
  });

  it('a booked client asked a consent again is asked it only after the booking is found (#11)', async () => {
    const early = { bookingId: 'bk1', serviceId: 'nails', staffId: null, startsAt: 5, arrival: 'early' as const, checkInFrom: 4 };
    const { flow, sent } = setUp({ confirm: known({ consents: { terms: 2, health: 2, marketing: null }, booking: early }) });
    flow.start('booking');
    flow.openScanner();
    await flow.scanned(LINK);
    expect(flow.client.step).toBe('booking');
    flow.checkInForBooking();
    expect(flow.client.step).toBe('consent');
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    expect(flow.client.step).toBe('confirm');
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]).toMatchObject({ bookingId: 'bk1', serviceId: 'nails', consents: [{ kind: 'terms', version: 3, granted: true }] });
  });

  it('a late client joins as a walk-in without the booking', async () => {
    const { flow, sent } = setUp({ confirm: booking('late') });
    flow.start('booking');
    flow.openScanner();
    await flow.scanned(LINK);
    flow.joinAsWalkIn();
    expect(flow.client.step).toBe('service');
    flow.chooseService('nails');
    void flow.submit();
    await tick();
    expect(checkInsOf(sent)[0]).not.toHaveProperty('bookingId');
  });

  it('a scanned booking link is confirmed by its token; anything else is refused with a message', async () => {
    const { flow, sent } = setUp({ confirm: booking('on_time') });
    flow.start('booking');
    flow.openScanner();
    expect(await flow.scanned('https://example.com/a/xyz')).toBe(false);
    expect(flow.noticeMessage).toContain('not a booking');
    expect(await flow.scanned('http://127.0.0.1:8080/b/abcdefghijklmnopqrstuvwxyz012345')).toBe(true);
    expect(sent).toEqual([{ name: 'token', input: 'abcdefghijklmnopqrstuvwxyz012345' }]);
    expect(flow.client.step).toBe('booking');
  });

  it('"I have a booking" by phone says at once that the desk matches it, and asks no consent of a returning client', async () => {
    const { flow, sent } = setUp();
    flow.start('booking');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    expect(flow.client.step).toBe('identify');
    expect(flow.client.intent).toBe('booking');
    flow.choose(true);
    expect(flow.client.step).toBe('service');
    expect(flow.client.consentTexts).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('an unknown or expired booking link is refused with the hub’s reason and the scanner stays open', async () => {
    const { flow } = setUp();
    flow.start('booking');
    flow.openScanner();
    expect(await flow.scanned(LINK)).toBe(false);
    expect(flow.client.step).toBe('scan');
    expect(flow.noticeMessage).toBe('This booking could not be found.');
  });
});

describe('the salon’s calendar', () => {
  it('judges a birthday on the salon’s day (the zone the hub sends), not the kiosk device’s', () => {
    const at = Date.UTC(2026, 10, 22, 17); // 01:00 on 23 November in Shanghai, still the 22nd in UTC
    const birthdayError = (timeZone: string | undefined) => {
      const hub: KioskHub = { confirmByToken: async () => NOT_FOUND, checkIn: async () => ticket };
      const flow = new CheckInFlow({ hub, view: () => view, language: () => 'en', t: () => createKioskTranslator('en', en), now: () => at, timeZone: () => timeZone });
      flow.start('walk_in');
      flow.pressPhone('13800138000');
      flow.submitPhone();
      flow.choose(false);
      flow.setName('firstName', 'Mei');
      flow.setBirthday('year', '2026');
      flow.setBirthday('month', '11');
      flow.setBirthday('day', '23');
      flow.submitRegistration();
      return flow.registerErrors.get('birthday') ?? null;
    };
    expect(birthdayError('Asia/Shanghai')).toBeNull();
    expect(birthdayError('UTC')).toBe('A birthday cannot be in the future.');
  });
});

describe('bad input and refusals', () => {
  it('refuses a malformed phone number without asking the hub', () => {
    const { flow, sent } = setUp();
    flow.start('walk_in');
    flow.pressPhone('12');
    flow.submitPhone();
    expect(sent).toEqual([]);
    expect(flow.client.step).toBe('phone');
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
    expect(flow.client.step).toBe('confirm');
    expect(flow.noticeMessage).toBe('Too many');
  });

  it('back from who they are goes to the phone; reset forgets everything', async () => {
    const { flow, checkIns, sent } = setUp();
    flow.start('walk_in');
    flow.pressPhone('13800138000');
    flow.submitPhone();
    flow.choose(true);
    flow.back();
    expect(flow.client.step).toBe('phone');
    expect(flow.client.returning).toBe(false);
    flow.submitPhone();
    flow.choose(true);
    flow.chooseService('facial');
    void flow.submit(true);
    await tick();
    flow.reset();
    checkIns[0]!(anonymous); // a late answer for the previous client
    await tick();
    expect(flow.client.step).toBe('welcome');
    expect(flow.client.result).toBeNull();
    expect([flow.client.phone, flow.client.visitor, flow.client.returning, flow.client.serviceId]).toEqual(['', null, false, null]);
    expect(checkInsOf(sent)).toHaveLength(1);
  });
});

/**
 * Every value reachable from the flow as any screen or script could reach it: its public fields and getters (the client,
 * the derived figures), followed into objects, arrays and maps. The injected hub, view and translator are left out: they
 * are the kiosk's, not the client's.
 */
function reachable(flow: CheckInFlow): string {
  const seen = new Set<unknown>();
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (value === null || value === undefined || typeof value === 'function') return;
    if (typeof value !== 'object') {
      out.push(String(value));
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) (walk(k), walk(v));
    else for (const v of Object.values(value)) walk(v);
  };
  const names = new Set([...Object.keys(flow), ...Object.getOwnPropertyNames(CheckInFlow.prototype)]);
  for (const name of names) {
    if (['constructor', 'hub', 'view', 'language', 't', 'now', 'timeZone'].includes(name)) continue;
    walk((flow as unknown as Record<string, unknown>)[name]);
  }
  return out.join('\n');
}

describe('forgetting the client', () => {
  /** Client A, halfway: a number, a name and birthday, the consents with a signature, answers, and a refusal on screen. */
  async function halfway() {
    const s = setUp();
    const { flow } = s;
    flow.start('walk_in');
    flow.pressPhone('13800990044');
    flow.submitPhone();
    flow.choose(false);
    flow.setName('firstName', 'Zebedee');
    flow.setName('lastName', 'Quixley');
    flow.setBirthday('year', '1977');
    flow.setBirthday('month', '7');
    flow.setBirthday('day', '19');
    expect(flow.submitRegistration()).toBeNull();
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[4, 4, 7, 7, 123456, 9, 20, 20]] });
    flow.answerConsent(true);
    flow.answerConsent(true);
    flow.answerConsent(false);
    flow.chooseService('facial');
    flow.setAnswer('meds', true);
    flow.setAnswer('which', 'mangosteen tea');
    expect(flow.submitAnswers()).toBe('sunburn'); // a problem on screen too
    return s;
  }
  const TRACES = /13800990044|Zebedee|Quixley|1977|mangosteen|123456|facial/;

  it('after a reset nothing of the previous client is reachable from the flow: the one object was replaced', async () => {
    const { flow } = await halfway();
    const before = flow.client;
    expect(reachable(flow)).toMatch(TRACES); // the walk does find a client who is there
    expect(before.step).toBe('questionnaire');
    flow.reset();
    expect(flow.client).not.toBe(before);
    expect(flow.client).toEqual(newClient());
    expect(reachable(flow)).not.toMatch(TRACES);
    // Every field the client object has is back to a new client's, whatever fields are added to it later.
    for (const key of Object.keys(newClient())) expect(flow.client[key as keyof typeof before], key).toEqual(newClient()[key as keyof typeof before]);
  });

  it('a new client after a reset starts blank: no number, name, birthday, consent, signature or answer of the one before', async () => {
    const { flow, sent } = await halfway();
    flow.reset();
    flow.start('walk_in');
    expect(flow.client.phone).toBe('');
    flow.pressPhone('13911112222');
    flow.submitPhone();
    flow.choose(false);
    expect([flow.client.firstName, flow.client.lastName, flow.client.birthday]).toEqual(['', '', { year: '', month: '', day: '' }]);
    expect(flow.registerErrors.size).toBe(0); // the previous client's "Next" does not show problems here
    flow.setName('firstName', 'Bo');
    flow.submitRegistration();
    expect(flow.consent?.kind).toBe('terms');
    flow.answerConsent(true);
    expect(flow.noticeMessage).toBe('Please sign in the box before you agree.'); // A's signature is not B's
    flow.setSignature({ consent: 'terms', width: 300, height: 100, strokes: [[1, 1, 5, 5, 9, 9, 20, 20, 30, 30]] });
    flow.answerConsent(true);
    flow.answerConsent(true);
    flow.answerConsent(false);
    flow.chooseService('facial');
    expect(flow.client.answers).toEqual({});
    expect(flow.client.questionProblems.size).toBe(0);
    flow.setAnswer('sunburn', false);
    flow.setAnswer('meds', false);
    flow.submitAnswers();
    void flow.submit();
    await tick();
    const input = checkInsOf(sent).at(-1)!;
    expect(JSON.stringify(input)).not.toMatch(/13800990044|Zebedee|Quixley|1977|mangosteen|123456/);
    expect(input.client).toEqual({ firstName: 'Bo', lastName: '', phone: '13911112222' });
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
