import { afterEach, describe, expect, it } from 'vitest';
import { salonDay } from '@glow/shared';
import { book, bookPath, getPage, slotsIn, tokenOf } from '../support/booking-phone.ts';
import { connectKiosk, connectStaff, expectOk, send, startHub, type KioskSocket, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/**
 * Whether a visit is held for the manager follows the answers it carries, whatever path brought it: a client who
 * booked from the phone and checks in by the booking's QR has their consents on file, so the kiosk sends none; a
 * blocking answer must still hold them exactly as it holds a walk-in (issue #12 / #11 safety).
 */

/** Monday 23 November 2026, 09:30 in the salon (UTC here): everyone is on shift, the day's later slots are free. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const FACIAL_OK = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false, concerns: ['dryness'] };
/** Isotretinoin in the last six months: the demo facial's blocking contraindication (the date decides). */
const ON_ISOTRETINOIN = { ...FACIAL_OK, isotretinoin: true, isotretinoin_last: '2026-10-01' };
const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]] };
const ALL_GRANTED = [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: true },
  { kind: 'marketing' as const, version: 1, granted: true },
];
const settle = () => new Promise((r) => setTimeout(r, 100));

const register = (kiosk: KioskSocket, client: { firstName: string; lastName: string; phone: string }, answers: Record<string, unknown>) =>
  send(kiosk, 'visit:checkIn', { client, serviceId: 'facial-classic', language: 'en', answers, consents: ALL_GRANTED, signature: [SIGNATURE] } as never);

/** A client registered at the kiosk with their consents, taken through a whole visit: their aftercare link's path. */
async function closedWithConsents(t: TestHub, kiosk: KioskSocket, boss: StaffSocket, client: { firstName: string; lastName: string; phone: string }) {
  const { visitId } = expectOk(await register(kiosk, client, FACIAL_OK));
  await settle();
  if (t.hub.core.engine.state.visits[visitId]!.state === 'queued') expectOk(await send(boss, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
  expectOk(await send(boss, 'plan:confirm', { visitId }));
  expectOk(await send(boss, 'visit:start', { visitId }));
  expectOk(await send(boss, 'visit:finish', { visitId }));
  const closed = expectOk(await send(boss, 'visit:close', { visitId, rating: { csat: 5 } }));
  const roomId = t.hub.core.engine.state.visits[visitId]!.roomId!;
  if (t.hub.core.engine.state.rooms[roomId]?.state === 'cleaning') expectOk(await send(boss, 'room:ready', { roomId }));
  return { clientId: t.hub.core.engine.state.visits[visitId]!.clientId, path: closed.aftercarePath };
}

describe('a blocking answer holds a booked client checked in by the QR with consents on file', () => {
  let t: TestHub | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  it('the booked visit is blocked as a walk-in’s is: no assignment, no confirmed plan, until the manager overrides', async () => {
    const hub = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    t = hub;
    const state = () => hub.hub.core.engine.state;
    const kiosk = await connectKiosk(hub.url);
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });

    // A walk-in answering the same: the state and flags every blocked visit must get.
    const walkIn = expectOk(await register(kiosk.socket, { firstName: 'Ann', lastName: 'Wu', phone: '13900139000' }, ON_ISOTRETINOIN));
    await settle();
    const held = (visitId: string) => {
      const { state: s, blocked, blockOverride, staffId, roomId } = state().visits[visitId]!;
      return { state: s, blocked, blockOverride, staffId, roomId };
    };
    expect(held(walkIn.visitId)).toEqual({ state: 'queued', blocked: true, blockOverride: null, staffId: null, roomId: null });

    // A client with consents on file books today's later slot from the phone (their aftercare link).
    const { clientId, path } = await closedWithConsents(hub, kiosk.socket, boss.socket, { firstName: 'Lena', lastName: 'Zhou', phone: '13800138000' });
    expect(state().clients[clientId]!.consents).toEqual(ALL_GRANTED.map((c) => ({ ...c, at: MONDAY_0930 })));
    const today = salonDay(MONDAY_0930, 'UTC')!;
    const times = slotsIn((await getPage(hub, bookPath(path, { service: 'facial-classic', staff: 'any', day: today }))).body);
    expect(times.length).toBeGreaterThan(0);
    const link = await book(hub, path, { service: 'facial-classic', staff: 'any', startsAt: times[0]! });

    // At the kiosk, by the QR: nothing to consent to again, so the check-in carries no `consents`, as the kiosk sends it.
    const visitor = expectOk(await send(kiosk.socket, 'booking:confirmByToken', { token: tokenOf(link) }));
    if (!visitor.known || !visitor.booking) throw new Error('expected a known visitor with a booking');
    const booked = expectOk(
      await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
        visitorToken: visitor.visitorToken,
        bookingId: visitor.booking.bookingId,
        serviceId: visitor.booking.serviceId,
        language: 'en',
        answers: ON_ISOTRETINOIN,
      })),
    );
    await settle();
    expect(state().visits[booked.visitId]).toMatchObject({ kind: 'booked', answers: ON_ISOTRETINOIN });
    expect(held(booked.visitId)).toEqual(held(walkIn.visitId));
    // Like the walk-in, the kiosk is told no wait: the front desk tells a held client.
    expect(booked.estimateMin).toBe(walkIn.estimateMin);
    expect(booked.estimateMin).toBeNull();

    // Nobody may take the client or confirm the plan until the manager overrides the block.
    const placed = await send(boss.socket, 'visit:assign', { visitId: booked.visitId, roomId: 'room-2', staffId: 'mei' });
    expect(placed).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'visit_blocked' } });
    expect((await send(mei.socket, 'plan:confirm', { visitId: booked.visitId })).ok).toBe(false);
    expect(held(booked.visitId)).toMatchObject({ state: 'queued', blocked: true, staffId: null });

    expectOk(await send(boss.socket, 'visit:overrideBlock', { visitId: booked.visitId, reason: 'Last dose was a low one; gentle products only' }));
    await settle();
    if (state().visits[booked.visitId]!.state === 'queued') expectOk(await send(boss.socket, 'visit:assign', { visitId: booked.visitId, roomId: 'room-2', staffId: 'mei' }));
    expect(state().visits[booked.visitId]).toMatchObject({ state: 'assigned', blockOverride: { by: 'olivia' } });
    const beautician = state().visits[booked.visitId]!.staffId === 'mei' ? mei : boss;
    expectOk(await send(beautician.socket, 'plan:confirm', { visitId: booked.visitId }));
  });

  it('a phone-only “nothing has changed” carrying blocking answers is held too, and the kiosk cannot tell', async () => {
    const hub = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    t = hub;
    const state = () => hub.hub.core.engine.state;
    const kiosk = await connectKiosk(hub.url);
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const first = expectOk(await register(kiosk.socket, { firstName: 'Lena', lastName: 'Zhou', phone: '13800138000' }, ON_ISOTRETINOIN));
    expect(state().visits[first.visitId]!.blocked).toBe(true);
    expectOk(await send(boss.socket, 'visit:cancel', { visitId: first.visitId }));

    const returning = (phone: string) =>
      send(kiosk.socket, 'visit:checkIn', kioskCheckIn({ returning: { phone }, serviceId: 'facial-classic', language: 'en', sameAsLast: true }) as never);
    const known = expectOk(await returning('13800138000'));
    const unknown = expectOk(await returning('13900139000'));
    await settle();
    expect(state().visits[known.visitId]).toMatchObject({ answers: ON_ISOTRETINOIN, answersToReview: true, blocked: true, state: 'queued', staffId: null });
    expect(state().visits[unknown.visitId]).toMatchObject({ blocked: false });
    // The number proves nothing: its answer is the same as an unknown number's, a wait included.
    expect({ ...known, visitId: '', ticket: '' }).toEqual({ ...unknown, visitId: '', ticket: '' });
    const placed = await send(boss.socket, 'visit:assign', { visitId: known.visitId, roomId: 'room-2', staffId: 'mei' });
    expect(placed).toMatchObject({ ok: false, error: { reason: 'visit_blocked' } });
  });
});
