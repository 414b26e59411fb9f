import { TZDateMini } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { acceptanceSalon } from '../support/acceptance-16-salon.ts';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, expectOk, send, startHub, workingHoursZone, type TestHub } from '../support/hub-harness.ts';
import { SmtpTestServer } from '../support/smtp-test-server.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * Acceptance walk of #16 from the "Tests" list: the day-before reminder e-mail, end to end through the
 * screens. The manager (working in Chinese) sends the day-before reminder as a message — a wording with a placeholder
 * the rule does not have is refused beside its box, in Chinese, and nothing is saved; the front desk books 王美丽
 * tomorrow at 10:00 with Anna from her record; at its time the reminder reaches the test's SMTP server in her
 * language, with her name and the time, once; the manager sees it sent on the Messages screen, and her record lists it.
 */
describe('acceptance #16: the day-before reminder, from the screens to the mailbox', () => {
  let t: TestHub;
  let smtp: SmtpTestServer;
  let browser: Browser;
  let boss: Page;
  let desk: Page;
  let timeZone: string;
  let offset = 0;
  const state = () => t.hub.core.engine.state;
  const tomorrowAt = (h: number) => {
    const z = new TZDateMini(Date.now(), timeZone);
    return new TZDateMini(z.getFullYear(), z.getMonth(), z.getDate() + 1, h, 0, 0, 0, timeZone).getTime();
  };

  beforeAll(async () => {
    const now = Date.now();
    timeZone = workingHoursZone(now);
    smtp = await new SmtpTestServer().start();
    t = await startHub({ staticDirs: true, timeZone, clock: () => Date.now() + offset, seed: () => acceptanceSalon(now, timeZone), outbox: { outboxTickMs: 3_600_000 } });
    const manager = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    expectOk(
      await send(manager, 'outbox:settings', {
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', sender: 'hello@glow-salon.cn' },
        webhookUrl: null,
        quietHours: null,
        dailyCap: 200,
        maxAttempts: 6,
        keepBodiesDays: 30,
      }),
    );
    expectOk(await send(manager, 'clients:edit', { clientId: 'c-wang', changes: { email: 'meili@example.cn' } }));
    manager.disconnect();
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
    desk = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk tablet');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.stop();
  });

  it('the manager, in Chinese, has the day-before reminder sent as a message; an unknown placeholder is refused in Chinese', async () => {
    await boss.getByTestId('lang-zh-CN').click();
    await boss.getByTestId('settings-open').click();
    await boss.getByTestId('settings-nav-followUps').click();
    await boss.getByTestId('settings-follow-ups').waitFor();
    await boss.getByTestId('follow-up-booking_eve-message').click();
    const zh = boss.getByTestId('follow-up-booking_eve-wording-zh-CN');
    const original = await zh.inputValue();
    await zh.fill('{姓名}您好，明天 {time} 见');
    await boss.getByTestId('settings-follow-ups-save').click();
    const error = boss.getByTestId('follow-up-rule-booking_eve').getByTestId('field-error');
    await expect.poll(() => error.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await error.innerText()).toContain('{name}');
    await shoot(boss, 'acceptance-16-reminder-placeholder-zh-CN');
    expect(state().meta.followUps).toBeUndefined();

    await zh.fill(original);
    await boss.getByTestId('settings-follow-ups-save').click();
    await boss.getByTestId('settings-follow-ups-saved').waitFor();
    expect(state().meta.followUps!.rules.booking_eve.channel).toBe('message');
  });

  it('the desk books her tomorrow at 10:00 with Anna from her record', async () => {
    await desk.getByTestId('clients-open').click();
    await desk.getByTestId('clients-search').pressSequentially('wml', { delay: 30 });
    await desk.getByTestId('client-hit-c-wang').click();
    await desk.getByTestId('client-book').click();
    await desk.getByTestId('desk-booking-dialog').waitFor();
    await desk.getByTestId('desk-service').selectOption('facial-classic');
    await desk.getByTestId('desk-staff').selectOption('anna');
    await desk.locator(`[data-starts-at="${tomorrowAt(10)}"]`).click();
    await desk.getByTestId('desk-held').waitFor();
    await desk.getByTestId('desk-confirm').click();
    await desk.getByTestId('client-booking-notice').waitFor();
    const booking = Object.values(state().bookings).find((b) => b.clientId === 'c-wang' && b.state === 'booked');
    expect(booking).toMatchObject({ startsAt: tomorrowAt(10), staffId: 'anna', source: 'desk' });
    const reminder = Object.values(state().outbox).filter((m) => m.clientId === 'c-wang' && m.kind === 'booking_eve');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({ language: 'zh-CN', purpose: 'service', state: 'queued' });
  });

  it('at its time the reminder reaches her mailbox in Chinese, with her name and the time, once', async () => {
    const reminder = Object.values(state().outbox).find((m) => m.clientId === 'c-wang' && m.kind === 'booking_eve')!;
    offset = Math.max(0, reminder.notBefore - Date.now()) + 60_000;
    await t.hub.core.outbox.delivery.tick();
    await t.hub.core.outbox.delivery.tick();
    const mails = smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text.includes('meili@example.cn'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('美丽');
    expect(mails[0]!.text).toContain('10:00');
    expect(mails[0]!.text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(mails[0]!.subject).toMatch(/[\u4e00-\u9fff]/);
    await t.hub.core.outbox.delivery.tick();
    expect(smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text.includes('meili@example.cn'))).toHaveLength(1);
  });

  it('the manager sees it sent on the Messages screen; her record lists it', async () => {
    await boss.getByTestId('settings-back').click();
    await boss.getByTestId('outbox-open').click();
    await boss.getByTestId('outbox-screen').waitFor();
    const sent = boss.locator('[data-testid="outbox-message"][data-state="sent"]');
    await expect.poll(() => sent.count()).toBe(1);
    expect(await sent.innerText()).toContain('meili@example.cn');
    await shoot(boss, 'acceptance-16-reminder-sent-zh-CN');
    await desk.getByTestId('client-hit-c-wang').click();
    await expect.poll(() => desk.getByTestId('client-message').count()).toBe(1);
    // The record was open when the message went out: it reads itself again on the live change, which may take a
    // moment on a loaded machine.
    await expect.poll(() => desk.getByTestId('client-message').innerText(), { timeout: 15_000 }).toContain('Sent');
    await desk.locator('#client-section-messages').scrollIntoViewIfNeeded();
    await shoot(desk, 'acceptance-16-reminder-record-en');
  });
});
