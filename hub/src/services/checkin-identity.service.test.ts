import { beforeEach, describe, expect, it } from 'vitest';
import { CheckInInputSchema } from '@glow/shared';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { decideKioskCheckIn, type CheckInContext } from './checkin.service.ts';
import { decideResolveIdentity } from './checkin-identity.service.ts';
import { demoState, sequentialIds } from './test-state.ts';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const DESK = { staffId: 'grace', role: 'front_desk' as const };
const FACIAL = (pregnant: boolean) => ({ pregnant, isotretinoin: false, sunburn: false, skin_allergy: false });
const consents = (health: boolean) => [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: health },
];
const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 50, 40, 90, 30, 130, 60, 170, 20]] };

describe('decideResolveIdentity: the desk settles a kiosk registration with a known number', () => {
  let state: HubState;
  let ctx: CheckInContext;
  const checkIn = (firstName: string, pregnant: boolean, existingClientId?: string) => {
    const input = CheckInInputSchema.parse({
      commandId: `cmd-${firstName.replace(/\W/g, "")}-0001`,
      client: { firstName, phone: '13800138000' },
      serviceId: 'facial-classic',
      language: 'en',
      answers: FACIAL(pregnant),
      consents: consents(true),
      signature: [SIGNATURE],
    });
    const d = decideKioskCheckIn(state, NOW, input, { ...ctx, existingClientId });
    if ('code' in d) throw new Error(d.reason);
    applyChanges(state, d.changes);
    return state.visits[d.result.visitId]!;
  };
  beforeEach(async () => {
    state = await demoState();
    ctx = { today: '2026-11-23', newId: sequentialIds(), existingClientId: undefined, activeVisits: [] };
  });

  it('same person: the record is attached to the client on file (consents appended, newest answers, visits moved) and removed', () => {
    const first = checkIn('Mei', false);
    const second = checkIn('Mei L', true, first.clientId);
    const d = decideResolveIdentity(state, DESK, second.id, 'same_person');
    if ('code' in d) throw new Error(d.reason);
    applyChanges(state, d.changes);
    expect(state.clients[second.clientId]).toBeUndefined();
    expect(state.visits[second.id]).toMatchObject({ clientId: first.clientId, identityCheck: null });
    expect(state.clients[first.clientId]!.consents).toHaveLength(4);
    expect(state.clients[first.clientId]!.lastAnswers!.facial!.answers).toEqual(FACIAL(true));
    // Settled: asking again is refused with a reason.
    expect(decideResolveIdentity(state, DESK, second.id, 'same_person')).toMatchObject({ code: 'conflict', reason: 'not_a_duplicate' });
  });

  it('separate: the record stays its own, the client on file is untouched', () => {
    const first = checkIn('Mei', false);
    const owner = structuredClone(state.clients[first.clientId]!);
    const second = checkIn('Eve', true, first.clientId);
    const d = decideResolveIdentity(state, DESK, second.id, 'separate');
    if ('code' in d) throw new Error(d.reason);
    applyChanges(state, d.changes);
    expect(state.visits[second.id]).toMatchObject({ clientId: second.clientId, identityCheck: null });
    expect(state.clients[second.clientId]).toMatchObject({ firstName: 'Eve', duplicateOf: first.clientId });
    expect(state.clients[first.clientId]).toEqual(owner);
  });
});
