import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '@glow/shared';
import { createCertificateAuthority, issueServerCertificate, type PemPair } from '../../hub/src/security/certificates.ts';
import { messageIdFor } from '../../hub/src/services/outbox/enqueue-message.ts';
import { connectStaff, expectOk, nextEvent, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { enqueue, OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';

/**
 * The SMTP sender over TLS (#16), against a real SMTP server the test starts with a throwaway certificate made here
 * by the hub's own certificate library (an authority, and a server certificate it signs for 127.0.0.1): TLS from the
 * first byte (the manager's "TLS", port 465 style) and STARTTLS (her "STARTTLS", never falling back to clear text);
 * a server whose certificate is not trusted is reported with a clear reason in en and zh-CN, nothing is sent, the
 * message is tried again, and it goes once after the manager trusts the salon's own server certificate.
 */
const TEN_AM = Date.parse('2026-12-03T10:00:00+08:00');
let now = TEN_AM;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = TEN_AM;
});

let ca: PemPair;
let server: PemPair;
let otherName: PemPair;
beforeAll(async () => {
  // Real time: the TLS handshake checks the certificate's dates against the machine's clock, not the hub's.
  ca = await createCertificateAuthority('Salon mail', Date.now());
  server = await issueServerCertificate(ca, ['127.0.0.1', 'localhost'], Date.now());
  otherName = await issueServerCertificate(ca, ['mail.salon.test'], Date.now());
});

type Tls = 'none' | 'starttls' | 'tls';
const settingsFor = (port: number, tls: Tls, trustedCertificate: string | null = null) => ({
  smtp: { host: '127.0.0.1', port, tls, user: 'salon', sender: 'hello@glow-salon.cn', trustedCertificate },
  password: 'mail pass 邮件',
  webhookUrl: null,
  quietHours: null,
  dailyCap: null,
  maxAttempts: 3,
  keepBodiesDays: 30,
});

async function salon(smtp: SmtpTestServer, tls: Tls, trusted: string | null) {
  const t = await startHub({
    seed: outboxSalon,
    timeZone: OUTBOX_ZONE,
    clock: () => now,
    outbox: { outboxTickMs: 3_600_000, outboxTimeouts: { smtp: { connectionMs: 2_000, greetingMs: 2_000, socketMs: 2_000 }, webhookMs: 500 } },
  });
  cleanups.push(() => t.stop());
  const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
  expectOk(await send(boss.socket, 'outbox:settings', settingsFor(smtp.port, tls, trusted)));
  return { t, boss: boss.socket };
}

async function mailServer(mode: 'implicit' | 'starttls' | null, cert: PemPair = server): Promise<SmtpTestServer> {
  const smtp = await new SmtpTestServer({ user: 'salon', pass: 'mail pass 邮件' }, mode ? { mode, certPem: cert.certPem, keyPem: cert.keyPem } : null).start();
  cleanups.push(() => smtp.stop());
  return smtp;
}

const message = (t: TestHub, key: string): OutboxEntry => {
  const found = t.hub.core.outbox.list(null, 500).messages.find((m) => m.id === messageIdFor(key));
  if (!found) throw new Error(`no message ${key}`);
  return found;
};

/** The manager's tablet switched to Chinese (the language rides in the handshake, with the session token). */
async function inChinese(socket: StaffSocket): Promise<void> {
  (socket.auth as Record<string, unknown>).language = 'zh-CN';
  socket.disconnect();
  const snapshot = nextEvent(socket as never, 'sync:snapshot');
  socket.connect();
  await snapshot;
}

describe('outbox over SMTP with TLS', () => {
  it('"TLS" speaks TLS from the first byte (port 465 style) to a server whose certificate the manager trusts, once', async () => {
    const smtp = await mailServer('implicit');
    const { t } = await salon(smtp, 'tls', ca.certPem);
    await enqueue(t, { dedupeKey: 'implicit' });
    expect(await t.hub.core.outbox.delivery.tick()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.lastSecure).toBe(true);
    expect(smtp.logins).toEqual([{ user: 'salon', pass: 'mail pass 邮件' }]);
    expect(smtp.received[0]!.subject).toBe('明天的预约提醒');
    expect(message(t, 'implicit')).toMatchObject({ state: 'sent', attempts: 1, channel: 'email' });
    expect(await t.hub.core.outbox.delivery.tick()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('"STARTTLS" upgrades the connection before logging in and sending', async () => {
    const smtp = await mailServer('starttls');
    const { t } = await salon(smtp, 'starttls', ca.certPem);
    await enqueue(t, { dedupeKey: 'upgraded' });
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.lastSecure).toBe(true);
    expect(message(t, 'upgraded')).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('"STARTTLS" to a server that does not offer it sends nothing in clear text: no password, no message', async () => {
    const smtp = await mailServer(null);
    const { t } = await salon(smtp, 'starttls', null);
    await enqueue(t, { dedupeKey: 'no-upgrade' });
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(0);
    expect(smtp.logins).toEqual([]);
    expect(message(t, 'no-upgrade')).toMatchObject({ state: 'queued', attempts: 1, lastError: { code: 'tls_failed' } });
  });

  it('"None" stays in clear text even when the server offers STARTTLS (a relay on the salon’s own network)', async () => {
    const smtp = await mailServer('starttls');
    const { t } = await salon(smtp, 'none', null);
    await enqueue(t, { dedupeKey: 'plain' });
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.lastSecure).toBe(false);
  });

  it('a certificate not trusted: nothing sent, a clear reason in en and zh-CN, tried again, and sent once after the manager trusts it', async () => {
    for (const mode of ['implicit', 'starttls'] as const) {
      const smtp = await mailServer(mode);
      const { t, boss } = await salon(smtp, mode === 'implicit' ? 'tls' : 'starttls', null);
      const key = `untrusted-${mode}`;
      await enqueue(t, { dedupeKey: key });
      await t.hub.core.outbox.delivery.tick();
      expect(smtp.received, mode).toHaveLength(0);
      expect(smtp.logins, mode).toEqual([]);
      expect(message(t, key), mode).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: TEN_AM + 60_000, lastError: { code: 'tls_untrusted' } });
      expect(message(t, key).lastError?.detail, mode).toMatch(/certificate/i);
      // The test button says why, in the manager's language.
      const en = await send(boss, 'outbox:testSend', { channel: 'email', to: 'owner@example.com' });
      expect(en, mode).toMatchObject({ ok: false, error: { reason: 'delivery_tls_untrusted' } });
      expect(!en.ok && en.error.message, mode).toMatch(/^The server’s certificate is not trusted, so nothing was sent .*certificate/);
      await inChinese(boss);
      const zh = await send(boss, 'outbox:testSend', { channel: 'email', to: 'owner@example.com' });
      expect(!zh.ok && zh.error.message, mode).toMatch(/^服务器的证书不受信任，消息没有发出/);
      // The manager pastes the salon server's certificate authority: the next try goes, once.
      expectOk(await send(boss, 'outbox:settings', settingsFor(smtp.port, mode === 'implicit' ? 'tls' : 'starttls', ca.certPem)));
      now = TEN_AM + 60_000;
      await t.hub.core.outbox.delivery.tick();
      expect(message(t, key), mode).toMatchObject({ state: 'sent', attempts: 2 });
      expect(smtp.received.filter((m) => m.subject === '明天的预约提醒'), mode).toHaveLength(1);
      now += 3_600_000;
      await t.hub.core.outbox.delivery.tick();
      expect(smtp.received.filter((m) => m.subject === '明天的预约提醒'), mode).toHaveLength(1);
      while (cleanups.length) await cleanups.pop()!();
      now = TEN_AM;
    }
  });

  it('a certificate made out to another name is not trusted either, and after the last try the reason is still the certificate', async () => {
    const smtp = await mailServer('implicit', otherName);
    const { t } = await salon(smtp, 'tls', ca.certPem);
    await enqueue(t, { dedupeKey: 'other-name' });
    for (const wait of [0, 60_000, 120_000]) {
      now += wait;
      await t.hub.core.outbox.delivery.tick();
    }
    expect(smtp.received).toHaveLength(0);
    expect(message(t, 'other-name')).toMatchObject({ state: 'failed', attempts: 3, lastError: { code: 'tls_untrusted' } });
    expect(message(t, 'other-name').lastError?.detail).toMatch(/altnames|does not match/i);
  });

  it('refuses a trusted certificate that is not one, field by field, and saves nothing', async () => {
    const smtp = await mailServer('implicit');
    const { t, boss } = await salon(smtp, 'tls', ca.certPem);
    const notPem = await send(boss, 'outbox:settings', settingsFor(smtp.port, 'tls', 'my certificate'));
    expect(notPem).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'smtp.trustedCertificate', rule: 'certificate_format' }] } });
    const broken = '-----BEGIN CERTIFICATE-----\nTUlJQmxhaGJsYWg=\n-----END CERTIFICATE-----';
    const unreadable = await send(boss, 'outbox:settings', settingsFor(smtp.port, 'tls', broken));
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'outbox_certificate_invalid' } });
    expect(!unreadable.ok && unreadable.error.message).toMatch(/^The trusted certificate could not be read/);
    expect(t.hub.core.outbox.list(null, 1).settings.smtp?.trustedCertificate).toBe(ca.certPem.trim());
  });
});
