import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Client, FollowUpTask } from '@glow/shared';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { checkIn, connectKiosk, connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:00 today in the salon's zone (UTC): a booking at 13:00 is later today, one tomorrow is not.
const today = new Date();
const NOW = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 10);

const person = (id: string, firstName: string, lastName: string, phone: string, extra: Partial<Client> = {}): Client => ({
  id,
  firstName,
  lastName,
  phone,
  language: 'zh-CN',
  createdAt: NOW - 90 * DAY,
  referredBy: null,
  ...extra,
});

const booking = (id: string, clientId: string, staffId: string, startsAt: number, state: Booking['state'] = 'booked'): Booking => ({
  id,
  clientId,
  serviceId: 'facial-classic',
  staffId,
  anyStaff: false,
  roomId: null,
  startsAt,
  endsAt: startsAt + HOUR,
  state,
  holdExpiresAt: null,
  source: 'desk',
  visitId: null,
  createdAt: NOW - DAY,
  cancelledAt: state === 'cancelled' ? NOW - HOUR : null,
  reminder: { dueAt: startsAt - DAY, doneAt: null, doneBy: null },
});

/**
 * What the acceptance review of the client's record (#16) found, over real sockets: a beautician opens the clients
 * booked with her later today (not another's, not another day's), she is not told the names of referrals she may not
 * open, every attempt of a follow-up call is on the record, and the number of a record merged away stays the kept
 * person's (an edit giving it to another client is refused naming her; a check-in with it finds her).
 */
describe('client record (acceptance review)', () => {
  let t: TestHub;
  let desk: StaffSocket;
  let boss: StaffSocket;
  let mei: StaffSocket;
  const state = () => t.hub.core.engine.state;

  beforeAll(async () => {
    t = await startHub({
      clock: () => NOW,
      timeZone: 'Etc/UTC',
      floorTickMs: 3_600_000,
      seed: async () => {
        const s = await clientRecordSalon(NOW, 'Etc/UTC');
        s.clients['c-li'] = { ...s.clients['c-li']!, referredBy: 'c-zoe' };
        s.clients['c-wang'] = { ...s.clients['c-wang']!, referredBy: 'c-li' };
        s.clients['c-chen'] = person('c-chen', '晓', '陈', '+8613500135000', { referredBy: 'c-li' });
        s.clients['c-anna'] = person('c-anna', '芳', '刘', '+8613500135001');
        s.clients['c-later'] = person('c-later', '静', '赵', '+8613500135002');
        s.clients['c-gone'] = person('c-gone', '丽', '孙', '+8613500135003');
        s.bookings['b-chen'] = booking('b-chen', 'c-chen', 'mei', NOW + 3 * HOUR);
        s.bookings['b-anna'] = booking('b-anna', 'c-anna', 'anna', NOW + 3 * HOUR);
        s.bookings['b-later'] = booking('b-later', 'c-later', 'mei', NOW + DAY);
        s.bookings['b-gone'] = booking('b-gone', 'c-gone', 'mei', NOW + 2 * HOUR, 'cancelled');
        const task: FollowUpTask = {
          id: 'fu-li',
          clientId: 'c-li',
          visitId: 'v-li-today',
          bookingId: null,
          productId: null,
          rule: 'day1',
          dueDate: new Date(NOW).toISOString().slice(0, 10),
          assigneeId: 'mei',
          dedupeKey: 'day1:v-li-today',
          state: 'done',
          createdAt: NOW - 2 * HOUR,
          attempts: [
            { at: NOW - 2 * HOUR, by: 'mei', outcome: 'no_answer', note: 'Voicemail', retryAt: NOW - HOUR, complaintId: null },
            { at: NOW - HOUR, by: 'mei', outcome: 'reached', note: 'Skin feels calm', retryAt: null, complaintId: null },
          ],
        };
        s.followUpTasks['fu-li'] = task;
        return s;
      },
    });
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('lets a beautician open a client booked with her later today, not one booked with another or on another day', async () => {
    expect(expectOk(await send(mei, 'clients:record', { clientId: 'c-chen' })).client.id).toBe('c-chen');
    expect(expectOk(await send(mei, 'clients:search', { query: '陈晓' })).hits.map((h) => h.id)).toEqual(['c-chen']);
    for (const clientId of ['c-anna', 'c-later', 'c-gone']) {
      expect(await send(mei, 'clients:record', { clientId })).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'not_your_client' } });
    }
  });

  it('names to a beautician only the referrals she may open; the others are counted, the desk sees every name', async () => {
    const forMei = expectOk(await send(mei, 'clients:record', { clientId: 'c-li' })).referrals;
    expect(forMei).toEqual({
      referredBy: null,
      referred: [{ id: 'c-chen', firstName: '晓', lastName: '陈' }],
      unnamed: { referredBy: true, referred: 1 },
    });
    expect(JSON.stringify(forMei)).not.toMatch(/Zoë|美丽/);
    const forDesk = expectOk(await send(desk, 'clients:record', { clientId: 'c-li' })).referrals;
    expect(forDesk.referredBy).toMatchObject({ id: 'c-zoe' });
    expect(forDesk.referred.map((p) => p.id).sort()).toEqual(['c-chen', 'c-wang']);
    expect(forDesk.unnamed).toEqual({ referredBy: false, referred: 0 });
  });

  it('shows every attempt of a follow-up call: who, when, the outcome, the notes and the retry time', async () => {
    const call = expectOk(await send(desk, 'clients:record', { clientId: 'c-li' })).followUps.find((f) => f.id === 'fu-li')!;
    expect(call.calls).toEqual([
      { at: NOW - 2 * HOUR, byName: expect.stringMatching(/Mei/), outcome: 'no_answer', note: 'Voicemail', retryAt: NOW - HOUR },
      { at: NOW - HOUR, byName: expect.stringMatching(/Mei/), outcome: 'reached', note: 'Skin feels calm', retryAt: null },
    ]);
  });

  it("keeps a merged record's number for the kept person: refused for another client naming her, found at check-in", async () => {
    expectOk(await send(boss, 'clients:merge', { keepId: 'c-zoe', mergeId: 'c-li' }));
    const taken = await send(desk, 'clients:edit', { clientId: 'c-wang2', changes: { phone: '139 0013 9000' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'client_phone_taken' } });
    expect(!taken.ok && taken.error.message).toContain('Zoë Müller');
    expect(state().clients['c-wang2']!.phone).toBe('+8613700137000');
    // The kept person may take her number back.
    expect(expectOk(await send(desk, 'clients:edit', { clientId: 'c-zoe', changes: { notes: 'Also on 139 0013 9000' } })).changed).toEqual(['notes']);
    // At the kiosk the number is hers: a registration with it is kept apart as her possible duplicate for the desk
    // (as for any client's number), never a second owner of the number.
    const kiosk = (await connectKiosk(t.url)).socket;
    const visit = state().visits[expectOk(await checkIn(kiosk, { firstName: 'Zoë', lastName: 'Müller', phone: '+8613900139000' })).visitId]!;
    expect(visit.identityCheck).toBe('duplicate_number');
    expect(state().clients[visit.clientId]).toMatchObject({ phone: '+8613900139000', duplicateOf: 'c-zoe' });
    expect(t.hub.core.clients.find('+8613900139000')).toBe('c-zoe');
  });
});
