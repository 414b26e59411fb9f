import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BookingSettingsInputSchema,
  ConsentTextInputSchema,
  ContactInputSchema,
  createTranslator,
  QuestionnaireReplaceInputSchema,
  describeIssues,
  ServiceAftercareInputSchema,
  SETTINGS_STAFF_COMMANDS,
  type Ack,
  type StaffRole,
} from '@glow/shared';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { silentLogger } from '../logger.ts';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { bindCommands, type CommandHandlers } from '../transport/socket/bind-commands.ts';
import { isRefusal, type Refusal } from './app-error.ts';
import { decideBookingSettings } from './booking-settings.service.ts';
import { decideConsentText } from './consent-settings.service.ts';
import { decideContact } from './contact-settings.service.ts';
import type { Decision } from './hub-engine.ts';
import { salonSettingsOf, touchesSalonSettings } from './salon-settings-view.ts';
import { decideServiceAftercare } from './service-aftercare-settings.service.ts';
import { demoState } from './test-state.ts';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
const both = (s: string) => ({ en: s, 'zh-CN': `${s}（中文）` });
const CID = 'cmd-0000000001';

function ok<T>(d: Decision<T> | Refusal): Decision<T> {
  if (isRefusal(d)) throw new Error(`refused: ${d.reason ?? d.code}`);
  return d;
}

/** The problems a schema finds, as the tablet shows them: field path, rule, message in the manager's language. */
function problems(schema: z.ZodType, input: unknown, t = en) {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error.issues, t);
}

const aftercareInput = () => ({
  commandId: CID,
  serviceId: 'facial-classic',
  aftercare: both('Keep your skin clean for 24 hours.'),
  aftercareGuide: { normal: both('Slight redness'), notNormal: both('Blisters'), whenToCall: both('Swelling'), nextTreatmentWeeks: 4 },
});
const week = () => [null, ...Array.from({ length: 6 }, () => ({ start: '09:00', end: '18:00' }))];
const bookingInput = () => ({ commandId: CID, openingHours: week(), holdMinutes: 10, changeCutoffHours: 12, horizonDays: 30 });
const consentInput = (over: Record<string, unknown> = {}) => ({
  commandId: CID,
  kind: 'health',
  title: both('Your health answers'),
  body: both('We keep your answers to treat you safely.'),
  purpose: both('So your beautician can choose safe products.'),
  ifDeclined: both('Your beautician asks you in person.'),
  signatureRequired: true,
  ...over,
});

describe('salon settings: what the manager may send', () => {
  it('accepts a complete aftercare template and guide in both languages', () => {
    expect(problems(ServiceAftercareInputSchema, aftercareInput())).toEqual([]);
    expect(problems(ServiceAftercareInputSchema, { ...aftercareInput(), aftercareGuide: { ...aftercareInput().aftercareGuide, nextTreatmentWeeks: null } })).toEqual([]);
  });

  it('refuses a blank language, control characters, over-long text and an impossible next-treatment week, field by field', () => {
    const input = aftercareInput();
    input.aftercare['zh-CN'] = '   ';
    input.aftercareGuide.normal.en = 'bad\u0007bell';
    input.aftercareGuide.notNormal.en = 'x'.repeat(2001);
    input.aftercareGuide.nextTreatmentWeeks = 60;
    const found = problems(ServiceAftercareInputSchema, input);
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'aftercare.zh-CN', rule: 'required', message: 'Chinese is required.' },
        expect.objectContaining({ field: 'aftercareGuide.normal.en', rule: 'control_chars' }),
        expect.objectContaining({ field: 'aftercareGuide.notNormal.en', rule: 'too_long' }),
        { field: 'aftercareGuide.nextTreatmentWeeks', rule: 'weeks_range', message: en('rule.weeks_range') },
      ]),
    );
    expect(problems(ServiceAftercareInputSchema, input, zh).find((p) => p.field === 'aftercare.zh-CN')?.message).toBe('请填写中文。');
  });

  it('checks opening hours per weekday and the booking numbers', () => {
    expect(problems(BookingSettingsInputSchema, bookingInput())).toEqual([]);
    const bad = { ...bookingInput(), holdMinutes: 0, changeCutoffHours: 200, horizonDays: 2.5 };
    bad.openingHours[2] = { start: '18:00', end: '09:00' };
    bad.openingHours[3] = { start: '9am', end: '18:00' };
    const found = problems(BookingSettingsInputSchema, bad);
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'openingHours.2.end', rule: 'hours_order', message: en('rule.hours_order') },
        expect.objectContaining({ field: 'openingHours.3.start', rule: 'time_format' }),
        expect.objectContaining({ field: 'holdMinutes', rule: 'hold_range' }),
        expect.objectContaining({ field: 'changeCutoffHours', rule: 'cutoff_range' }),
        expect.objectContaining({ field: 'horizonDays', rule: 'horizon_range' }),
      ]),
    );
    expect(problems(BookingSettingsInputSchema, { ...bookingInput(), openingHours: week().slice(0, 6) })).not.toEqual([]);
  });

  it('lets only the terms and the health consent ask for a signature', () => {
    expect(problems(ConsentTextInputSchema, consentInput())).toEqual([]);
    expect(problems(ConsentTextInputSchema, consentInput({ kind: 'marketing' , signatureRequired: true }))).toEqual([
      { field: 'signatureRequired', rule: 'signature_not_signable', message: en('rule.signature_not_signable') },
    ]);
    expect(problems(ConsentTextInputSchema, consentInput({ body: { en: 'ok', 'zh-CN': '' } }))[0]).toMatchObject({ field: 'body.zh-CN', rule: 'required' });
  });

  it('refuses a questionnaire whose label, option or rule flag is blank in a language, on that very text', async () => {
    const state = await demoState();
    const facial = Object.values(state.questionnaires).find((q) => q.category === 'facial')!;
    const ruled = facial.questions.findIndex((q) => q.rules.length > 0);
    const broken = structuredClone(facial);
    broken.questions[0]!.label['zh-CN'] = ' ';
    broken.questions[ruled]!.rules[0]!.flag.en = '';
    expect(problems(QuestionnaireReplaceInputSchema, { commandId: CID, questionnaire: facial })).toEqual([]);
    expect(problems(QuestionnaireReplaceInputSchema, { commandId: CID, questionnaire: broken })).toEqual([
      { field: 'questionnaire.questions.0.label.zh-CN', rule: 'required', message: 'Chinese is required.' },
      { field: `questionnaire.questions.${ruled}.rules.0.flag.en`, rule: 'required', message: 'English is required.' },
    ]);
  });

  it('checks the salon’s phone number', () => {
    const contact = { commandId: CID, phone: '+44 20 7946 0000', address: both('1 High St') };
    expect(problems(ContactInputSchema, contact)).toEqual([]);
    expect(problems(ContactInputSchema, { ...contact, phone: 'call us' })[0]).toMatchObject({ field: 'phone', rule: 'contact_phone' });
    expect(problems(ContactInputSchema, { ...contact, phone: '' })[0]).toMatchObject({ field: 'phone', rule: 'required' });
  });
});

describe('salon settings: decisions', () => {
  let seeded: HubState;
  let state: HubState;
  beforeAll(async () => {
    seeded = await demoState();
  });
  beforeEach(() => {
    state = structuredClone(seeded);
  });

  it('rewrites a service’s aftercare and guide, and nothing else of it', () => {
    const before = state.services['facial-classic']!;
    const input = aftercareInput();
    const d = ok(decideServiceAftercare(state, input));
    expect(d.changes.services!['facial-classic']).toEqual({ ...before, aftercare: input.aftercare, aftercareGuide: input.aftercareGuide });
    expect(decideServiceAftercare(state, { ...input, serviceId: 'no-such' })).toEqual({ code: 'not_found', reason: 'unknown_service', params: undefined });
  });

  it('replaces the hours, hold, cutoff and horizon, keeping the other booking settings', () => {
    const before = state.meta.booking;
    const d = decideBookingSettings(state, bookingInput());
    expect(d.changes.meta!.booking).toEqual({ ...before, openingHours: week(), holdMinutes: 10, changeCutoffHours: 12, horizonDays: 30 });
    expect(touchesSalonSettings(d.changes)).toBe(true);
  });

  it('makes a changed consent text the next version, and keeps the version when only the signature toggle changes', () => {
    const current = state.meta.consents!.health!;
    const same = decideConsentText(state, { ...current, signatureRequired: !current.signatureRequired });
    expect(same.result).toEqual({ kind: 'health', version: current.version, newVersion: false });
    expect(same.changes.meta!.consents!.health).toMatchObject({ version: current.version, signatureRequired: !current.signatureRequired, body: current.body });

    const changedZh = decideConsentText(state, { ...current, body: { ...current.body, 'zh-CN': `${current.body['zh-CN']}（已更新）` } });
    expect(changedZh.result).toEqual({ kind: 'health', version: current.version + 1, newVersion: true });
    applyChanges(state, changedZh.changes);
    expect(state.meta.consents!.health!.version).toBe(current.version + 1);
    // The other consents are untouched, and `required` is the salon's, not the form's.
    expect(state.meta.consents!.terms).toEqual(seeded.meta.consents!.terms);
    expect(state.meta.consents!.health!.required).toBe(current.required);
    const again = decideConsentText(state, { ...current, title: both('New title') });
    expect(again.result.version).toBe(current.version + 2);
  });

  it('starts a consent the salon never had at version 1', () => {
    delete state.meta.consents;
    const d = decideConsentText(state, { ...consentInput({ kind: 'terms' }), kind: 'terms' } as never);
    expect(d.result).toEqual({ kind: 'terms', version: 1, newVersion: true });
    expect(d.changes.meta!.consents!.terms).toMatchObject({ required: true, version: 1 });
  });

  it('sets the contact and keeps the aftercare link days', () => {
    const contact = { phone: '+44 20 7946 1111', address: both('2 Low St') };
    const d = decideContact(state, contact);
    expect(d.changes.meta!.aftercare).toEqual({ ...state.meta.aftercare, contact });
    expect(touchesSalonSettings(d.changes)).toBe(false);
  });

  it('shows the manager the booking settings, consents and current questionnaires', () => {
    const view = salonSettingsOf(state);
    expect(view.booking).toEqual(state.meta.booking);
    expect(view.consents.terms).toEqual(state.meta.consents!.terms);
    expect(view.questionnaires.facial?.category).toBe('facial');
  });
});

describe('salon settings: who may send them', () => {
  /** A socket stand-in that keeps the binder's listeners so the test can call them as a tablet would. */
  function bound(role: StaffRole | null) {
    const listeners = new Map<string, (raw: unknown, ack: (a: Ack<unknown>) => void) => Promise<void>>();
    const socket = { on: (name: string, fn: never) => listeners.set(name, fn) } as unknown as Socket;
    const calls: string[] = [];
    const handler = (name: string) => async () => {
      calls.push(name);
      return { ok: true as const, data: {} };
    };
    const handlers = Object.fromEntries(Object.keys(SETTINGS_STAFF_COMMANDS).map((n) => [n, handler(n)]));
    bindCommands(socket, SETTINGS_STAFF_COMMANDS, handlers as unknown as CommandHandlers<typeof SETTINGS_STAFF_COMMANDS>, () => ({ language: 'zh-CN', role }), silentLogger);
    const sendAs = (name: string, raw: unknown) => new Promise<Ack<unknown>>((resolve) => void listeners.get(name)!(raw, resolve));
    return { sendAs, calls };
  }
  const valid: Record<keyof typeof SETTINGS_STAFF_COMMANDS, unknown> = {
    'settings:serviceAftercare': aftercareInput(),
    'settings:booking': bookingInput(),
    'settings:consent': consentInput(),
    'settings:contact': { commandId: CID, phone: '+44 20 7946 0000', address: both('1 High St') },
  };

  it('refuses the front desk and beauticians in their language, and never runs the decision', async () => {
    for (const role of ['front_desk', 'beautician'] as const) {
      const { sendAs, calls } = bound(role);
      for (const [name, input] of Object.entries(valid)) {
        expect(await sendAs(name, input)).toEqual({ ok: false, error: { code: 'forbidden', message: zh('error.forbidden') } });
      }
      expect(calls).toEqual([]);
    }
  });

  it('lets the manager through, and answers bad input without running the decision', async () => {
    const { sendAs, calls } = bound('manager');
    for (const [name, input] of Object.entries(valid)) expect(await sendAs(name, input)).toEqual({ ok: true, data: {} });
    expect(calls).toEqual(Object.keys(valid));
    const refused = await sendAs('settings:booking', { ...bookingInput(), holdMinutes: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'holdMinutes', message: zh('rule.hold_range') }] } });
    expect(calls).toHaveLength(4);
  });
});
