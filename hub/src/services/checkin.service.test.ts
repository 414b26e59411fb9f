import { beforeEach, describe, expect, it } from 'vitest';
import { CheckInInputSchema, DeskCheckInInputSchema } from '@glow/shared';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { decideDeskCheckIn, decideKioskCheckIn } from './checkin.service.ts';
import { autoAssign } from './auto-assign.ts';
import { ActiveVisits } from './active-visits.ts';
import { demoState, sequentialIds } from './test-state.ts';
import { kioskCheckIn } from '../../../tests/support/kiosk-check-in.ts';

/** A Monday, 10:00 in the salon's time zone (UTC in these tests): the demo staff are on shift. */
const TEN_AM = Date.UTC(2026, 10, 23, 10, 0);

const input = (phone: string, serviceId = 'facial-classic', firstName = 'Lina') =>
  CheckInInputSchema.parse(kioskCheckIn({ commandId: 'cmd-000001', client: { firstName, lastName: 'Zhou', phone }, serviceId, language: 'zh-CN' }));

describe('decideKioskCheckIn and decideDeskCheckIn', () => {
  let state: HubState;
  beforeEach(async () => {
    state = await demoState();
  });

  it('creates the client and a queued visit with the day’s next ticket', () => {
    // The staff are here to take her: the wait counts only staff present today (#11).
    state.meta.presence = Object.fromEntries(Object.keys(state.staff).map((id) => [id, { day: '2026-11-23', at: TEN_AM - 3_600_000, by: id }]));
    const d = decideKioskCheckIn(state, TEN_AM, input('13800138000'), { today: '2026-11-23', newId: sequentialIds(), existingClientId: undefined, activeVisits: [] });
    if ('code' in d) throw new Error('refused');
    const visit = Object.values(d.changes.visits!)[0]!;
    expect(visit).toMatchObject({ state: 'queued', ticket: 'A001', serviceId: 'facial-classic', language: 'zh-CN' });
    expect(visit.times).toEqual({ checked_in: TEN_AM, queued: TEN_AM });
    expect(Object.values(d.changes.clients!)[0]).toMatchObject({ firstName: 'Lina', phone: '13800138000' });
    expect(d.changes.meta).toEqual({ ticket: { day: '2026-11-23', last: 1 } });
    expect(d.result).toMatchObject({ ticket: 'A001', firstName: 'Lina', estimateMin: 0 });
  });

  it('keeps a kiosk registration with a known number apart: the stored client is neither changed nor named', () => {
    state.clients.c1 = { id: 'c1', firstName: 'Mei', lastName: 'Wong', phone: '13800138000', language: 'en', createdAt: 0, referredBy: null };
    const d = decideKioskCheckIn(state, 1000, input('13800138000', 'facial-classic', 'Somebody'), {
      today: '2026-11-23',
      newId: sequentialIds(),
      existingClientId: 'c1',
      activeVisits: [],
    });
    if ('code' in d) throw new Error('refused');
    expect(d.changes.clients!.c1).toBeUndefined();
    const visit = Object.values(d.changes.visits!)[0]!;
    expect(visit.clientId).not.toBe('c1');
    expect(d.changes.clients![visit.clientId]).toMatchObject({ firstName: 'Somebody', duplicateOf: 'c1' });
    expect(d.result.firstName).toBe('Somebody');
  });

  it('a phone-only "returning" check-in answers alike for a known and an unknown number and changes no client', () => {
    state.clients.c1 = { id: 'c1', firstName: 'Mei', lastName: 'Wong', phone: '13800138000', language: 'en', createdAt: 0, referredBy: null };
    const returning = (phone: string) =>
      CheckInInputSchema.parse(kioskCheckIn({ commandId: 'cmd-000009', returning: { phone, saysBooked: false }, serviceId: 'facial-classic', sameAsLast: true }));
    const ctx = (existingClientId: string | undefined) => ({ today: '2026-11-23', newId: () => 'v1', existingClientId, activeVisits: [] });
    const known = decideKioskCheckIn(state, 1000, returning('13800138000'), ctx('c1'));
    const unknown = decideKioskCheckIn(state, 1000, returning('13900139000'), ctx(undefined));
    if ('code' in known || 'code' in unknown) throw new Error('refused');
    expect(known.result).toEqual(unknown.result);
    expect(known.result.firstName).toBeNull();
    expect(known.changes.clients).toEqual({});
    expect(Object.values(known.changes.visits!)[0]).toMatchObject({ clientId: 'c1', identityCheck: 'returning_unproven', consultationInPerson: true });
    expect(Object.values(unknown.changes.visits!)[0]).toMatchObject({ identityCheck: 'number_not_on_file', consultationInPerson: true });
  });

  it('refuses a service the salon does not offer', () => {
    const d = decideKioskCheckIn(state, 1000, input('13800138000', 'botox'), { today: 'x', newId: sequentialIds(), existingClientId: undefined, activeVisits: [] });
    expect(d).toEqual({ code: 'invalid_input', reason: 'unknown_service', params: undefined });
  });

  it('at the front desk records the beautician the client asked for, and refuses one who does not exist', () => {
    const ctx = { today: 'x', newId: sequentialIds(), existingClientId: undefined, activeVisits: [] };
    const desk = (over: object) =>
      DeskCheckInInputSchema.parse({ commandId: 'cmd-000001', client: { firstName: 'Lina', lastName: 'Zhou', phone: '13800138000' }, serviceId: 'facial-classic', language: 'zh-CN', ...over });
    const d = decideDeskCheckIn(state, 1000, desk({ preferredStaffId: 'anna', waitForPreferred: true }), ctx);
    if ('code' in d) throw new Error('refused');
    expect(Object.values(d.changes.visits!)[0]).toMatchObject({ preferredStaffId: 'anna', waitForPreferred: true, queueRank: 1000 });
    expect(decideDeskCheckIn(state, 1000, desk({ preferredStaffId: 'nobody' }), ctx)).toMatchObject({ reason: 'unknown_staff' });
  });

  it('is followed by assignment to a free qualified beautician and a fitting room', () => {
    const d = decideKioskCheckIn(state, TEN_AM, input('13800138000', 'hair-root-colour'), { today: 'x', newId: sequentialIds(), existingClientId: undefined, activeVisits: [] });
    if ('code' in d) throw new Error('refused');
    applyChanges(state, d.changes);
    // Sofia signed in on her tablet this morning: the planner offers clients only to staff who are here.
    state.meta.presence = { sofia: { day: '2026-11-23', at: TEN_AM - 3_600_000, by: 'sofia' } };
    const assigned = autoAssign(state, TEN_AM + 1000, ActiveVisits.of(state).list(state))!;
    const visit = Object.values(assigned.visits!)[0]!;
    expect(visit).toMatchObject({ state: 'assigned', staffId: 'sofia', roomId: 'colour-bar', acceptedAt: null });
    expect(visit.plan).toMatchObject({ version: 1, durationMin: 90, serviceIds: ['hair-root-colour'], approvedVersion: null });
    expect(visit.times.assigned).toBe(TEN_AM + 1000);
    expect(assigned.rooms!['colour-bar']).toMatchObject({ state: 'occupied', visitId: visit.id });
  });
});
