import { beforeEach, describe, expect, it } from 'vitest';
import { CheckInInputSchema } from '@glow/shared';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { decideCheckIn } from './checkin.service.ts';
import { autoAssign } from './auto-assign.ts';
import { demoState, sequentialIds } from './test-state.ts';

const input = (phone: string, serviceId = 'facial-classic', firstName = 'Lina') =>
  CheckInInputSchema.parse({ commandId: 'cmd-000001', client: { firstName, lastName: 'Zhou', phone }, serviceId, language: 'zh-CN' });

describe('decideCheckIn', () => {
  let state: HubState;
  beforeEach(async () => {
    state = await demoState();
  });

  it('creates the client and a queued visit with the day’s next ticket', () => {
    const d = decideCheckIn(state, 1000, input('13800138000'), { today: '2026-11-23', newId: sequentialIds(), existingClientId: undefined });
    if ('code' in d) throw new Error('refused');
    const visit = Object.values(d.changes.visits!)[0]!;
    expect(visit).toMatchObject({ state: 'queued', ticket: 'A001', serviceId: 'facial-classic', language: 'zh-CN' });
    expect(visit.times).toEqual({ checked_in: 1000, queued: 1000 });
    expect(Object.values(d.changes.clients!)[0]).toMatchObject({ firstName: 'Lina', phone: '13800138000' });
    expect(d.changes.meta).toEqual({ ticket: { day: '2026-11-23', last: 1 } });
    expect(d.result).toMatchObject({ ticket: 'A001', firstName: 'Lina', estimateMin: 0 });
  });

  it('reuses a known client without revealing or changing their stored name', () => {
    state.clients.c1 = { id: 'c1', firstName: 'Mei', lastName: 'Wong', phone: '13800138000', language: 'en', createdAt: 0 };
    const d = decideCheckIn(state, 1000, input('13800138000', 'facial-classic', 'Somebody'), {
      today: '2026-11-23',
      newId: sequentialIds(),
      existingClientId: 'c1',
    });
    if ('code' in d) throw new Error('refused');
    expect(d.changes.clients).toEqual({});
    expect(Object.values(d.changes.visits!)[0]!.clientId).toBe('c1');
    expect(d.result.firstName).toBe('Somebody');
  });

  it('refuses a service the salon does not offer', () => {
    const d = decideCheckIn(state, 1000, input('13800138000', 'botox'), { today: 'x', newId: sequentialIds(), existingClientId: undefined });
    expect(d).toEqual({ code: 'invalid_input', reason: 'unknown_service', params: undefined });
  });

  it('is followed by assignment to a free qualified beautician and a fitting room', () => {
    const d = decideCheckIn(state, 1000, input('13800138000', 'hair-root-colour'), { today: 'x', newId: sequentialIds(), existingClientId: undefined });
    if ('code' in d) throw new Error('refused');
    applyChanges(state, d.changes);
    const assigned = autoAssign(state, 2000)!;
    const visit = Object.values(assigned.visits!)[0]!;
    expect(visit).toMatchObject({ state: 'assigned', staffId: 'sofia', roomId: 'colour-bar' });
    expect(visit.times.assigned).toBe(2000);
    expect(assigned.rooms!['colour-bar']).toMatchObject({ state: 'occupied', visitId: visit.id });
  });
});
