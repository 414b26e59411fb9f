import { DEFAULT_FOLLOW_UP_SETTINGS, salonDay, type Language } from '@glow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { FACIAL_ANSWERS } from '../support/aftercare-visit.ts';
import { book, bookPath, getPage, slotsIn } from '../support/booking-phone.ts';
import { connectKiosk, connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';

/**
 * The day-before reminder e-mail end to end over the hub's real paths (#16): a client who came in (kiosk in her
 * language, the desk closes the visit) books tomorrow from her phone's aftercare page; the follow-up rules (channel
 * "message", set by the manager) put the reminder in the outbox in the client's language; at its time the delivery
 * loop sends it through the salon's SMTP server, which the test runs. A Chinese client reads Chinese, an English one
 * English.
 */
const DAY = 24 * 3_600_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A client through a whole facial, checked in at the kiosk in `language`; returns her aftercare page's path. */
async function visitedClient(t: TestHub, desk: StaffSocket, who: { firstName: string; lastName: string; phone: string; language: Language }) {
  const kiosk = await connectKiosk(t.url, who.language);
  const ticket = expectOk(
    await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
      client: { firstName: who.firstName, lastName: who.lastName, phone: who.phone },
      serviceId: 'facial-classic',
      language: who.language,
      answers: { ...FACIAL_ANSWERS, pregnant: false, concerns: [...FACIAL_ANSWERS.concerns] },
    })),
  );
  kiosk.socket.disconnect();
  const visitId = ticket.visitId;
  if (t.hub.core.engine.state.visits[visitId]!.state === 'queued') expectOk(await send(desk, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
  const plan = expectOk(await send(desk, 'plan:update', { visitId, plan: { serviceIds: ['facial-classic'], products: [], durationMin: 60 } }));
  expectOk(await send(desk, 'plan:confirm', { visitId, planVersion: plan.version }));
  expectOk(await send(desk, 'visit:start', { visitId }));
  expectOk(await send(desk, 'visit:finish', { visitId }));
  const closed = expectOk(await send(desk, 'visit:close', { visitId, rating: { csat: 5 }, aftercare: { notes: '', homeProducts: [] } }));
  const roomId = t.hub.core.engine.state.visits[visitId]?.roomId;
  if (roomId && t.hub.core.engine.state.rooms[roomId]?.state === 'cleaning') expectOk(await send(desk, 'room:ready', { roomId }));
  return { clientId: t.hub.core.engine.state.visits[visitId]!.clientId, path: closed.aftercarePath };
}

describe('the day-before reminder e-mail', () => {
  it('reaches the client through the salon’s SMTP server, in her language', async () => {
    const smtp = await new SmtpTestServer().start();
    cleanups.push(() => smtp.stop());
    let offset = 0;
    const t = await startHub({ clock: () => Date.now() + offset, outbox: { outboxTickMs: 3_600_000 } });
    cleanups.push(() => t.stop());
    const zone = t.hub.core.engine.state.meta.floor.timeZone;
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(
      await send(boss.socket, 'outbox:settings', {
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', sender: 'hello@glow-salon.cn' },
        webhookUrl: null,
        quietHours: { from: '21:00', to: '09:00' },
        dailyCap: 200,
        maxAttempts: 6,
        keepBodiesDays: 30,
      }),
    );
    const settings = structuredClone(DEFAULT_FOLLOW_UP_SETTINGS);
    settings.rules.booking_eve.channel = 'message';
    expectOk(await send(boss.socket, 'followUps:saveSettings', { settings }));

    const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    const mei = await visitedClient(t, desk, { firstName: '美丽', lastName: '王', phone: '139 0013 9000', language: 'zh-CN' });
    const ann = await visitedClient(t, desk, { firstName: 'Ann', lastName: 'Lee', phone: '+44 7700 900456', language: 'en' });
    expectOk(await send(desk, 'clients:edit', { clientId: mei.clientId, changes: { email: 'meili@example.cn' } }));
    expectOk(await send(desk, 'clients:edit', { clientId: ann.clientId, changes: { email: 'ann@example.com' } }));

    // Each books tomorrow from her phone.
    const tomorrow = salonDay(Date.now() + DAY, zone)!;
    const slots = slotsIn((await getPage(t, bookPath(mei.path, { service: 'facial-classic', staff: 'any', day: tomorrow, lang: 'zh-CN' }))).body);
    expect(slots.length).toBeGreaterThan(1);
    await book(t, mei.path, { service: 'facial-classic', staff: 'any', startsAt: slots[0]!, lang: 'zh-CN' });
    await book(t, ann.path, { service: 'facial-classic', staff: 'any', startsAt: slots.at(-1)!, lang: 'en' });

    const reminders = Object.values(t.hub.core.engine.state.outbox).filter((m) => m.kind === 'booking_eve');
    expect(reminders.map((m) => [m.clientId, m.language, m.purpose, m.state]).sort()).toEqual(
      [
        [mei.clientId, 'zh-CN', 'service', 'queued'],
        [ann.clientId, 'en', 'service', 'queued'],
      ].sort(),
    );
    // They leave at their time today (the rules say 10:00 the day before, salon time): the test's clock moves there.
    const at = Math.max(...reminders.map((m) => m.notBefore));
    offset = Math.max(0, at - Date.now()) + 60_000;
    await t.hub.core.outbox.delivery.tick();
    await t.hub.core.outbox.delivery.tick();

    const toMei = smtp.received.find((m) => m.to && 'text' in m.to && m.to.text.includes('meili@example.cn'));
    const toAnn = smtp.received.find((m) => m.to && 'text' in m.to && m.to.text.includes('ann@example.com'));
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(slots[0]!);
    expect(toMei?.text).toContain('美丽您好');
    expect(toMei?.text).toContain('提醒您：您预约的');
    expect(toMei?.text).toContain(time);
    expect(toMei?.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(toAnn?.text).toContain('Dear Ann, a reminder from');
    expect(toAnn?.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(smtp.received).toHaveLength(2);
    expect(Object.values(t.hub.core.engine.state.outbox).filter((m) => m.kind === 'booking_eve').every((m) => m.state === 'sent')).toBe(true);
    // Rules and outbox together: running the sweep again queues nothing new, and nothing leaves twice.
    await t.hub.sweepFollowUps();
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(2);
  });
});
