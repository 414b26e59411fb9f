import { beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '@glow/shared';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { decideAccept } from './accept.service.ts';
import { ActiveVisits } from './active-visits.ts';
import { isRefusal, type Refusal } from './app-error.ts';
import { autoAssign, floorFollowUp } from './auto-assign.ts';
import { decideEndUnserved } from './cancel.service.ts';
import { decideRevokeDevice } from './device.service.ts';
import { decideHandBack } from './hand-back.service.ts';
import type { Decision } from './hub-engine.ts';
import { decideAcknowledgeIncident, decideRaiseIncident, decideResolveIncident } from './incident.service.ts';
import { decideManualAssign } from './manual-assign.service.ts';
import { decidePlanConfirm, decidePlanUpdate } from './plan.service.ts';
import { decideReorder } from './queue.service.ts';
import { decideRoomReady, decideSetOutOfService } from './room.service.ts';
import { decideSessionNote } from './session-note.service.ts';
import { demoState, sequentialIds, testVisit } from './test-state.ts';

const MIN = 60_000;
/** Monday 23 November 2026, 10:00 UTC (the test salon's time zone): everyone is on shift, nobody at lunch. */
const NOW = Date.UTC(2026, 10, 23, 10, 0);
const mei = { staffId: 'mei', role: 'beautician' as const };
const anna = { staffId: 'anna', role: 'beautician' as const };
const grace = { staffId: 'grace', role: 'front_desk' as const };
const plan = { serviceIds: ['facial-classic'], products: [], intensity: 'gentle' as const, durationMin: 75, notes: '' };

function ok<T>(d: Decision<T> | Refusal): Decision<T> {
  if (isRefusal(d)) throw new Error(`refused: ${d.reason ?? d.code}`);
  return d;
}

describe('floor decisions', () => {
  let state: HubState;
  /** Puts a visit on the floor; one holding a room occupies that room. */
  const put = (v: Partial<Visit> & { id: string }): Visit => {
    const visit = testVisit({ times: { queued: NOW - MIN }, queueRank: NOW - MIN, ...v });
    state.visits[visit.id] = visit;
    if (visit.roomId && ['assigned', 'plan_confirmed', 'in_service', 'closing'].includes(visit.state)) {
      state.rooms[visit.roomId] = { ...state.rooms[visit.roomId]!, state: 'occupied', visitId: visit.id };
    }
    return visit;
  };
  const active = () => ActiveVisits.of(state).list(state);
  const apply = <T>(d: Decision<T> | Refusal): T => {
    const decided = ok(d);
    applyChanges(state, decided.changes);
    return decided.result;
  };
  /** Everyone signed in today (the planner offers clients only to staff who are here). */
  const everyonePresent = () =>
    Object.fromEntries(Object.keys(state.staff).map((id) => [id, { day: '2026-11-23', at: NOW - 60 * MIN, by: id }]));
  beforeEach(async () => {
    state = await demoState();
    state.meta.presence = everyonePresent();
  });

  it('accept records when, once, and only for an assigned visit of ones own', () => {
    put({ id: 'v1', state: 'assigned', roomId: 'room-1', staffId: 'mei' });
    expect(decideAccept(state, NOW, anna, 'v1')).toMatchObject({ code: 'forbidden', reason: 'not_your_visit' });
    apply(decideAccept(state, NOW, mei, 'v1'));
    expect(state.visits.v1!.acceptedAt).toBe(NOW);
    expect(decideAccept(state, NOW, mei, 'v1')).toMatchObject({ code: 'conflict', reason: 'already_accepted' });
    put({ id: 'v2', state: 'queued' });
    expect(decideAccept(state, NOW, grace, 'v2')).toMatchObject({ reason: 'not_assigned' });
  });

  it('hand-back returns the visit to the queue with the reason, frees room and beautician, and is not re-offered to her', () => {
    put({ id: 'v1', state: 'assigned', roomId: 'room-1', staffId: 'mei', acceptedAt: NOW, plan: { ...plan, version: 2, editedBy: 'mei', editedAt: NOW, approvedVersion: null, approvedAt: null } });
    apply(decideHandBack(state, NOW, mei, 'v1', 'Client asked for Anna'));
    expect(state.visits.v1).toMatchObject({ state: 'queued', roomId: null, staffId: null, acceptedAt: null, handBacks: [{ at: NOW, staffId: 'mei', reason: 'Client asked for Anna' }] });
    expect(state.rooms['room-1']).toMatchObject({ state: 'free', visitId: null });
    // Anna gets it, not Mei, although Mei is first in line for facials.
    const next = autoAssign(state, NOW, active())!;
    expect(next.visits!.v1).toMatchObject({ state: 'assigned', staffId: 'anna' });
    // With Anna busy, nobody: Mei is never re-offered the visit she handed back.
    put({ id: 'busy', state: 'in_service', roomId: 'room-2', staffId: 'anna' });
    expect(autoAssign(state, NOW, active())).toBeNull();
  });

  it('plan versions: each edit is n+1 and voids the approval; a stale version and a blocking contraindication are refused', () => {
    put({ id: 'v1', state: 'assigned', roomId: 'room-1', staffId: 'mei' });
    expect(apply(decidePlanUpdate(state, NOW, mei, 'v1', plan))).toEqual({ visitId: 'v1', version: 2 });
    expect(apply(decidePlanUpdate(state, NOW + 1, mei, 'v1', { ...plan, durationMin: 50 }))).toEqual({ visitId: 'v1', version: 3 });
    expect(decidePlanConfirm(state, NOW, mei, 'v1', 2)).toMatchObject({ code: 'conflict', reason: 'stale_plan', params: { version: 2, current: 3 } });
    apply(decidePlanConfirm(state, NOW + 2, mei, 'v1', 3));
    expect(state.visits.v1).toMatchObject({ state: 'plan_confirmed', plan: { version: 3, durationMin: 50, approvedVersion: 3, approvedAt: NOW + 2 } });
    expect(decidePlanUpdate(state, NOW, mei, 'v1', plan)).toMatchObject({ reason: 'plan_locked' });

    put({ id: 'v2', state: 'assigned', roomId: 'room-2', staffId: 'anna', answers: { sunburn: true, pregnant: true } });
    expect(decidePlanConfirm(state, NOW, anna, 'v2', undefined)).toMatchObject({ code: 'conflict', reason: 'contraindication_blocked' });
    put({ id: 'v3', state: 'assigned', roomId: 'room-3', staffId: 'sofia', answers: { pregnant: true } });
    expect(ok(decidePlanConfirm(state, NOW, grace, 'v3', 1)).result).toEqual({ visitId: 'v3', state: 'plan_confirmed' });
  });

  it('session notes only while in service', () => {
    put({ id: 'v1', state: 'plan_confirmed', roomId: 'room-1', staffId: 'mei' });
    expect(decideSessionNote(state, NOW, mei, { visitId: 'v1', kind: 'pressure', text: 'softer' })).toMatchObject({ reason: 'not_in_service' });
    put({ id: 'v1', state: 'in_service', roomId: 'room-1', staffId: 'mei' });
    apply(decideSessionNote(state, NOW, mei, { visitId: 'v1', kind: 'pressure', text: 'softer' }));
    expect(state.visits.v1!.notes).toEqual([{ at: NOW, staffId: 'mei', kind: 'pressure', text: 'softer' }]);
  });

  it('an incident flags the visit through the state machine; acknowledge and resolve once each', () => {
    put({ id: 'v1', state: 'in_service', roomId: 'room-1', staffId: 'mei' });
    const { incidentId } = apply(decideRaiseIncident(state, NOW, mei, { kind: 'allergic_reaction', visitId: 'v1', roomId: null, note: 'redness' }, sequentialIds()));
    expect(state.visits.v1).toMatchObject({ state: 'in_service', incident: true });
    expect(state.meta.incidents[incidentId]).toMatchObject({ roomId: 'room-1', raisedBy: 'mei', acknowledgedAt: null, resolvedAt: null });
    expect(decideRaiseIncident(state, NOW, anna, { kind: 'other', visitId: 'v1', roomId: null, note: '' }, sequentialIds())).toMatchObject({ reason: 'not_your_visit' });
    expect(decideRaiseIncident(state, NOW, anna, { kind: 'equipment_failure', visitId: null, roomId: 'room-1', note: '' }, sequentialIds())).toMatchObject({ reason: 'not_your_room' });
    put({ id: 'done', state: 'closed', roomId: 'room-2', staffId: 'anna' });
    expect(decideRaiseIncident(state, NOW, anna, { kind: 'other', visitId: 'done', roomId: null, note: '' }, sequentialIds())).toMatchObject({ reason: 'illegal_transition' });

    apply(decideAcknowledgeIncident(state, NOW + MIN, grace, incidentId));
    expect(decideAcknowledgeIncident(state, NOW, grace, incidentId)).toMatchObject({ reason: 'incident_acknowledged' });
    apply(decideResolveIncident(state, NOW + 2 * MIN, grace, incidentId, 'cold compress, client fine'));
    expect(state.meta.incidents[incidentId]).toMatchObject({ acknowledgedBy: 'grace', acknowledgedAt: NOW + MIN, resolvedAt: NOW + 2 * MIN });
    expect(decideResolveIncident(state, NOW, grace, incidentId, '')).toMatchObject({ reason: 'incident_resolved' });
    expect(decideAcknowledgeIncident(state, NOW, grace, 'nope')).toMatchObject({ code: 'not_found', reason: 'unknown_incident' });
  });

  it('rooms: ready only from cleaning and by whoever closed there; out of service only when nobody is in it', () => {
    put({ id: 'v1', state: 'closed', roomId: 'room-1', staffId: 'mei', times: { assigned: NOW - 60 * MIN } });
    state.rooms['room-1'] = { ...state.rooms['room-1']!, state: 'cleaning', visitId: null, cleaningUntil: NOW + 10 * MIN };
    const last = (id: string) => ActiveVisits.of(state).lastVisitIn(id);
    expect(decideRoomReady(state, NOW, anna, 'room-1', last)).toMatchObject({ reason: 'not_your_room' });
    apply(decideRoomReady(state, NOW, mei, 'room-1', last));
    expect(state.rooms['room-1']).toMatchObject({ state: 'free', cleaningUntil: null });
    expect(decideRoomReady(state, NOW, grace, 'room-1', last)).toMatchObject({ reason: 'room_not_cleaning', params: { room: 'Room 1' } });

    put({ id: 'v2', state: 'in_service', roomId: 'room-2', staffId: 'anna' });
    expect(decideSetOutOfService(state, NOW, 'room-2', true)).toMatchObject({ reason: 'room_occupied' });
    apply(decideSetOutOfService(state, NOW, 'room-3', true));
    expect(state.rooms['room-3']!.state).toBe('out_of_service');
    apply(decideSetOutOfService(state, NOW, 'room-3', false));
    expect(state.rooms['room-3']!.state).toBe('free');
  });

  it('cleaning rooms free themselves when the buffer ends, and the freed room is assigned at once', () => {
    state.rooms['colour-bar'] = { ...state.rooms['colour-bar']!, state: 'cleaning', cleaningUntil: NOW + 5 * MIN };
    put({ id: 'v1', state: 'queued', serviceId: 'hair-root-colour' });
    expect(floorFollowUp(state, NOW, active())).toBeNull();
    const due = floorFollowUp(state, NOW + 5 * MIN, active())!;
    expect(due.rooms!['colour-bar']).toMatchObject({ state: 'occupied', visitId: 'v1', cleaningUntil: null });
    expect(due.visits!.v1).toMatchObject({ state: 'assigned', staffId: 'sofia', roomId: 'colour-bar' });
  });

  it('manual assignment refuses each impossible placement with its own reason', () => {
    put({ id: 'q', state: 'queued', serviceId: 'facial-classic' });
    put({ id: 'busy', state: 'in_service', roomId: 'room-1', staffId: 'mei' });
    state.rooms['room-2'] = { ...state.rooms['room-2']!, state: 'out_of_service' };
    const assign = (roomId: string, staffId: string) => decideManualAssign(state, NOW, { visitId: 'q', roomId, staffId }, active());
    expect(assign('room-1', 'anna')).toMatchObject({ reason: 'room_occupied', params: { room: 'Room 1' } });
    expect(assign('room-2', 'anna')).toMatchObject({ reason: 'room_out_of_service' });
    expect(assign('room-3', 'anna')).toMatchObject({ reason: 'room_lacks_equipment' });
    expect(assign('nowhere', 'anna')).toMatchObject({ code: 'not_found', reason: 'unknown_room' });
    state.rooms['room-2'] = { ...state.rooms['room-2']!, state: 'free' };
    expect(assign('room-2', 'mei')).toMatchObject({ reason: 'staff_busy', params: { name: 'Mei Lin' } });
    expect(assign('room-2', 'sofia')).toMatchObject({ reason: 'staff_not_qualified', params: { name: 'Sofia Rossi' } });
    expect(assign('room-2', 'grace')).toMatchObject({ reason: 'staff_not_qualified' });
    expect(assign('room-2', 'ghost')).toMatchObject({ reason: 'unknown_staff' });
    expect(decideManualAssign(state, NOW, { visitId: 'busy', roomId: 'room-2', staffId: 'anna' }, active())).toMatchObject({ reason: 'illegal_transition' });

    apply(assign('room-2', 'anna'));
    expect(state.visits.q).toMatchObject({ state: 'assigned', roomId: 'room-2', staffId: 'anna', plan: { version: 1 } });
    // Re-assigning an assigned visit moves it and frees the room it had.
    state.rooms['room-1'] = { ...state.rooms['room-1']!, state: 'free', visitId: null };
    state.visits.busy = { ...state.visits.busy!, state: 'closed' };
    apply(decideManualAssign(state, NOW, { visitId: 'q', roomId: 'room-1', staffId: 'mei' }, active()));
    expect(state.visits.q).toMatchObject({ state: 'assigned', roomId: 'room-1', staffId: 'mei' });
    expect(state.rooms['room-2']).toMatchObject({ state: 'free', visitId: null });
    expect(state.rooms['room-1']).toMatchObject({ state: 'occupied', visitId: 'q' });
  });

  it('cancel and no-show release the room and beautician; queue reorder moves a waiting client', () => {
    put({ id: 'a', state: 'assigned', roomId: 'room-1', staffId: 'mei' });
    apply(decideEndUnserved(state, NOW, grace, 'a', 'cancel'));
    expect(state.visits.a!.state).toBe('cancelled');
    expect(state.rooms['room-1']).toMatchObject({ state: 'free', visitId: null });
    put({ id: 'b', state: 'in_service', roomId: 'room-2', staffId: 'anna' });
    expect(decideEndUnserved(state, NOW, grace, 'b', 'markNoShow')).toMatchObject({ reason: 'illegal_transition' });

    put({ id: 'q1', state: 'queued', queueRank: 1 });
    put({ id: 'q2', state: 'queued', queueRank: 2 });
    put({ id: 'q3', state: 'queued', queueRank: 3 });
    apply(decideReorder(state, NOW, { visitId: 'q3', beforeVisitId: 'q1' }, active()));
    expect(state.visits.q3!.queueRank).toBeLessThan(1);
    apply(decideReorder(state, NOW, { visitId: 'q3', beforeVisitId: null }, active()));
    expect(state.visits.q3!.queueRank).toBeGreaterThan(2);
    expect(decideReorder(state, NOW, { visitId: 'b', beforeVisitId: null }, active())).toMatchObject({ reason: 'not_queued' });
    expect(decideReorder(state, NOW, { visitId: 'q1', beforeVisitId: 'b' }, active())).toMatchObject({ reason: 'not_queued' });
  });

  it('nobody is assigned while auto-assignment is paused, when nobody is on shift, or nobody is here today', () => {
    put({ id: 'q', state: 'queued' });
    state.meta.floor = { ...state.meta.floor, autoAssign: false };
    expect(autoAssign(state, NOW, active())).toBeNull();
    state.meta.floor = { ...state.meta.floor, autoAssign: true };
    const shifts = Object.fromEntries(Object.values(state.staff).map((s) => [s.id, s.weeklyShifts]));
    for (const s of Object.values(state.staff)) s.weeklyShifts = Array.from({ length: 7 }, () => null);
    expect(autoAssign(state, NOW, active())).toBeNull();
    for (const s of Object.values(state.staff)) s.weeklyShifts = shifts[s.id]!;
    expect(autoAssign(state, NOW, active())).not.toBeNull();
    // On shift but signed in yesterday only: not here today.
    state.meta.presence = Object.fromEntries(Object.keys(state.staff).map((id) => [id, { day: '2026-11-22', at: NOW - 1440 * MIN, by: id }]));
    expect(autoAssign(state, NOW, active())).toBeNull();
    state.meta.presence = { ...state.meta.presence, anna: { day: '2026-11-23', at: NOW, by: 'grace' } };
    expect(autoAssign(state, NOW, active())?.visits).toMatchObject({ q: { staffId: 'anna' } });
  });

  it('revoking a tablet marks it once', () => {
    state.devices.d1 = { id: 'd1', name: 'Room 1', kind: 'tablet', secretHash: 'x', pairedAt: 0, revokedAt: null };
    apply(decideRevokeDevice(state, NOW, 'd1'));
    expect(state.devices.d1!.revokedAt).toBe(NOW);
    expect(decideRevokeDevice(state, NOW, 'd1')).toMatchObject({ reason: 'device_revoked' });
    expect(decideRevokeDevice(state, NOW, 'd2')).toMatchObject({ code: 'not_found', reason: 'device_not_found' });
  });
});
