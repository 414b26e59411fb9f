import { bookingReminder, DEFAULT_FOLLOW_UP_SETTINGS, type Booking } from '@glow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { messageIdFor } from '../../hub/src/services/outbox/enqueue-message.ts';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';

/**
 * The desk's day-before reminder call and the day-before message (#16): when the salon reminds by message and the
 * message for a booking has actually left (the salon's SMTP server accepted it), the desk's call for that booking
 * leaves its task list, so nobody calls a client who was already told. A message that failed, or that only went to
 * the outbox folder (no e-mail for that client, no gateway), leaves the call on the list; with the rule's channel
 * "call" no message is made and the call stays. The hub's clock is the test's; delivery is driven by `tick()`.
 */
const TEN_AM = Date.parse('2026-12-03T10:00:00+08:00');
const TOMORROW_11 = Date.parse('2026-12-04T11:00:00+08:00');
let now = TEN_AM;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = TEN_AM;
});

/** Tomorrow's bookings of the outbox salon's clients: Meili has an e-mail, Xiaohong (no-mail) has none. */
function booking(id: string, clientId: string, hour: number): Booking {
  const startsAt = TOMORROW_11 + (hour - 11) * 3_600_000;
  return {
    id,
    clientId,
    serviceId: 'facial-classic',
    staffId: 'mei',
    anyStaff: false,
    roomId: 'room-1',
    startsAt,
    endsAt: startsAt + 3_600_000,
    state: 'booked',
    holdExpiresAt: null,
    source: 'desk',
    visitId: null,
    createdAt: TEN_AM - 86_400_000 * 3,
    cancelledAt: null,
    reminder: bookingReminder(startsAt, TEN_AM - 86_400_000 * 3, OUTBOX_ZONE),
  };
}

async function salon(channel: 'message' | 'call'): Promise<{ t: TestHub; smtp: SmtpTestServer; desk: StaffSocket }> {
  const smtp = await new SmtpTestServer().start();
  cleanups.push(() => smtp.stop());
  const t = await startHub({
    seed: async () => {
      const state = await outboxSalon();
      for (const b of [booking('b-mail', 'wang-meili', 11), booking('b-file', 'no-mail', 13)]) state.bookings[b.id] = b;
      return state;
    },
    timeZone: OUTBOX_ZONE,
    clock: () => now,
    outbox: { outboxTickMs: 3_600_000, outboxTimeouts: { smtp: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 700 }, webhookMs: 500 } },
  });
  cleanups.push(() => t.stop());
  const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
  expectOk(
    await send(boss.socket, 'outbox:settings', {
      smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', sender: 'hello@glow-salon.cn' },
      webhookUrl: null,
      quietHours: null,
      dailyCap: null,
      maxAttempts: 3,
      keepBodiesDays: 30,
    }),
  );
  const settings = structuredClone(DEFAULT_FOLLOW_UP_SETTINGS);
  settings.rules.booking_eve.channel = channel;
  expectOk(await send(boss.socket, 'followUps:saveSettings', { settings }));
  // The sweep finds tomorrow's bookings (as it does each morning).
  await t.hub.sweepFollowUps();
  const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
  return { t, smtp, desk };
}

const eve = (t: TestHub, bookingId: string) => t.hub.core.engine.state.outbox[messageIdFor(`booking_eve:${bookingId}`)];
const reminderOf = (t: TestHub, bookingId: string) => t.hub.core.engine.state.bookings[bookingId]!.reminder;
/** The desk's call list as a tablet signing in now receives it. */
async function deskCalls(t: TestHub): Promise<string[]> {
  const { snapshot, socket } = await connectStaff(t, { staffId: 'grace', pin: '4444' });
  socket.disconnect();
  return Object.values(snapshot.view.tasks).map((task) => task.bookingId).sort();
}

describe('the day-before reminder: a call or a message, not both', () => {
  it('an e-mail that left takes the call off the desk’s list; a message only written to the outbox folder does not', async () => {
    const { t, smtp } = await salon('message');
    expect(eve(t, 'b-mail')).toMatchObject({ state: 'queued', purpose: 'service' });
    expect(eve(t, 'b-file')).toMatchObject({ state: 'queued' });
    // Before the message leaves, the desk still sees both calls.
    expect(await deskCalls(t)).toEqual(['b-file', 'b-mail']);
    now = TEN_AM + 60_000;
    expect(await t.hub.core.outbox.delivery.tick()).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(eve(t, 'b-mail')).toMatchObject({ state: 'sent', channel: 'email' });
    expect(eve(t, 'b-file')).toMatchObject({ state: 'sent', channel: 'file' });
    expect(reminderOf(t, 'b-mail')).toMatchObject({ doneAt: now, doneBy: null });
    expect(reminderOf(t, 'b-file')).toMatchObject({ doneAt: null });
    expect(await deskCalls(t)).toEqual(['b-file']);
    // Nothing leaves twice, and the closed reminder is not reopened by another round or sweep.
    await t.hub.sweepFollowUps();
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(1);
    expect(await deskCalls(t)).toEqual(['b-file']);
  });

  it('a message the server refused leaves the call on the list, and the desk closes it by calling', async () => {
    const { t, smtp, desk } = await salon('message');
    smtp.behaviour = 'refuse_permanent';
    now = TEN_AM + 60_000;
    await t.hub.core.outbox.delivery.tick();
    expect(eve(t, 'b-mail')).toMatchObject({ state: 'failed', lastError: { code: 'refused_permanent' } });
    expect(reminderOf(t, 'b-mail').doneAt).toBeNull();
    expect(await deskCalls(t)).toEqual(['b-file', 'b-mail']);
    expectOk(await send(desk, 'booking:reminderDone', { bookingId: 'b-mail' }));
    expect(reminderOf(t, 'b-mail')).toMatchObject({ doneBy: 'grace' });
  });

  it('a message still being retried leaves the call; once it goes through, the call leaves the list', async () => {
    const { t, smtp } = await salon('message');
    smtp.behaviour = 'refuse_temporary';
    now = TEN_AM + 60_000;
    await t.hub.core.outbox.delivery.tick();
    expect(eve(t, 'b-mail')).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'refused_temporary' } });
    expect(await deskCalls(t)).toContain('b-mail');
    smtp.behaviour = 'accept';
    now += 60_000;
    await t.hub.core.outbox.delivery.tick();
    expect(eve(t, 'b-mail')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await deskCalls(t)).toEqual(['b-file']);
  });

  it('the desk that called first keeps its name on the reminder when the message leaves afterwards', async () => {
    const { t, smtp, desk } = await salon('message');
    expectOk(await send(desk, 'booking:reminderDone', { bookingId: 'b-mail' }));
    now = TEN_AM + 60_000;
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(1);
    expect(reminderOf(t, 'b-mail')).toMatchObject({ doneAt: TEN_AM, doneBy: 'grace' });
  });

  it('with the rule’s channel "call" no message is made and the desk calls', async () => {
    const { t, smtp } = await salon('call');
    expect(eve(t, 'b-mail')).toBeUndefined();
    now = TEN_AM + 60_000;
    expect(await t.hub.core.outbox.delivery.tick()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    expect(await deskCalls(t)).toEqual(['b-file', 'b-mail']);
  });
});
