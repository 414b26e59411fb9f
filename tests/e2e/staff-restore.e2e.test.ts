import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * Someone who left comes back (#13): Anna was archived; on the manager's tablet the staff list marks her "Left" with
 * a Restore button beside her, which puts her back (card, history and PIN kept), live, and she signs in again. And a
 * tablet whose session the manager ends (a PIN reset) is signed out at once with a notice that says why.
 */
describe('restoring an archived staff member on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    const olivia = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const anna = t.hub.core.engine.state.staff.anna!;
    expectOk(await send(olivia.socket, 'staff:save', { id: 'anna', name: anna.name, role: anna.role, skills: anna.skills, active: false, weeklyShifts: anna.weeklyShifts }));
    olivia.socket.disconnect();
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
    await boss.getByTestId('board').waitFor();
    await boss.getByTestId('catalogue-open').click();
    await boss.getByTestId('catalogue-screen').waitFor();
    await boss.getByTestId('catalogue-nav-staff').click();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows Restore beside the one who left only, in both languages, and restores her live', async () => {
    const restore = boss.getByTestId('catalogue-staff-restore');
    await restore.waitFor();
    expect(await restore.count()).toBe(1);
    for (const lang of ['en', 'zh-CN'] as const) {
      await boss.getByTestId(`lang-${lang}`).click();
      await boss.waitForFunction((l) => document.documentElement.lang === l, lang);
      expect(await restore.getAttribute('aria-label')).toContain('Anna Park');
      await shoot(boss, `catalogue-staff-restore-${lang}`);
      expect(await wcagViolations(boss, '[data-testid="catalogue-screen"]'), lang).toEqual([]);
    }
    await boss.getByTestId('lang-en').click();
    await restore.click();
    await restore.waitFor({ state: 'detached' });
    expect(t.hub.core.engine.state.staff.anna?.active).toBe(true);
    await shoot(boss, 'catalogue-staff-restored-en');
    const anna = await connectStaff(t, { staffId: 'anna', pin: '2222' });
    expect(anna.session?.role).toBe('beautician');
    anna.socket.disconnect();
  });

  it('a PIN reset by the manager signs Anna’s tablet out at once, saying why, in her language', async () => {
    const tablet = await newPage(browser, TABLET);
    await pairAndSignIn(tablet, t, 'anna', '2222', 'Room 2 tablet');
    await tablet.getByTestId('lang-zh-CN').click();
    const olivia = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(olivia.socket, 'staff:setPin', { staffId: 'anna', pin: '582046', pinAgain: '582046' }));
    const notice = tablet.getByRole('status').filter({ hasText: '店长更改了您的 PIN 码' });
    await notice.waitFor();
    await shoot(tablet, 'staff-signed-out-by-hub-zh-CN');
    // She signs in with the new PIN; in English this time, the manager resets it again.
    await tablet.getByTestId('lang-en').click();
    await tablet.getByTestId('staff-tile-anna').click();
    for (const digit of '582046') await tablet.getByTestId(`pin-key-${digit}`).click();
    await tablet.getByTestId('pin-submit').click();
    await tablet.getByTestId('pin-submit').waitFor({ state: 'detached' });
    expectOk(await send(olivia.socket, 'staff:setPin', { staffId: 'anna', pin: '135791', pinAgain: '135791' }));
    await tablet.getByRole('status').filter({ hasText: 'the manager changed your PIN' }).waitFor();
    await shoot(tablet, 'staff-signed-out-by-hub-en');
    expect(await wcagViolations(tablet)).toEqual([]);
    olivia.socket.disconnect();
  });
});
