import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, PHONE, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';
import { pairAndSignIn } from '../support/staff-page.ts';
import { createCertificateAuthority, issueServerCertificate, type PemPair } from '../../hub/src/security/certificates.ts';

/**
 * The salon's own mail server over TLS (#16), in Chromium: the manager's test button first says the server's
 * certificate is not trusted (in English, then Chinese); she pastes something that is not a certificate and is told
 * so beside the box; she pastes her server's authority certificate, saves, and the test message leaves over TLS.
 * Screens at 1280×800 and 390×844, en and zh-CN.
 */
describe('trusting the salon’s own mail server', () => {
  let t: TestHub;
  let smtp: SmtpTestServer;
  let ca: PemPair;
  let browser: Browser;

  beforeAll(async () => {
    ca = await createCertificateAuthority('Salon mail', Date.now());
    const cert = await issueServerCertificate(ca, ['127.0.0.1'], Date.now());
    smtp = await new SmtpTestServer(null, { mode: 'implicit', certPem: cert.certPem, keyPem: cert.keyPem }).start();
    t = await startHub({ staticDirs: true, seed: outboxSalon, timeZone: OUTBOX_ZONE, outbox: { outboxTickMs: 3_600_000 } });
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(
      await send(manager.socket, 'outbox:settings', {
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'tls', user: '', sender: 'hello@glow-salon.cn' },
        webhookUrl: null,
        quietHours: null,
        dailyCap: 200,
        maxAttempts: 6,
        keepBodiesDays: 30,
      }),
    );
    manager.socket.disconnect();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.stop();
  });

  async function settingsPage(viewport: { width: number; height: number }, name: string): Promise<Page> {
    const page = await newPage(browser, viewport);
    await pairAndSignIn(page, t, 'olivia', '9999', name);
    await page.getByTestId('board').waitFor();
    await page.getByTestId('outbox-open').click();
    await page.getByTestId('outbox-nav-settings').click();
    await page.getByTestId('outbox-settings').waitFor();
    await expect.poll(() => page.getByTestId('outbox-smtp-host').inputValue()).toBe('127.0.0.1');
    return page;
  }

  it('reports the untrusted certificate, refuses a box that is not one, and sends once it is trusted', async () => {
    const boss = await settingsPage(TABLET, 'Manager tablet');
    await boss.getByTestId('outbox-test-to').fill('owner@example.com');
    await boss.getByTestId('outbox-test-send').click();
    await expect.poll(() => boss.getByTestId('outbox-test-error').innerText()).toMatch(/^The server’s certificate is not trusted, so nothing was sent/);
    await boss.getByTestId('outbox-test-error').scrollIntoViewIfNeeded();
    await shoot(boss, 'outbox-tls-untrusted-en');
    await boss.getByTestId('lang-zh-CN').click();
    await boss.getByTestId('outbox-test-send').click();
    await expect.poll(() => boss.getByTestId('outbox-test-error').innerText()).toMatch(/^服务器的证书不受信任，消息没有发出/);
    await shoot(boss, 'outbox-tls-untrusted-zh-CN');
    expect(smtp.received).toHaveLength(0);

    await boss.getByTestId('outbox-smtp-trusted').fill('my certificate');
    await boss.getByTestId('outbox-settings-save').click();
    await expect.poll(() => boss.getByTestId('field-error').allInnerTexts()).toEqual(['信任的证书必须是 PEM 格式的证书，从 -----BEGIN CERTIFICATE----- 到 -----END CERTIFICATE-----。']);
    await boss.getByTestId('outbox-smtp-trusted').scrollIntoViewIfNeeded();
    await shoot(boss, 'outbox-trusted-certificate-error-zh-CN');

    await boss.getByTestId('outbox-smtp-trusted').fill(ca.certPem);
    await boss.getByTestId('outbox-settings-save').click();
    await boss.getByTestId('outbox-settings-saved').waitFor();
    expect(t.hub.core.outbox.list(null, 1).settings.smtp?.trustedCertificate).toBe(ca.certPem.trim());
    await boss.getByTestId('lang-en').click();
    await boss.getByTestId('outbox-test-send').click();
    await expect.poll(() => boss.getByTestId('outbox-test-ok').innerText()).toMatch(/^The test message left: 250/);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Glow: test message']);
    expect(await wcagViolations(boss, '[data-testid="outbox-screen"]')).toEqual([]);
    await boss.getByTestId('outbox-smtp-trusted').scrollIntoViewIfNeeded();
    await shoot(boss, 'outbox-trusted-certificate-en');
    await boss.context().close();
  });

  it('shows the saved certificate on a phone-sized screen', async () => {
    const phone = await settingsPage(PHONE, 'Manager phone');
    await expect.poll(() => phone.getByTestId('outbox-smtp-trusted').inputValue()).toBe(ca.certPem.trim());
    await phone.getByTestId('outbox-smtp-trusted').scrollIntoViewIfNeeded();
    await shoot(phone, 'outbox-trusted-certificate-phone-en');
    await phone.getByTestId('lang-zh-CN').click();
    await shoot(phone, 'outbox-trusted-certificate-phone-zh-CN');
    await phone.context().close();
  });
});
