import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createTranslator, type MessageKey, type StaffPatch, type StaffSnapshot } from '@glow/shared';
import {
  checkIn,
  connectKiosk,
  connectStaff,
  expectOk,
  newCommandId,
  nextEvent,
  send,
  startHub,
  type StaffSocket,
  type TestHub,
} from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const MIN = 60_000;
/** Monday 23 November 2026, 09:30 in the salon (UTC here): everyone is on shift. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const t = createTranslator('en');

/** A hub whose clock the test moves by hand; the floor tick runs only when the test asks. */
async function hubAt(start: number) {
  const clock = { now: start };
  const hub = await startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000 });
  return { hub, clock };
}

const snapshotOf = async (socket: StaffSocket): Promise<StaffSnapshot> => (socket as unknown as Socket).timeout(5000).emitWithAck('sync:resync');
const patches = (socket: StaffSocket): StaffPatch[] => {
  const seen: StaffPatch[] = [];
  (socket as unknown as Socket).on('sync:patch', (p: StaffPatch) => seen.push(p));
  return seen;
};
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the live floor over real sockets', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('runs a visit in room mode: accept, plan versions, approval, notes, incident, close with aftercare, cleaning, ready', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const deskPatches = patches(desk.socket);

    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Lina', lastName: 'Zhou', phone: '13800138000' }));
    await settle();
    let card = (await snapshotOf(mei.socket)).view.visits[visitId]!;
    expect(card).toMatchObject({ state: 'assigned', staffId: 'mei', roomId: 'room-1', acceptedAt: null, plan: { version: 1, durationMin: 60 } });

    expect(expectOk(await send(mei.socket, 'visit:accept', { visitId })).state).toBe('assigned');
    expect(expectOk(await send(mei.socket, 'plan:update', { visitId, plan: { serviceIds: ['facial-classic'], durationMin: 75, intensity: 'gentle' } }))).toEqual({ visitId, version: 2 });
    const stale = await send(mei.socket, 'plan:confirm', { visitId, planVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'stale_plan' } });
    if (!stale.ok) expect(stale.error.message).toBe(t('reason.stale_plan', { version: 1, current: 2 }));
    expectOk(await send(mei.socket, 'plan:confirm', { visitId, planVersion: 2 }));
    expectOk(await send(mei.socket, 'visit:start', { visitId }));
    expectOk(await send(mei.socket, 'session:note', { visitId, kind: 'temperature', text: 'towel cooler' }));
    const { incidentId } = expectOk(await send(mei.socket, 'incident:raise', { kind: 'allergic_reaction', visitId, note: 'redness on the cheek' }));
    await settle();
    expect((await snapshotOf(desk.socket)).view.incidents[incidentId]).toMatchObject({ kind: 'allergic_reaction', roomId: 'room-1', raisedBy: 'mei' });
    expectOk(await send(boss.socket, 'incident:acknowledge', { incidentId }));
    expectOk(await send(boss.socket, 'incident:resolve', { incidentId, resolution: 'cold compress; fine' }));

    clock.now += 80 * MIN;
    expectOk(await send(mei.socket, 'visit:finish', { visitId }));
    const closed = expectOk(
      await send(mei.socket, 'visit:close', {
        visitId,
        rating: { csat: 5, nps: 10 },
        aftercare: { notes: 'No make-up today', homeProducts: [{ name: 'Calming serum', howToUse: 'Evenings' }] },
      }),
    );
    expect(closed.state).toBe('closed');
    await settle();
    const view = (await snapshotOf(desk.socket)).view;
    expect(view.visits[visitId]).toBeUndefined();
    expect(view.incidents[incidentId]).toBeUndefined();
    expect(view.rooms['room-1']).toMatchObject({ state: 'cleaning', visitId: null, cleaningUntil: clock.now + 10 * MIN });
    const stored = hub.hub.core.engine.state.visits[visitId]!;
    expect(stored).toMatchObject({ incident: true, rating: { csat: 5 }, aftercare: { notes: 'No make-up today' }, plan: { version: 2, approvedVersion: 2 } });
    expect(stored.notes).toHaveLength(1);

    // The buffer ends: the tick frees the room, once; a quiet floor then journals nothing.
    clock.now += 10 * MIN;
    expect(await hub.hub.tickFloor()).toBe(true);
    await settle();
    expect((await snapshotOf(desk.socket)).view.rooms['room-1']).toMatchObject({ state: 'free', cleaningUntil: null });
    const revision = hub.hub.revision;
    expect(await hub.hub.tickFloor()).toBe(false);
    expect(hub.hub.revision).toBe(revision);
    // Every revision reached the desk, in order.
    const revs = deskPatches.map((p) => p.revision);
    for (let i = 1; i < revs.length; i++) expect(revs[i]).toBe(revs[i - 1]! + 1);
  });

  it('the tick publishes waits, overruns and shifts that change with time as revisions of their own, and only then', async () => {
    const { hub, clock } = await hubAt(Date.UTC(2026, 10, 23, 11, 20)); // Anna lunches 11:45–12:30, Mei 12:30–13:15
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    // Mei and Anna work without tablets here: the desk marks them present, so the planner offers them clients.
    for (const staffId of ['mei', 'anna']) expectOk(await send(desk.socket, 'staff:markPresent', { staffId }));
    const seen = patches(desk.socket);
    const first = expectOk(await checkIn(kiosk.socket, { firstName: 'Ada', phone: '5550001' }));
    const second = expectOk(await checkIn(kiosk.socket, { firstName: 'Bea', phone: '5550002' }));
    await settle();
    let view = (await snapshotOf(desk.socket)).view;
    expect(view.visits[first.visitId]).toMatchObject({ state: 'assigned', staffId: 'mei' });
    // An hour's facial fits in nobody's morning any more: Anna is back from lunch at 12:30, in 70 minutes.
    expect(view.visits[second.visitId]).toMatchObject({ state: 'queued', estimateMin: 70 });
    expectOk(await send(desk.socket, 'plan:confirm', { visitId: first.visitId }));
    expectOk(await send(desk.socket, 'visit:start', { visitId: first.visitId }));

    // Nothing visible changes within the minute: no revision, nothing journaled.
    clock.now += 20_000;
    const before = hub.hub.revision;
    expect(await hub.hub.tickFloor()).toBe(false);
    expect(hub.hub.revision).toBe(before);

    // 12:21: Mei's session runs over, the wait is shorter, Anna is at lunch. One revision, no record changed.
    clock.now = Date.UTC(2026, 10, 23, 12, 21);
    expect(await hub.hub.tickFloor()).toBe(true);
    expect(hub.hub.revision).toBe(before + 1);
    await settle();
    const last = seen.at(-1)!;
    expect(last.revision).toBe(before + 1);
    expect(last.set.visits?.[first.visitId]).toMatchObject({ state: 'in_service', overrun: true });
    expect(last.set.visits?.[second.visitId]).toMatchObject({ state: 'queued', estimateMin: 9 });
    expect(last.set.availability?.anna).toMatchObject({ onShift: true, onBreak: true });
    expect(last.set.rooms).toBeUndefined();
    expect(await hub.hub.tickFloor()).toBe(false);

    // 12:30: Anna is back, so the tick assigns her the waiting client; Mei's lunch begins (she is still in session).
    clock.now = Date.UTC(2026, 10, 23, 12, 30);
    expect(await hub.hub.tickFloor()).toBe(true);
    await settle();
    view = (await snapshotOf(desk.socket)).view;
    expect(view.visits[second.visitId]).toMatchObject({ state: 'assigned', staffId: 'anna', roomId: 'room-2', estimateMin: null });
    expect(view.availability.anna).toMatchObject({ onBreak: false, visitId: second.visitId });
    expect(view.availability.mei).toMatchObject({ onBreak: true, visitId: first.visitId });
    expect(await hub.hub.tickFloor()).toBe(false);
    const revs = seen.map((p) => p.revision);
    for (let i = 1; i < revs.length; i++) expect(revs[i]).toBe(revs[i - 1]! + 1);
  });

  it('cuts the view per audience: front desk, manager, beautician, locked tablet, kiosk', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const ticket = expectOk(
      await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
        client: { firstName: 'Lina', lastName: 'Zhou', phone: '13800138000' },
        serviceId: 'facial-classic',
        language: 'en',
        answers: { pregnant: true, isotretinoin: false, sunburn: false, concerns: ['dryness'] },
      })),
    );
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const anna = await connectStaff(hub, { staffId: 'anna', pin: '2222' });
    const locked = await connectStaff(hub);
    expectOk(await send(mei.socket, 'incident:raise', { kind: 'equipment_failure', roomId: 'room-1', note: 'steamer' }));
    await settle();

    const card = (await snapshotOf(mei.socket)).view.visits[ticket.visitId]!;
    expect(card).not.toHaveProperty('answers');
    expect(card.consultation.flags).toEqual([{ effect: 'warn', text: { en: 'Pregnant or breastfeeding', 'zh-CN': '怀孕或哺乳期' } }]);
    expect(card.consultation.answers.find((a) => a.questionId === 'concerns')?.answer.en).toBe('Dryness');
    expect(card).toMatchObject({ overrun: false, estimateMin: null, clientName: 'Lina Z.' });

    const d = (await snapshotOf(desk.socket)).view;
    expect(Object.keys(d.visits)).toEqual([ticket.visitId]);
    // The desk runs the floor without the client's health answers (#10): only Mei and the manager read them.
    expect(d.visits[ticket.visitId]!.consultation).toEqual({ status: 'withheld', flags: [], answers: [] });
    expect(Object.keys(d.incidents)).toHaveLength(1);
    expect(Object.keys(d.availability).sort()).toEqual(['anna', 'grace', 'mei', 'olivia', 'sofia']);
    expect(d.devices).toEqual({});
    expect(d.settings.floor).toMatchObject({ autoAssign: true, timeZone: 'UTC' });

    const m = (await snapshotOf(boss.socket)).view;
    // The five tablets, and the kiosk that checked Lina in: kiosks are paired devices too (#10).
    expect(Object.values(m.devices).filter((d) => d.kind === 'tablet')).toHaveLength(5);
    expect(Object.values(m.devices).filter((d) => d.kind === 'kiosk')).toHaveLength(1);
    expect(Object.values(m.devices)[0]).not.toHaveProperty('secretHash');

    const a = (await snapshotOf(anna.socket)).view;
    expect(a.visits).toEqual({});
    expect(a.incidents).toEqual({});
    expect(a.availability).toEqual({});
    expect(a.devices).toEqual({});
    expect(Object.keys(a.rooms)).toHaveLength(5);

    const l = (await snapshotOf(locked.socket)).view;
    expect([l.visits, l.rooms, l.incidents, l.devices]).toEqual([{}, {}, {}, {}]);
    // The kiosk shows the salon's questions (ids like "pregnant" included), never anyone's answers.
    const { questionnaires: _questions, ...kioskView } = (await connectKiosk(hub.url)).snapshot.view;
    const k = JSON.stringify(kioskView);
    expect(k).not.toMatch(/Lina|Zhou|13800138000|pregnant/);
  });

  it('refuses every illegal command with a clear message, and changes nothing', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const anna = await connectStaff(hub, { staffId: 'anna', pin: '2222' });
    const running = expectOk(await checkIn(kiosk.socket, { firstName: 'Run', phone: '5550001' }));
    // A blocking answer at the kiosk holds a visit in the queue (never assigned); a visit blocks while assigned when
    // the consultation is run in the room: checked in by the desk, assigned to Anna, who records the sunburn.
    const blocked = expectOk(
      await send(desk.socket, 'visit:checkInByHand', { client: { firstName: 'Sun', phone: '5550002' }, serviceId: 'facial-classic', language: 'en' } as never),
    );
    await settle();
    expect(
      expectOk(await send(anna.socket, 'consultation:record', { visitId: blocked.visitId, answers: { pregnant: false, isotretinoin: false, sunburn: true, skin_allergy: false } })),
    ).toEqual({ visitId: blocked.visitId, blocked: true });
    expectOk(await send(mei.socket, 'plan:confirm', { visitId: running.visitId }));
    expectOk(await send(mei.socket, 'visit:start', { visitId: running.visitId }));
    expectOk(await send(desk.socket, 'floor:setAutoAssign', { enabled: false }));
    const waiting = expectOk(await checkIn(kiosk.socket, { firstName: 'Wait', phone: '5550003' }, 'nails-gel'));
    expectOk(await send(desk.socket, 'room:setOutOfService', { roomId: 'room-3', outOfService: true }));
    await settle();
    const state = hub.hub.core.engine.state;
    expect(state.visits[running.visitId]).toMatchObject({ state: 'in_service', staffId: 'mei', roomId: 'room-1' });
    expect(state.visits[blocked.visitId]).toMatchObject({ state: 'assigned', staffId: 'anna', roomId: 'room-2' });
    expect(state.visits[waiting.visitId]!.state).toBe('queued');

    const before = { revision: hub.hub.revision, view: (await snapshotOf(boss.socket)).view };
    const cases: Array<[string, () => Promise<{ ok: boolean; error?: { code: string; reason?: string; message: string } }>, string, MessageKey]> = [
      ['start a session twice', () => send(mei.socket, 'visit:start', { visitId: running.visitId }), 'illegal_transition', 'reason.illegal_transition'],
      ['close a visit whose plan is not confirmed', () => send(anna.socket, 'visit:close', { visitId: blocked.visitId, rating: { csat: 5 } }), 'illegal_transition', 'reason.illegal_transition'],
      ['confirm a blocked consultation', () => send(anna.socket, 'plan:confirm', { visitId: blocked.visitId }), 'contraindication_blocked', 'reason.contraindication_blocked'],
      ['confirm a stale plan version', () => send(anna.socket, 'plan:confirm', { visitId: blocked.visitId, planVersion: 7 }), 'stale_plan', 'reason.stale_plan'],
      ['assign an occupied room', () => send(desk.socket, 'visit:assign', { visitId: waiting.visitId, roomId: 'room-1', staffId: 'sofia' }), 'room_occupied', 'reason.room_occupied'],
      ['put a beautician in two rooms', () => send(desk.socket, 'visit:assign', { visitId: waiting.visitId, roomId: 'nail-bar', staffId: 'anna' }), 'staff_busy', 'reason.staff_busy'],
      ['assign an unqualified beautician', () => send(boss.socket, 'visit:assign', { visitId: waiting.visitId, roomId: 'nail-bar', staffId: 'mei' }), 'staff_not_qualified', 'reason.staff_not_qualified'],
      ['assign a room without the equipment', () => send(boss.socket, 'visit:assign', { visitId: waiting.visitId, roomId: 'colour-bar', staffId: 'sofia' }), 'room_lacks_equipment', 'reason.room_lacks_equipment'],
      ['assign an out-of-service room', () => send(desk.socket, 'visit:assign', { visitId: waiting.visitId, roomId: 'room-3', staffId: 'sofia' }), 'room_out_of_service', 'reason.room_out_of_service'],
      ['assign a visit that is in service', () => send(desk.socket, 'visit:assign', { visitId: running.visitId, roomId: 'nail-bar', staffId: 'sofia' }), 'illegal_transition', 'reason.illegal_transition'],
      ['a note before the session', () => send(anna.socket, 'session:note', { visitId: blocked.visitId, kind: 'skin', text: 'dry' }), 'not_in_service', 'reason.not_in_service'],
      ['act on another beautician’s visit', () => send(anna.socket, 'visit:finish', { visitId: running.visitId }), 'not_your_visit', 'reason.not_your_visit'],
      ['accept a visit already in service', () => send(mei.socket, 'visit:accept', { visitId: running.visitId }), 'not_assigned', 'reason.not_assigned'],
      ['hand back a session in progress', () => send(mei.socket, 'visit:handBack', { visitId: running.visitId, reason: 'tired' }), 'illegal_transition', 'reason.illegal_transition'],
      ['mark no-show a client in the room', () => send(desk.socket, 'visit:noShow', { visitId: running.visitId }), 'illegal_transition', 'reason.illegal_transition'],
      ['take an occupied room out of service', () => send(desk.socket, 'room:setOutOfService', { roomId: 'room-1', outOfService: true }), 'room_occupied', 'reason.room_occupied'],
      ['mark ready a room that is not cleaning', () => send(desk.socket, 'room:ready', { roomId: 'nail-bar' }), 'room_not_cleaning', 'reason.room_not_cleaning'],
      ['move a visit that is not waiting', () => send(desk.socket, 'queue:reorder', { visitId: running.visitId, beforeVisitId: null }), 'not_queued', 'reason.not_queued'],
      ['acknowledge an unknown incident', () => send(desk.socket, 'incident:acknowledge', { incidentId: 'nope' }), 'unknown_incident', 'reason.unknown_incident'],
      ['revoke an unknown tablet', () => send(boss.socket, 'device:revoke', { deviceId: 'nope' }), 'device_not_found', 'reason.device_not_found'],
      ['a hand-back without a reason', () => send(mei.socket, 'visit:handBack', { visitId: running.visitId, reason: '   ' }), '', 'rule.required'],
    ];
    for (const [what, run, reason, key] of cases) {
      const ack = await run();
      expect(ack.ok, what).toBe(false);
      if (reason) expect(ack.error?.reason, what).toBe(reason);
      expect(ack.error?.message, what).toBeTruthy();
      expect(ack.error?.message, what).not.toBe(t('error.conflict'));
      if (key === 'reason.staff_busy') expect(ack.error?.message).toBe(t(key, { name: 'Anna Park' }));
      else if (key === 'reason.room_occupied') expect(ack.error?.message).toBe(t(key, { room: 'Room 1' }));
      else if (key === 'reason.contraindication_blocked' || key === 'reason.not_your_visit' || key === 'reason.unknown_incident')
        expect(ack.error?.message, what).toBe(t(key));
    }
    // Roles: a beautician cannot place clients, the front desk cannot revoke tablets.
    expect(await send(mei.socket, 'visit:assign', { visitId: waiting.visitId, roomId: 'nail-bar', staffId: 'sofia' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(desk.socket, 'device:revoke', { deviceId: mei.device.deviceId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(hub.hub.revision).toBe(before.revision);
    expect((await snapshotOf(boss.socket)).view).toEqual(before.view);
  });

  it('a command retried from one tablet takes effect once and answers the same; another tablet reusing its id is refused (#10)', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const meiAgain = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Retry', phone: '5550009' }));
    await settle();
    const revision = hub.hub.revision;

    const commandId = newCommandId();
    const plan = { serviceIds: ['facial-classic'], durationMin: 70 };
    const answers = await Promise.all([
      ...[1, 2, 3].map(() => send(mei.socket, 'plan:update', { commandId, visitId, plan })),
      ...[1, 2].map(() => send(meiAgain.socket, 'plan:update', { commandId, visitId, plan })),
    ]);
    for (const a of answers.slice(0, 3)) expect(a).toEqual({ ok: true, data: { visitId, version: 2 } });
    // The answer belongs to the tablet that sent the command: another one (even the same person's) never gets it.
    for (const a of answers.slice(3)) expect(a).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'command_id_taken' } });
    const incident = newCommandId();
    const raised = await Promise.all([
      ...[1, 2, 3].map(() => send(mei.socket, 'incident:raise', { commandId: incident, kind: 'burn_or_cut', visitId })),
      ...[1, 2].map(() => send(desk.socket, 'incident:raise', { commandId: incident, kind: 'burn_or_cut', visitId })),
    ]);
    expect(new Set(raised.slice(0, 3).map((r) => JSON.stringify(r))).size).toBe(1);
    expect(raised[0]!.ok).toBe(true);
    for (const r of raised.slice(3)) expect(r).toMatchObject({ ok: false, error: { reason: 'command_id_taken' } });
    expect(hub.hub.revision).toBe(revision + 2);
    expect(hub.hub.core.engine.state.visits[visitId]!.plan?.version).toBe(2);
    expect(Object.keys(hub.hub.core.engine.state.meta.incidents)).toHaveLength(1);
  });

  it('a beautician who hands a client back is not offered that client again; the next free one is', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    expectOk(await send(desk.socket, 'staff:markPresent', { staffId: 'anna' }));
    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Back', phone: '5550010' }));
    await settle();
    const dropped = nextEvent<StaffPatch>(mei.socket as unknown as Socket, 'sync:patch');
    expect(expectOk(await send(mei.socket, 'visit:handBack', { visitId, reason: 'Client asked for someone else' })).state).toBe('queued');
    expect((await dropped).del.visits).toContain(visitId);
    await settle();
    const view = (await snapshotOf(desk.socket)).view;
    expect(view.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'anna', handBacks: [{ staffId: 'mei', reason: 'Client asked for someone else' }] });
    expect(view.availability.mei).toMatchObject({ visitId: null });
  });
});
