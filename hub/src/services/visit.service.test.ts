import { beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { decidePlanConfirm } from './plan.service.ts';
import { decideClose, decideVisitStep } from './visit.service.ts';
import { demoState, testVisit } from './test-state.ts';

const mei = { staffId: 'mei', role: 'beautician' as const };
const closeInput = { rating: { csat: 4, nps: 9, tags: [], comment: '' }, aftercare: { notes: 'Drink water', homeProducts: [{ name: 'Serum', howToUse: 'Evenings' }] } };
const link = { tokenHash: 'H', linkDays: 30 };

describe('visit steps', () => {
  let state: HubState;
  const put = (v: Partial<Visit>) => {
    state.visits.v1 = testVisit({ id: 'v1', state: 'assigned', roomId: 'room-1', staffId: 'mei', ...v });
    state.rooms['room-1'] = { ...state.rooms['room-1']!, state: 'occupied', visitId: 'v1' };
  };
  beforeEach(async () => {
    state = await demoState();
  });

  it('moves through the state machine and records when', () => {
    put({ state: 'plan_confirmed' });
    const d = decideVisitStep(state, 5, mei, 'v1', 'start');
    expect(d).toMatchObject({ result: { state: 'in_service' }, changes: { visits: { v1: { times: { in_service: 5 } } } } });
  });

  it('refuses another beautician, an unknown visit and an illegal step, each with its reason', () => {
    put({});
    expect(decidePlanConfirm(state, 5, { staffId: 'anna', role: 'beautician' }, 'v1', undefined)).toMatchObject({ reason: 'not_your_visit' });
    expect(decideVisitStep(state, 5, mei, 'nope', 'start')).toMatchObject({ code: 'not_found', reason: 'unknown_visit' });
    expect(decideVisitStep(state, 5, mei, 'v1', 'start')).toEqual({
      code: 'conflict',
      reason: 'illegal_transition',
      params: { from: 'state.assigned', command: 'command.start' },
    });
    // The front desk may act on any visit.
    expect(decidePlanConfirm(state, 5, { staffId: 'grace', role: 'front_desk' }, 'v1', undefined)).toMatchObject({
      result: { state: 'plan_confirmed' },
    });
  });

  it('closing stores the rating and aftercare notes, puts the room to cleaning for its buffer, and stores the link by its hash only', () => {
    put({ state: 'closing' });
    const d = decideClose(state, 10, mei, 'v1', closeInput, link);
    if ('code' in d) throw new Error('refused');
    expect(d.changes.visits!.v1).toMatchObject({ state: 'closed', rating: { csat: 4, nps: 9 }, aftercare: closeInput.aftercare });
    expect(d.changes.rooms!['room-1']).toMatchObject({ state: 'cleaning', visitId: null, cleaningUntil: 10 + 10 * 60_000 });
    expect(d.changes.links).toEqual({ H: { visitId: 'v1', purpose: 'aftercare', createdAt: 10, expiresAt: 10 + 30 * 86_400_000, revokedAt: null } });
    // The answer is stored for retries: it carries no link, so no token is ever stored.
    expect(d.result).toEqual({ visitId: 'v1', state: 'closed', expiresAt: 10 + 30 * 86_400_000 });
  });

  it('a room without a cleaning buffer is free as soon as the visit closes', () => {
    put({ state: 'closing' });
    state.rooms['room-1'] = { ...state.rooms['room-1']!, cleaningBufferMin: 0 };
    const d = decideClose(state, 10, mei, 'v1', closeInput, link);
    if ('code' in d) throw new Error('refused');
    expect(d.changes.rooms!['room-1']).toMatchObject({ state: 'free', visitId: null, cleaningUntil: null });
  });

  it('a service with extra cleaning time (catalogue) adds it to the room’s buffer', () => {
    put({ state: 'closing' });
    const serviceId = state.visits.v1!.serviceId;
    state.services[serviceId] = { ...state.services[serviceId]!, cleaningBufferMin: 5 };
    const d = decideClose(state, 10, mei, 'v1', closeInput, link);
    if ('code' in d) throw new Error('refused');
    expect(d.changes.rooms!['room-1']).toMatchObject({ state: 'cleaning', cleaningUntil: 10 + 15 * 60_000 });
  });
});
