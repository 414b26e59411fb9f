import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, followUpText, type FollowUpDue } from '@glow/shared';
import { messageIdFor } from '../../hub/src/services/outbox/enqueue-message.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { enqueue, OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';
import { expectExplainedRefusal } from './support/ack-checks.ts';

/**
 * The outbox (#16) as an attacker on the Wi-Fi would use it: the webhook is a request the hub makes, so a webhook
 * address must not turn the hub into a way in to itself or to a cloud's metadata service (SSRF). What a salon needs is
 * a gateway on its own network (a LAN address, plain http allowed) or a service on the Internet; what it never needs
 * is a link-local address (169.254.x.x, where cloud metadata lives; fe80::), the unspecified address, an IP written as
 * one number, or the hub's own port. A gateway that answers with a redirect is not followed. And the salon's wording
 * and a client's name are text: HTML in them reaches the client as the characters typed, in a plain-text e-mail with
 * no header the wording could add.
 */
const TEN_AM = Date.parse('2026-12-03T10:00:00+08:00');
let now = TEN_AM;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = TEN_AM;
});

async function hub(): Promise<TestHub> {
  const t = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, outbox: { outboxTickMs: 3_600_000, outboxTimeouts: { smtp: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 700 }, webhookMs: 800 } } });
  cleanups.push(() => t.stop());
  return t;
}

/** A local HTTP server that counts what reaches it and answers as told. */
async function listener(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const settings = (webhookUrl: string | null) => ({ smtp: null, webhookUrl, quietHours: null, dailyCap: null, maxAttempts: 3, keepBodiesDays: 30 });

describe('attacker on the Wi-Fi against the outbox (#16)', () => {
  it('refuses a webhook at a link-local or metadata address, the unspecified address or an IP written as one number', async () => {
    const t = await hub();
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    for (const url of [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://169.254.170.2/v2/credentials',
      'https://169.254.1.1:8443/sms',
      'http://[fe80::1]/sms',
      'http://[fe80::a9fe:a9fe]:8080/sms',
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://0.0.0.0:8080/sms',
      'http://[::]/sms',
      'http://2852039166/latest/meta-data/',
      'http://0xa9fea9fe/latest/meta-data/',
      'http://0251.0376.0251.0376/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://metadata/computeMetadata/v1/',
    ]) {
      const ack = await send(boss, 'outbox:settings', settings(url));
      expect(ack.ok, url).toBe(false);
      if (!ack.ok) {
        expect(ack.error.code, url).toBe('invalid_input');
        expect(ack.error.issues?.[0]?.field, url).toBe('webhookUrl');
        expectExplainedRefusal(ack.error, 'en', url);
      }
    }
    expect(t.hub.core.outbox.list(null, 1).settings.webhookUrl).toBeNull();
    // The SMTP server the manager names: the same addresses refused.
    for (const host of ['169.254.169.254', 'fe80::1', '0.0.0.0', 'metadata.google.internal']) {
      const ack = await send(boss, 'outbox:settings', { ...settings(null), smtp: { host, port: 80, tls: 'none', user: '', sender: 'hello@glow-salon.cn' } });
      expect(ack, host).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'smtp.host', rule: 'host_internal' }] } });
      if (!ack.ok) expectExplainedRefusal(ack.error, 'en', host);
    }
    expect(t.hub.core.outbox.list(null, 1).settings.smtp).toBeNull();
  });

  it('takes what a salon needs: a gateway on its own network, plain http, or a service on the Internet', async () => {
    const t = await hub();
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    for (const url of ['http://192.168.1.20:8080/sms', 'http://10.0.0.5/send?key=abc', 'https://sms.example.com/api/send', 'http://sms-gateway.local:9090/']) {
      expectOk(await send(boss, 'outbox:settings', settings(url)));
      expect(t.hub.core.outbox.list(null, 1).settings.webhookUrl).toBe(url);
    }
  });

  it('refuses a webhook pointed at the hub itself, by address or by name', async () => {
    const t = await hub();
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const port = new URL(t.url).port;
    for (const url of [`${t.url}/api/devices/pair`, `http://localhost:${port}/api/setup`, `http://[::1]:${port}/`, `http://127.0.0.2:${port}/`]) {
      const ack = await send(boss, 'outbox:settings', settings(url));
      expect(ack.ok, url).toBe(false);
      if (!ack.ok) {
        expect(ack.error.issues?.[0], url).toMatchObject({ field: 'webhookUrl' });
        expectExplainedRefusal(ack.error, 'en', url);
      }
    }
    expect(t.hub.core.outbox.list(null, 1).settings.webhookUrl).toBeNull();
    // Another port of this machine is a local gateway's: allowed.
    expectOk(await send(boss, 'outbox:settings', settings('http://127.0.0.1:9/sms')));
  });

  it('does not follow a gateway’s redirect to somewhere else', async () => {
    const t = await hub();
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const inside = await listener((_req, res) => res.writeHead(200).end('secret'));
    const gateway = await listener((_req, res) => res.writeHead(302, { location: `${inside.url}/internal` }).end());
    expectOk(await send(boss, 'outbox:settings', settings(`${gateway.url}/sms`)));
    const ack = await send(boss, 'outbox:testSend', { channel: 'webhook', to: '+8613800138000' });
    expect(gateway.hits).toEqual(['POST /sms']);
    expect(inside.hits).toEqual([]);
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.message).not.toContain('secret');
  });

  it('sends HTML in the wording and in a client’s name as the characters typed, in a plain-text e-mail without added headers', async () => {
    const smtp = await new SmtpTestServer().start();
    cleanups.push(() => smtp.stop());
    const t = await hub();
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    expectOk(
      await send(boss, 'outbox:settings', {
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', sender: 'hello@glow-salon.cn' },
        webhookUrl: null,
        quietHours: null,
        dailyCap: null,
        maxAttempts: 3,
        keepBodiesDays: 30,
      }),
    );
    // The manager's wording carries HTML and a line that looks like a header.
    const wording = '<script>alert("x")</script><a href="http://evil.example/">{name}</a>\nBcc: victim@example.com\nSee you on {date}';
    const followUps = structuredClone(DEFAULT_FOLLOW_UP_SETTINGS);
    followUps.rules.booking_eve.wording.en = wording;
    followUps.rules.booking_eve.channel = 'message';
    // Taken as it is: the salon's wording is text (a "<3" is no attack), and it is sent as text.
    expectOk(await send(boss, 'followUps:saveSettings', { settings: followUps }));
    const stored = t.hub.core.engine.state.meta.followUps!.rules.booking_eve.wording.en;
    expect(stored).toBe(wording);
    // A client's name typed by the desk with HTML in it (the name field is free text).
    const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    expectOk(await send(desk, 'clients:edit', { clientId: 'ann-lee', changes: { firstName: '<img src=x onerror=alert(1)>' } }));
    const name = '<img src=x onerror=alert(1)> Lee';
    const due: FollowUpDue = {
      rule: 'booking_eve', channel: 'message', clientId: 'ann-lee', visitId: null, bookingId: null, productId: null, serviceId: null,
      holiday: null, seasonalId: null, date: '2026-12-04', dueDate: '2026-12-03', assigneeId: null,
    } as FollowUpDue;
    const text = followUpText(due, { ...followUps, rules: { ...followUps.rules, booking_eve: { ...followUps.rules.booking_eve, wording: { ...followUps.rules.booking_eve.wording, en: stored } } } }, { clientName: name, salonName: 'Glow', serviceName: null, productName: null, time: '10:00' }, 'en');
    await enqueue(t, { dedupeKey: 'html-1', clientId: 'ann-lee', language: 'en', subject: text.subject, body: text.body });
    // A subject with a line break in it (as a salon name might carry) gives no header either.
    await enqueue(t, { dedupeKey: 'html-2', clientId: 'ann-lee', language: 'en', subject: 'Hello\r\nBcc: victim@example.com', body: 'x' }).catch(() => []);
    await t.hub.core.outbox.delivery.tick();
    await t.hub.core.outbox.delivery.tick();

    const mails = smtp.received;
    expect(mails.length).toBeGreaterThanOrEqual(1);
    for (const mail of mails) {
      expect(mail.html).toBe(false);
      expect(mail.headers.get('bcc')).toBeUndefined();
      expect(JSON.stringify(mail.to)).not.toContain('victim');
      expect(mail.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
    }
    const first = mails.find((m) => m.text?.includes('See you on'))!;
    expect(first.text).toContain('<script>alert("x")</script><a href="http://evil.example/"><img src=x onerror=alert(1)> Lee</a>');
    expect(first.text).toContain('\nBcc: victim@example.com\n');
    expect(t.hub.core.outbox.list(null, 10).messages.find((m) => m.id === messageIdFor('html-1'))?.state).toBe('sent');
  });
});
