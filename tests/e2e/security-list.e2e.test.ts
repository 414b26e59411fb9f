import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/** The manager's Security list on the tablet at 1280×800, in both languages; other roles have no way to it. */
describe('the security list on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true, timeZone: 'Asia/Shanghai' });
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists a failed PIN and a lock-out with who, which tablet and how often, newest first, in English and Chinese', async () => {
    const rogue = await connectStaff(t, undefined, undefined);
    for (let i = 0; i < 3; i++) await send(rogue.socket, 'auth:login', { staffId: 'mei', pin: '0000' });
    await boss.getByTestId('board').waitFor();
    await shoot(boss, 'security-board-header-en');
    await boss.getByTestId('security-open').click();
    await boss.getByTestId('security-dialog').waitFor();
    await boss.getByTestId('security-event-pin_locked').waitFor();
    const rows = boss.getByTestId('security-events').locator('li');
    expect(await rows.first().getAttribute('data-testid')).toBe('security-event-pin_locked');
    const failed = await boss.getByTestId('security-event-pin_failed').innerText();
    expect(failed).toContain('Wrong PIN');
    expect(failed).toContain('Mei');
    expect(failed).toContain('3 times');
    await shoot(boss, 'security-list-en');
    // The language switch is in the header, under the dialog: close it, switch, open it again.
    await boss.keyboard.press('Escape');
    await boss.getByTestId('security-dialog').waitFor({ state: 'detached' });
    await boss.getByTestId('lang-zh-CN').click();
    await boss.getByTestId('security-open').click();
    await expect.poll(() => boss.getByTestId('security-event-pin_failed').innerText()).toContain('PIN 码错误');
    await shoot(boss, 'security-list-zh-CN');
    await boss.keyboard.press('Escape');
    await boss.getByTestId('lang-en').click();
  });

  it('is not offered to the front desk', async () => {
    const desk = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Desk tablet');
    await desk.getByTestId('board').waitFor();
    expect(await desk.getByTestId('security-open').count()).toBe(0);
    await desk.context().close();
  });
});
