import { beforeEach, describe, expect, it } from 'vitest';
import type { HubState } from '../store/hub-state.ts';
import type { Visit } from '@glow/shared';
import { decideClose, decideVisitStep } from './visit.service.ts';
import { demoState } from './test-state.ts';

const mei = { staffId: 'mei', role: 'beautician' as const };

describe('visit steps', () => {
  let state: HubState;
  const put = (v: Partial<Visit>) => {
    state.visits.v1 = {
      id: 'v1',
      ticket: 'A001',
      clientId: 'c1',
      serviceId: 'facial-classic',
      kind: 'walk_in',
      state: 'assigned',
      roomId: 'room-1',
      staffId: 'mei',
      times: {},
      answers: {},
      rating: null,
      incident: false,
      language: 'en',
      ...v,
    };
    state.rooms['room-1'] = { ...state.rooms['room-1']!, state: 'occupied', visitId: 'v1' };
  };
  beforeEach(async () => {
    state = await demoState();
  });

  it('moves through the state machine and records when', () => {
    put({});
    const d = decideVisitStep(state, 5, mei, 'v1', 'confirmPlan');
    expect(d).toMatchObject({ result: { state: 'plan_confirmed' }, changes: { visits: { v1: { times: { plan_confirmed: 5 } } } } });
  });

  it('refuses another beautician, an unknown visit and an illegal step, each with its reason', () => {
    put({});
    expect(decideVisitStep(state, 5, { staffId: 'anna', role: 'beautician' }, 'v1', 'confirmPlan')).toMatchObject({ reason: 'not_your_visit' });
    expect(decideVisitStep(state, 5, mei, 'nope', 'start')).toMatchObject({ code: 'not_found', reason: 'unknown_visit' });
    expect(decideVisitStep(state, 5, mei, 'v1', 'start')).toEqual({
      code: 'conflict',
      reason: 'illegal_transition',
      params: { from: 'state.assigned', command: 'command.start' },
    });
    // The front desk may act on any visit.
    expect(decideVisitStep(state, 5, { staffId: 'grace', role: 'front_desk' }, 'v1', 'confirmPlan')).toMatchObject({
      result: { state: 'plan_confirmed' },
    });
  });

  it('closing stores the rating, frees the room and issues a link stored only by its hash', () => {
    put({ state: 'closing' });
    const d = decideClose(state, 10, mei, 'v1', { csat: 4, nps: 9, tags: [], comment: '' }, { token: 'T', tokenHash: 'H', linkDays: 30 });
    if ('code' in d) throw new Error('refused');
    expect(d.changes.visits!.v1).toMatchObject({ state: 'closed', rating: { csat: 4, nps: 9 } });
    expect(d.changes.rooms!['room-1']).toMatchObject({ state: 'free', visitId: null });
    expect(d.changes.links).toEqual({ H: { visitId: 'v1', purpose: 'aftercare', createdAt: 10, expiresAt: 10 + 30 * 86_400_000, revokedAt: null } });
    expect(JSON.stringify(d.changes)).not.toContain('"T"');
    expect(d.result.aftercarePath).toBe('/a/T');
  });
});
