import { KIOSK_COMMANDS, salonDay } from '@glow/shared';
import { TZDateMini } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedVisits } from '../support/booking-phone.ts';
import { connectStaff, expectOk, newCommandId, pairDevice, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { openTablet, until, type LiveTablet } from '../support/live-tablet.ts';

const TAKEN = { en: 'Sorry, that time has just been taken. Please pick another time.' };

/**
 * Bookings made at the front desk (#16) over real sockets: the desk and the manager book, move and cancel for a
 * client found by search, through the phone's own slot search and holds; a beautician and the kiosk cannot; a
 * booking made on one tablet reaches another live; two desks racing for one time get it once.
 */
describe('desk bookings', () => {
  let t: TestHub;
  let desk: StaffSocket;
  let boss: StaffSocket;
  let mei: StaffSocket;
  let other: LiveTablet;
  let clients: string[];
  const state = () => t.hub.core.engine.state;
  const zone = () => state().meta.floor.timeZone;
  /** A wall-clock time on the salon's day `offset` days from today. */
  const at = (offset: number, h: number, m = 0) => {
    const today = new TZDateMini(Date.now(), zone());
    return new TZDateMini(today.getFullYear(), today.getMonth(), today.getDate() + offset, h, m, 0, 0, zone()).getTime();
  };
  const dayOf = (ms: number) => salonDay(ms, zone())!;

  beforeAll(async () => {
    t = await startHub();
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    clients = (await closedVisits(t, boss, 3, 'Desk')).map((c) => c.clientId);
    other = await openTablet(t.url, await pairDevice(t, 'Other desk'), { staffId: 'olivia', pin: '9999' });
  }, 60_000);
  afterAll(async () => {
    other?.close();
    await t?.stop();
  });

  it('refuses a beautician every desk booking command, and the kiosk has none', async () => {
    const day = dayOf(at(1, 12));
    expect(await send(mei, 'desk:slots', { serviceId: 'facial-classic', staffId: null, day })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(mei, 'desk:hold', { clientId: clients[0]!, serviceId: 'facial-classic', staffId: 'anna', startsAt: at(1, 10) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(mei, 'desk:cancel', { bookingId: 'x', reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(Object.keys(KIOSK_COMMANDS).filter((name) => name.startsWith('desk:'))).toEqual([]);
    expect(Object.values(state().bookings)).toHaveLength(0);
  });

  it('books tomorrow 10:00 with Anna for a client found by search; another tablet sees it live', async () => {
    const found = expectOk(await send(desk, 'clients:search', { query: 'Desk0' })).hits;
    expect(found.map((h) => h.id)).toContain(clients[0]);
    const tenTomorrow = at(1, 10);
    const { slots } = expectOk(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: 'anna', day: dayOf(tenTomorrow) }));
    expect(slots.map((s) => s.startsAt)).toContain(tenTomorrow);
    expect(slots.every((s) => s.staffId === 'anna')).toBe(true);

    const held = expectOk(await send(desk, 'desk:hold', { clientId: clients[0]!, serviceId: 'facial-classic', staffId: 'anna', startsAt: tenTomorrow }));
    expect(state().bookings[held.bookingId]).toMatchObject({ state: 'held', source: 'desk', bookedBy: 'grace' });
    // A hold is not a booking: the other tablet's board does not show it.
    expect(other.live.snapshot?.view.bookings[held.bookingId]).toBeUndefined();
    const booked = expectOk(await send(desk, 'desk:book', { bookingId: held.bookingId }));
    expect(booked).toEqual({ bookingId: held.bookingId, startsAt: tenTomorrow, staffId: 'anna' });
    expect(state().bookings[held.bookingId]).toMatchObject({ state: 'booked', source: 'desk', bookedBy: 'grace', clientId: clients[0], anyStaff: false });
    await until(() => other.live.snapshot?.view.bookings[held.bookingId] !== undefined, 5000, 'the booking on the other tablet');
    expect(other.live.snapshot!.view.bookings[held.bookingId]).toMatchObject({ startsAt: tenTomorrow, staffId: 'anna', state: 'booked', source: 'desk' });
    // The client's record lists it.
    const record = expectOk(await send(desk, 'clients:record', { clientId: clients[0]! }));
    expect(record.bookings.map((b) => b.id)).toContain(held.bookingId);
    // The time is no longer offered with Anna.
    const after = expectOk(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: 'anna', day: dayOf(tenTomorrow) }));
    expect(after.slots.map((s) => s.startsAt)).not.toContain(tenTomorrow);
  });

  it('gives one time to one of two desks racing for it; the other is told to pick again', async () => {
    const noon = at(2, 14);
    const [a, b] = await Promise.all([
      send(desk, 'desk:hold', { clientId: clients[1]!, serviceId: 'facial-classic', staffId: 'mei', startsAt: noon }),
      boss.timeout(5000).emitWithAck('desk:hold', { commandId: newCommandId(), clientId: clients[2]!, serviceId: 'facial-classic', staffId: 'mei', startsAt: noon }) as ReturnType<typeof send<'desk:hold'>>,
    ]);
    const oks = [a, b].filter((x) => x.ok);
    const refused = [a, b].filter((x) => !x.ok);
    expect(oks).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'slot_taken', message: TAKEN.en } });
    const held = Object.values(state().bookings).filter((x) => x.startsAt === noon && x.state === 'held');
    expect(held).toHaveLength(1);
  });

  it('moves a booking to another free time and cancels it with a reason; both reach the other tablet', async () => {
    const id = Object.values(state().bookings).find((b) => b.clientId === clients[0] && b.state === 'booked')!.id;
    const laterTomorrow = at(1, 14); // after Anna's lunch
    const moved = expectOk(await send(desk, 'desk:move', { bookingId: id, startsAt: laterTomorrow }));
    expect(moved).toEqual({ bookingId: id, startsAt: laterTomorrow, staffId: 'anna' });
    await until(() => other.live.snapshot?.view.bookings[id]?.startsAt === laterTomorrow, 5000, 'the move on the other tablet');

    expect(await send(desk, 'desk:cancel', { bookingId: id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expectOk(await send(desk, 'desk:cancel', { bookingId: id, reason: 'Client is travelling' }));
    expect(state().bookings[id]).toMatchObject({ state: 'cancelled', cancelledBy: 'grace', cancelReason: 'Client is travelling' });
    await until(() => other.live.snapshot?.view.bookings[id] === undefined, 5000, 'the cancel on the other tablet');
    // Cancelled is final: moving or cancelling again is refused.
    expect(await send(desk, 'desk:move', { bookingId: id, startsAt: at(1, 15) })).toMatchObject({ ok: false, error: { reason: 'booking_not_active' } });
    // The time is free again.
    const { slots } = expectOk(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: 'anna', day: dayOf(laterTomorrow) }));
    expect(slots.map((s) => s.startsAt)).toContain(laterTomorrow);
  });

  it('refuses a past time, a closed day and an unknown client, with a message', async () => {
    expect(await send(desk, 'desk:hold', { clientId: clients[1]!, serviceId: 'facial-classic', staffId: null, startsAt: at(-1, 10) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'slot_past', message: 'That time has already passed. Please pick another time.' },
    });
    expect(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: null, day: dayOf(at(-1, 12)) })).toMatchObject({
      ok: false,
      error: { reason: 'slot_past' },
    });
    expect(await send(desk, 'desk:hold', { clientId: 'nobody', serviceId: 'facial-classic', staffId: null, startsAt: at(1, 16) })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: 'unknown_client', message: 'That client could not be found.' },
    });
    // The manager closes the salon on the weekday three days ahead.
    const closedDay = dayOf(at(3, 12));
    const weekday = new Date(`${closedDay}T12:00:00Z`).getUTCDay();
    const hours = state().meta.booking;
    expectOk(
      await send(boss, 'settings:booking', {
        openingHours: hours.openingHours.map((h, i) => (i === weekday ? null : h)),
        holdMinutes: hours.holdMinutes,
        changeCutoffHours: hours.changeCutoffHours,
        horizonDays: hours.horizonDays,
      }),
    );
    expect(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: null, day: closedDay })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'day_closed', message: 'The salon is closed that day. Please pick another day.' },
    });
    expect(await send(desk, 'desk:hold', { clientId: clients[1]!, serviceId: 'facial-classic', staffId: null, startsAt: at(3, 10) })).toMatchObject({
      ok: false,
      error: { reason: 'day_closed' },
    });
    expect(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: null, day: 'tomorrow' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
