import { salonDay } from '@glow/shared';
import { TZDateMini } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedVisits } from '../support/booking-phone.ts';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

/**
 * The desk lets go of a time it held (#16): closing the booking dialog, or picking another time, releases the hold so
 * the time is free for everyone at once, not blocked until the hold runs out. Only the staff member who made the hold
 * may release it, and a booking is never released.
 */
describe('desk hold release', () => {
  let t: TestHub;
  let desk: StaffSocket;
  let boss: StaffSocket;
  let mei: StaffSocket;
  let clients: string[];
  const state = () => t.hub.core.engine.state;
  const zone = () => state().meta.floor.timeZone;
  const at = (offset: number, h: number, m = 0) => {
    const today = new TZDateMini(Date.now(), zone());
    return new TZDateMini(today.getFullYear(), today.getMonth(), today.getDate() + offset, h, m, 0, 0, zone()).getTime();
  };
  const annaSlots = async (startsAt: number) =>
    expectOk(await send(desk, 'desk:slots', { serviceId: 'facial-classic', staffId: 'anna', day: salonDay(startsAt, zone())! })).slots.map((s) => s.startsAt);

  beforeAll(async () => {
    t = await startHub();
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    clients = (await closedVisits(t, boss, 2, 'Release')).map((c) => c.clientId);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('frees the held time at once; only the desk that holds it may release it', async () => {
    // A time Anna is free tomorrow (her shifts are the seed's).
    const eleven = (await annaSlots(at(1, 12)))[2]!;
    const held = expectOk(await send(desk, 'desk:hold', { clientId: clients[0]!, serviceId: 'facial-classic', staffId: 'anna', startsAt: eleven }));
    expect(await annaSlots(eleven)).not.toContain(eleven);
    // While held, another desk cannot have it.
    expect(await send(boss, 'desk:hold', { clientId: clients[1]!, serviceId: 'facial-classic', staffId: 'anna', startsAt: eleven })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    // A beautician has no such command; the manager did not make this hold and cannot see it: it is unknown to them.
    expect(await send(mei, 'desk:release', { bookingId: held.bookingId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(boss, 'desk:release', { bookingId: held.bookingId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(state().bookings[held.bookingId]).toMatchObject({ state: 'held' });

    expect(expectOk(await send(desk, 'desk:release', { bookingId: held.bookingId }))).toEqual({ bookingId: held.bookingId });
    expect(state().bookings[held.bookingId]).toBeUndefined();
    expect(await annaSlots(eleven)).toContain(eleven);
    // Someone else can hold it straight away, long before the released hold would have run out.
    const other = expectOk(await send(boss, 'desk:hold', { clientId: clients[1]!, serviceId: 'facial-classic', staffId: 'anna', startsAt: eleven }));
    expect(other.startsAt).toBe(eleven);
    // Releasing again is refused: nothing of the released hold is left.
    expect(await send(desk, 'desk:release', { bookingId: held.bookingId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('never releases a booking, and refuses an attacker’s input', async () => {
    const two = (await annaSlots(at(1, 12))).at(-1)!;
    const held = expectOk(await send(desk, 'desk:hold', { clientId: clients[0]!, serviceId: 'facial-classic', staffId: 'anna', startsAt: two }));
    expectOk(await send(desk, 'desk:book', { bookingId: held.bookingId }));
    expect(await send(desk, 'desk:release', { bookingId: held.bookingId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(state().bookings[held.bookingId]).toMatchObject({ state: 'booked' });
    expect(await annaSlots(two)).not.toContain(two);
    expect(await send(desk, 'desk:release', { bookingId: held.bookingId, extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await send(desk, 'desk:release', {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
