import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { enqueue, OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';
import { pairAndSignIn } from '../support/staff-page.ts';
import { decideClaim, decideRecoverInFlight } from '../../hub/src/services/outbox/delivery-decisions.ts';

/**
 * The manager's Messages screen (#16) in Chromium at 1280×800, in English and Chinese: what was sent, waits, failed
 * and why (the SMTP server's own words), an uncertain message sent again; the settings with a field refused in the
 * manager's language, and the test button against the test's SMTP server, refused and then delivered.
 */
describe('the manager’s Messages screen', () => {
  let t: TestHub;
  let smtp: SmtpTestServer;
  let browser: Browser;
  let boss: Page;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    t = await startHub({ staticDirs: true, seed: outboxSalon, timeZone: OUTBOX_ZONE, outbox: { outboxTickMs: 3_600_000 } });
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(
      await send(manager.socket, 'outbox:settings', {
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', sender: 'hello@glow-salon.cn' },
        webhookUrl: null,
        quietHours: null,
        dailyCap: 200,
        maxAttempts: 6,
        keepBodiesDays: 30,
      }),
    );
    manager.socket.disconnect();
    // One of each: sent, refused for good, left in flight by a stop (uncertain), waiting for tomorrow.
    await enqueue(t, { dedupeKey: 'sent' });
    await t.hub.core.outbox.delivery.tick();
    smtp.behaviour = 'refuse_permanent';
    await enqueue(t, { dedupeKey: 'refused', clientId: 'ann-lee', language: 'en', subject: 'Your visit tomorrow', body: 'See you at 10:00.' });
    await t.hub.core.outbox.delivery.tick();
    smtp.behaviour = 'accept';
    await enqueue(t, { dedupeKey: 'uncertain', subject: '生日快乐', body: '祝您生日快乐！', kind: 'birthday', purpose: 'marketing' });
    expectOk(await t.hub.core.engine.execute({ command: 'outbox:claim', commandId: null, language: 'en' }, (s, now) => decideClaim(s, now)));
    expectOk(await t.hub.core.engine.execute({ command: 'outbox:recover', commandId: null, language: 'en' }, (s, now) => ({ changes: decideRecoverInFlight(s, now) ?? {}, result: {} })));
    await enqueue(t, { dedupeKey: 'later', notBefore: Date.now() + 86_400_000, subject: '冬季护理', body: '冬季护理小贴士', kind: 'seasonal', purpose: 'marketing' });

    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.stop();
  });

  it('lists what was sent, waits, failed and why, in English and Chinese; an uncertain message is sent again on purpose', async () => {
    await boss.getByTestId('board').waitFor();
    await boss.getByTestId('outbox-open').click();
    await boss.getByTestId('outbox-screen').waitFor();
    await expect.poll(() => boss.getByTestId('outbox-message').count()).toBe(4);
    const failed = boss.locator('[data-testid="outbox-message"][data-state="failed"]');
    await expect.poll(() => failed.getByTestId('outbox-message-why').innerText()).toMatch(/The server refused the message: .*550/);
    expect(await boss.locator('[data-state="uncertain"]').innerText()).toContain('it may have reached the client or not');
    expect(await boss.locator('[data-state="queued"]').innerText()).toContain('Waits until');
    expect(await boss.locator('[data-state="sent"]').innerText()).toContain('E-mail · meili@example.cn · Service');
    expect(await wcagViolations(boss, '[data-testid="outbox-screen"]')).toEqual([]);
    await shoot(boss, 'outbox-list-en');

    await boss.getByTestId('lang-zh-CN').click();
    await expect.poll(() => failed.getByTestId('outbox-message-why').innerText()).toContain('服务器拒收了这条消息');
    await boss.locator('[data-state="sent"] .subject').click();
    await boss.getByTestId('outbox-message-body').waitFor();
    await shoot(boss, 'outbox-list-zh-CN');

    await boss.locator('[data-state="uncertain"]').getByTestId('outbox-resend').click();
    await expect.poll(() => boss.locator('[data-testid="outbox-message"][data-state="queued"]').count()).toBe(2);
    await t.hub.core.outbox.delivery.tick();
    await boss.getByTestId('outbox-refresh').click();
    await expect.poll(() => boss.locator('[data-testid="outbox-message"][data-state="sent"]').count()).toBe(2);
    expect(smtp.received.map((m) => m.subject)).toEqual(['明天的预约提醒', '生日快乐']);
    await boss.getByTestId('outbox-filter-failed').click();
    await expect.poll(() => boss.getByTestId('outbox-message').count()).toBe(1);
  });

  it('saves the settings, refuses a wrong field in the manager’s language, and the test button reports the server’s answer', async () => {
    await boss.getByTestId('outbox-nav-settings').click();
    await boss.getByTestId('outbox-settings').waitFor();
    await expect.poll(() => boss.getByTestId('outbox-smtp-host').inputValue()).toBe('127.0.0.1');
    await shoot(boss, 'outbox-settings-zh-CN');
    await boss.getByTestId('outbox-smtp-port').fill('99999');
    await boss.getByTestId('outbox-webhook-url').fill('ftp://gateway');
    await boss.getByTestId('outbox-settings-save').click();
    await expect.poll(() => boss.getByTestId('field-error').allInnerTexts()).toEqual([
      '端口必须是 1 到 65535 之间的整数。',
      'Webhook 地址必须以 https:// 或 http:// 开头，后接服务器名称，不能有空格，也不能包含用户名或密码。',
    ]);
    await shoot(boss, 'outbox-settings-errors-zh-CN');
    await boss.getByTestId('outbox-smtp-port').fill(String(smtp.port));
    await boss.getByTestId('outbox-webhook-url').fill('');
    await boss.getByTestId('outbox-smtp-password').fill('pässwörd');
    await boss.getByTestId('outbox-settings-save').click();
    await boss.getByTestId('outbox-settings-saved').waitFor();
    expect(await boss.getByTestId('outbox-settings').innerText()).toContain('已保存密码');

    smtp.behaviour = 'refuse_permanent';
    await boss.getByTestId('outbox-test-to').fill('owner@example.com');
    await boss.getByTestId('outbox-test-send').click();
    await expect.poll(() => boss.getByTestId('outbox-test-error').innerText()).toMatch(/^服务器拒收了这条消息：.*550/);
    await shoot(boss, 'outbox-settings-test-refused-zh-CN');
    smtp.behaviour = 'accept';
    await boss.getByTestId('lang-en').click();
    await boss.getByTestId('outbox-test-send').click();
    await expect.poll(() => boss.getByTestId('outbox-test-ok').innerText()).toMatch(/^The test message left: 250/);
    expect(smtp.received.at(-1)?.subject).toBe('Glow: test message');
    expect(await wcagViolations(boss, '[data-testid="outbox-screen"]')).toEqual([]);
    await boss.getByTestId('outbox-test-ok').scrollIntoViewIfNeeded();
    await shoot(boss, 'outbox-settings-test-ok-en');
    await boss.getByTestId('outbox-smtp-host').scrollIntoViewIfNeeded();
    await shoot(boss, 'outbox-settings-en');
  });

  it('is not offered to the front desk', async () => {
    const desk = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Desk tablet');
    await desk.getByTestId('board').waitFor();
    expect(await desk.getByTestId('outbox-open').count()).toBe(0);
    await desk.context().close();
  });
});
