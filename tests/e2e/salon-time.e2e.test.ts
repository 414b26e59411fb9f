import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { salonFormat } from '@glow/shared';
import { launchBrowser, shoot, TABLET } from '../support/browser.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * The salon's clock on every screen (#14): a tablet whose own time zone is another (Chromium's timezoneId) shows the
 * times of the salon's zone, 24-hour in both languages. The harness's salon zone is one between UTC−11 and UTC+12;
 * the browser is put at UTC+14, which is never the same.
 */
const DEVICE_ZONE = 'Pacific/Kiritimati';

describe('times in the salon’s time zone, not the device’s', () => {
  let t: TestHub;
  let browser: Browser;
  let manager: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: TABLET, locale: 'en-GB', timezoneId: DEVICE_ZONE });
    manager = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('the manager’s pairing code says until when it is valid in the salon’s time, in English and Chinese', async () => {
    const salonZone = t.hub.core.engine.state.meta.floor.timeZone;
    expect(await manager.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(DEVICE_ZONE);
    await pairAndSignIn(manager, t, 'olivia', '9999', 'Manager tablet');
    await manager.getByTestId('pair-another').click();
    const expiry = manager.getByTestId('pairing-expiry');
    await expiry.waitFor({ state: 'visible' });
    const codes = Object.values(t.hub.core.engine.state.pairingCodes);
    const expiresAt = Math.max(...codes.map((c) => c.expiresAt));
    const salonTime = salonFormat('en', { timeZone: salonZone }).time(expiresAt);
    const deviceTime = salonFormat('en', { timeZone: DEVICE_ZONE }).time(expiresAt);
    expect(salonTime).not.toBe(deviceTime);
    expect(salonTime).toMatch(/^\d\d:\d\d$/);
    await expect.poll(() => expiry.innerText()).toContain(salonTime);
    expect(await expiry.innerText()).not.toContain(deviceTime);
    await shoot(manager, 'salon-time-pairing-en');

    await manager.getByTestId('pairing-close').click();
    await manager.getByTestId('lang-zh-CN').first().click();
    await manager.getByTestId('pair-another').click();
    await expiry.waitFor({ state: 'visible' });
    const latest = Math.max(...Object.values(t.hub.core.engine.state.pairingCodes).map((c) => c.expiresAt));
    await expect.poll(() => expiry.innerText()).toContain(salonFormat('zh-CN', { timeZone: salonZone }).time(latest));
    expect(await expiry.innerText()).not.toMatch(/上午|下午|AM|PM/);
    await shoot(manager, 'salon-time-pairing-zh');
  });
});
