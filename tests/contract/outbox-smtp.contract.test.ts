import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '@glow/shared';
import { messageIdFor } from '../../hub/src/services/outbox/enqueue-message.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { enqueue, OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';

/**
 * The SMTP sender against a real SMTP server the test starts (#16): what the client receives (Chinese subject and
 * body decoded as a mail client would), refusals, timeouts, a server that goes down and comes back, a hub restart in
 * the middle of a send, quiet hours, the daily cap, marketing to an opted-out client, and who may see or change what.
 * The hub's clock is the test's; the delivery loop is driven by `tick()` (its timer is set far off).
 */
const TEN_AM = Date.parse('2026-12-03T10:00:00+08:00');
const PASSWORD = 's3cret 密码 pass';

let now = TEN_AM;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = TEN_AM;
});

async function salonWithSmtp(options: { store?: 'memory' | 'lowdb'; dataDir?: string; auth?: boolean; settings?: Record<string, unknown> } = {}) {
  const smtp = await new SmtpTestServer(options.auth ? { user: 'salon', pass: PASSWORD } : null).start();
  cleanups.push(() => smtp.stop());
  const t = await startHub({
    seed: outboxSalon,
    timeZone: OUTBOX_ZONE,
    clock: () => now,
    store: options.store ?? 'memory',
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    outbox: { outboxTickMs: 3_600_000, outboxTimeouts: { smtp: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 700 }, webhookMs: 500 } },
  });
  cleanups.push(() => t.stop());
  const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
  const saved = await send(boss.socket, 'outbox:settings', {
    smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: options.auth ? 'salon' : '', sender: 'hello@glow-salon.cn' },
    ...(options.auth ? { password: PASSWORD } : {}),
    webhookUrl: null,
    quietHours: { from: '21:00', to: '09:00' },
    dailyCap: null,
    maxAttempts: 4,
    keepBodiesDays: 30,
    ...options.settings,
  });
  expectOk(saved);
  return { t, smtp, boss, saved };
}

const message = (t: TestHub, key: string): OutboxEntry => {
  const found = t.hub.core.outbox.list(null, 500).messages.find((m) => m.id === messageIdFor(key));
  if (!found) throw new Error(`no message ${key}`);
  return found;
};

describe('outbox over SMTP', () => {
  it('delivers a Chinese reminder with its subject and body intact, once, and lists it as sent', async () => {
    const { t, smtp } = await salonWithSmtp();
    await enqueue(t, { dedupeKey: 'eve:b1' });
    await enqueue(t, { dedupeKey: 'eve:b1', body: 'a second text for the same key' });
    expect(await t.hub.core.outbox.delivery.tick()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('明天的预约提醒');
    expect(mail.text?.trim()).toBe('王美丽您好：提醒您明天上午 10:00 的经典面部护理。期待您的光临！');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('meili@example.cn');
    expect(mail.from?.text).toContain('hello@glow-salon.cn');
    expect(message(t, 'eve:b1')).toMatchObject({ state: 'sent', attempts: 1, channel: 'email', sentAt: TEN_AM, clientName: '王美丽' });
    expect(await t.hub.core.outbox.delivery.tick()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('a 5xx refusal fails the message at once with the server’s reason', async () => {
    const { t, smtp } = await salonWithSmtp();
    smtp.behaviour = 'refuse_permanent';
    await enqueue(t, { dedupeKey: 'eve:b2' });
    await t.hub.core.outbox.delivery.tick();
    expect(message(t, 'eve:b2')).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'refused_permanent' } });
    expect(message(t, 'eve:b2').lastError?.detail).toContain('550');
    expect(smtp.received).toHaveLength(0);
  });

  it('a server that times out (or says 4xx) is tried again after a back-off, and gives up after the last try', async () => {
    const { t, smtp } = await salonWithSmtp();
    smtp.behaviour = 'stall';
    await enqueue(t, { dedupeKey: 'eve:b3' });
    await t.hub.core.outbox.delivery.tick();
    expect(message(t, 'eve:b3')).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: TEN_AM + 60_000, lastError: { code: 'timeout' } });
    // Not before its back-off.
    now += 30_000;
    expect(await t.hub.core.outbox.delivery.tick()).toBe(0);
    smtp.behaviour = 'refuse_temporary';
    now = TEN_AM + 60_000;
    await t.hub.core.outbox.delivery.tick();
    expect(message(t, 'eve:b3')).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: now + 120_000, lastError: { code: 'refused_temporary' } });
    expect(message(t, 'eve:b3').lastError?.detail).toContain('451');
    for (const wait of [120_000, 240_000]) {
      now += wait;
      await t.hub.core.outbox.delivery.tick();
    }
    expect(message(t, 'eve:b3')).toMatchObject({ state: 'failed', attempts: 4, lastError: { code: 'too_many_tries' } });
    expect(smtp.received).toHaveLength(0);
  });

  it('a server that is down and comes back gets the message exactly once', async () => {
    const { t, smtp } = await salonWithSmtp();
    const port = smtp.port;
    await smtp.stop();
    await enqueue(t, { dedupeKey: 'eve:b4' });
    await t.hub.core.outbox.delivery.tick();
    expect(message(t, 'eve:b4')).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'network' } });
    await smtp.start(port);
    now += 60_000;
    await t.hub.core.outbox.delivery.tick();
    now += 3_600_000;
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(1);
    expect(message(t, 'eve:b4')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('nothing is sent twice across a hub restart: a message claimed when the hub stopped is uncertain, a sent one stays sent', async () => {
    const first = await salonWithSmtp({ store: 'lowdb' });
    const dataDir = first.t.dataDir!;
    await enqueue(first.t, { dedupeKey: 'eve:sent' });
    await first.t.hub.core.outbox.delivery.tick();
    expect(first.smtp.received).toHaveLength(1);
    // The loop's first step for the next message — claimed and on disk — then the hub stops before the sender runs.
    await enqueue(first.t, { dedupeKey: 'eve:claimed', clientId: 'ann-lee', language: 'en', subject: 'Your visit tomorrow', body: 'See you at 10:00.' });
    const { decideClaim } = await import('../../hub/src/services/outbox/delivery-decisions.ts');
    expectOk(await first.t.hub.core.engine.execute({ command: 'outbox:claim', commandId: null, language: 'en' }, (s, at) => decideClaim(s, at)));
    await first.t.hub.stop();

    const again = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, store: 'lowdb', dataDir, outbox: { outboxTickMs: 3_600_000 } });
    cleanups.push(() => again.stop());
    now += 3_600_000;
    await again.hub.core.outbox.delivery.tick();
    expect(message(again, 'eve:sent')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(message(again, 'eve:claimed')).toMatchObject({ state: 'uncertain', attempts: 1, lastError: { code: 'crashed_while_sending' } });
    expect(first.smtp.received).toHaveLength(1);
    // The manager decides: sent again on purpose, it goes once more.
    const boss = await connectStaff(again, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(boss.socket, 'outbox:resend', { messageId: messageIdFor('eve:claimed') }));
    await again.hub.core.outbox.delivery.tick();
    expect(first.smtp.received.map((m) => m.subject)).toEqual(['明天的预约提醒', 'Your visit tomorrow']);
    // The password never reached the disk in plain text (it was not set here; see the login test).
    for (const file of await readdir(dataDir)) if (file.endsWith('.json') || file.endsWith('.jsonl')) expect(await readFile(join(dataDir, file), 'utf8')).not.toContain(PASSWORD);
  });

  it('a hub that stops while a server is silent stops in seconds; the message is uncertain at the next start, never sent twice', async () => {
    const smtp = await new SmtpTestServer().start();
    cleanups.push(() => smtp.stop());
    smtp.behaviour = 'stall';
    // The hub's own timeouts (30 s of silence before a try counts as timed out).
    const first = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, store: 'lowdb', outbox: { outboxTickMs: 3_600_000 } });
    const dataDir = first.dataDir!;
    const boss = await connectStaff(first, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(boss.socket, 'outbox:settings', { smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', sender: 'hello@glow-salon.cn' }, webhookUrl: null, quietHours: null, dailyCap: null, maxAttempts: 4, keepBodiesDays: 30 }));
    await enqueue(first, { dedupeKey: 'in-flight' });
    const round = first.hub.core.outbox.delivery.tick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopping = Date.now();
    await first.hub.stop();
    expect(Date.now() - stopping).toBeLessThan(8_000);
    // The try itself ends when the server lets go (its outcome is refused by the stopped hub).
    void round;
    smtp.behaviour = 'accept';
    const again = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, store: 'lowdb', dataDir, outbox: { outboxTickMs: 3_600_000 } });
    cleanups.push(() => again.stop());
    now += 3_600_000;
    await again.hub.core.outbox.delivery.tick();
    expect(message(again, 'in-flight')).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect(smtp.received).toHaveLength(0);
  });

  it('holds messages in the quiet hours and sends them when they end', async () => {
    const { t, smtp } = await salonWithSmtp();
    now = Date.parse('2026-12-03T22:30:00+08:00');
    await enqueue(t, { dedupeKey: 'late' });
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(0);
    expect(message(t, 'late')).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: Date.parse('2026-12-04T09:00:00+08:00') });
    now = Date.parse('2026-12-04T08:59:00+08:00');
    expect(await t.hub.core.outbox.delivery.tick()).toBe(0);
    now = Date.parse('2026-12-04T09:00:00+08:00');
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps to the daily cap: the rest wait for the next day', async () => {
    const { t, smtp } = await salonWithSmtp({ settings: { dailyCap: 2 } });
    for (const key of ['c1', 'c2', 'c3']) await enqueue(t, { dedupeKey: key });
    await t.hub.core.outbox.delivery.tick();
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(2);
    expect(message(t, 'c3')).toMatchObject({ state: 'queued', nextAttemptAt: Date.parse('2026-12-04T09:00:00+08:00') });
    now = Date.parse('2026-12-04T09:00:00+08:00');
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(3);
  });

  it('an opted-out client gets no marketing but still gets a service message', async () => {
    const { t, smtp } = await salonWithSmtp();
    const optIn = { purpose: 'marketing' as const, kind: 'seasonal', language: 'en' as const, subject: 'Winter care', body: 'Our winter offer.' };
    expect(await enqueue(t, { ...optIn, clientId: 'ann-lee', dedupeKey: 'winter:ann' })).toEqual(['opted_out']);
    expect(await enqueue(t, { ...optIn, clientId: 'wang-meili', dedupeKey: 'winter:mei' })).toEqual([]);
    expect(await enqueue(t, { clientId: 'ann-lee', dedupeKey: 'eve:ann', language: 'en', subject: 'Your visit tomorrow', body: 'See you at 10:00.' })).toEqual([]);
    await t.hub.core.outbox.delivery.tick();
    const got = smtp.received.map((m) => `${String(m.to && 'text' in m.to ? m.to.text : '')} ${m.subject}`).sort();
    expect(got).toEqual(['ann@example.com Your visit tomorrow', 'meili@example.cn Winter care']);
  });

  it('logs in with the sealed password, which no reply, journal or snapshot holds in plain text', async () => {
    const { t, smtp, saved, boss } = await salonWithSmtp({ store: 'lowdb', auth: true });
    expect(expectOk(saved)).toMatchObject({ passwordSet: true });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    await enqueue(t, { dedupeKey: 'auth' });
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.logins).toEqual([{ user: 'salon', pass: PASSWORD }]);
    expect(smtp.received).toHaveLength(1);
    const listed = expectOk(await send(boss.socket, 'outbox:list', {}));
    expect(JSON.stringify(listed)).not.toContain(PASSWORD);
    expect(listed.settings).not.toHaveProperty('passwordSealed');
    await t.hub.stop();
    const files = await readdir(t.dataDir!);
    expect(files.some((f) => f.startsWith('journal-'))).toBe(true);
    for (const file of files) if (file.endsWith('.json') || file.endsWith('.jsonl')) expect(await readFile(join(t.dataDir!, file), 'utf8')).not.toContain('s3cret');
    // Saved again without a password: the sealed one is kept; '' removes it.
    const fresh = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, store: 'lowdb', dataDir: t.dataDir!, outbox: { outboxTickMs: 3_600_000 } });
    cleanups.push(() => fresh.stop());
    const manager = await connectStaff(fresh, { staffId: 'olivia', pin: '9999' });
    const keep = { smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none' as const, user: 'salon', sender: 'hello@glow-salon.cn' }, webhookUrl: null, quietHours: null, dailyCap: null, maxAttempts: 4, keepBodiesDays: 30 };
    expect(expectOk(await send(manager.socket, 'outbox:settings', keep))).toMatchObject({ passwordSet: true });
    await enqueue(fresh, { dedupeKey: 'auth-2' });
    await fresh.hub.core.outbox.delivery.tick();
    expect(smtp.logins.at(-1)).toEqual({ user: 'salon', pass: PASSWORD });
    expect(expectOk(await send(manager.socket, 'outbox:settings', { ...keep, password: '' }))).toMatchObject({ passwordSet: false });
  });

  it('the test button sends now through the saved settings and says why it could not, in words', async () => {
    const { smtp, boss } = await salonWithSmtp();
    expect(expectOk(await send(boss.socket, 'outbox:testSend', { channel: 'email', to: 'owner@example.com' })).detail).toMatch(/250/);
    expect(smtp.received.at(-1)?.subject).toBe('Glow: test message');
    smtp.behaviour = 'refuse_permanent';
    const refused = await send(boss.socket, 'outbox:testSend', { channel: 'email', to: 'owner@example.com' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', reason: 'delivery_refused_permanent' } });
    expect(!refused.ok && refused.error.message).toMatch(/^The server refused the message: .*550/);
    const bad = await send(boss.socket, 'outbox:testSend', { channel: 'email', to: 'not an address' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'address', rule: 'email_format' }] } });
    const noHook = await send(boss.socket, 'outbox:testSend', { channel: 'webhook', to: '+8613800138000' });
    expect(noHook).toMatchObject({ ok: false, error: { reason: 'delivery_not_configured' } });
  });

  it('bad settings are refused field by field, and nothing is saved', async () => {
    const { boss, t, smtp } = await salonWithSmtp();
    const base = { smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none' as const, user: '', sender: 'hello@glow-salon.cn' }, webhookUrl: null, quietHours: null, dailyCap: null, maxAttempts: 4, keepBodiesDays: 30 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ smtp: { ...base.smtp, host: 'bad host!' } }, 'smtp.host', 'host_format'],
      [{ smtp: { ...base.smtp, port: 70_000 } }, 'smtp.port', 'port_range'],
      [{ smtp: { ...base.smtp, sender: 'nobody' } }, 'smtp.sender', 'email_format'],
      [{ webhookUrl: 'ftp://gw.example.com' }, 'webhookUrl', 'url_format'],
      [{ webhookUrl: 'https://user:pw@gw.example.com/x' }, 'webhookUrl', 'url_format'],
      [{ quietHours: { from: '25:00', to: '09:00' } }, 'quietHours.from', 'time_format'],
      [{ quietHours: { from: '09:00', to: '09:00' } }, 'quietHours.to', 'quiet_hours_empty'],
      [{ dailyCap: 0 }, 'dailyCap', 'cap_range'],
    ];
    for (const [change, field, rule] of cases) {
      const ack = await send(boss.socket, 'outbox:settings', { ...base, ...change } as never);
      expect(ack, field).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field, rule }] } });
    }
    expect(t.hub.core.outbox.list(null, 1).settings.quietHours).toEqual({ from: '21:00', to: '09:00' });
    const orphan = await send(boss.socket, 'outbox:settings', { ...base, smtp: null, password: 'x' });
    expect(orphan).toMatchObject({ ok: false, error: { reason: 'outbox_password_without_server' } });
  });

  it('only the manager changes the settings or sees the messages; the desk may set a client’s e-mail', async () => {
    const { t } = await salonWithSmtp();
    await enqueue(t, { dedupeKey: 'private' });
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const locked = await connectStaff(t);
    for (const s of [desk.socket, mei.socket, locked.socket]) {
      for (const ack of [
        await send(s, 'outbox:list', {}),
        await send(s, 'outbox:settings', { smtp: null, webhookUrl: null, quietHours: null, dailyCap: null, maxAttempts: 3, keepBodiesDays: 30 }),
        await send(s, 'outbox:testSend', { channel: 'email', to: 'x@example.com' }),
        await send(s, 'outbox:resend', { messageId: messageIdFor('private') }),
        await send(s, 'outbox:cancel', { messageId: messageIdFor('private') }),
      ]) {
        expect(ack.ok).toBe(false);
        expect(JSON.stringify(ack)).not.toContain('王美丽您好');
      }
    }
    // Nothing of the outbox rides in anyone's live view.
    expect(JSON.stringify(desk.snapshot)).not.toContain('王美丽您好');
    expect(JSON.stringify(mei.snapshot)).not.toContain('王美丽您好');
    expectOk(await send(desk.socket, 'clients:edit', { clientId: 'no-mail', changes: { email: 'xiaohong@example.cn' } }));
    expect(await send(mei.socket, 'clients:edit', { clientId: 'no-mail', changes: { email: 'x@example.cn' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(desk.socket, 'clients:edit', { clientId: 'no-mail', changes: { email: 'nope' } })).toMatchObject({ ok: false, error: { issues: [{ field: 'changes.email', rule: 'email_format' }] } });
    await enqueue(t, { dedupeKey: 'to-xiaohong', clientId: 'no-mail' });
    await t.hub.core.outbox.delivery.tick();
    expect(message(t, 'to-xiaohong')).toMatchObject({ channel: 'email', to: 'xiaohong@example.cn' });
  });
});
