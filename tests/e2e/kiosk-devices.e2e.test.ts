import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { pairOnScreen, shootKiosk } from '../support/kiosk-driver.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * Issue #10: kiosks are paired devices. The manager makes a kiosk code on the tablet, the lobby kiosk is paired with
 * it on its "not a kiosk yet" screen, and the manager revokes it from the device list while a client is at it: the
 * kiosk drops the visit and says why, in the language on screen.
 */
describe('pairing and revoking a kiosk from the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let manager: Page;
  let lobby: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    manager = await newPage(browser, TABLET);
    lobby = await newPage(browser, TABLET);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('pairs a kiosk with a code from the tablet, lists it, and revoking it mid-visit sends it back to “not a kiosk yet”', async () => {
    await pairAndSignIn(manager, t, 'olivia', '9999', 'Manager tablet');
    await manager.getByTestId('pair-kiosk').click();
    const code = (await manager.getByTestId('pairing-code').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await shoot(manager, 'staff-pair-kiosk-code-en');
    await manager.getByTestId('pairing-close').click();

    await lobby.goto(`${t.url}/`);
    await pairOnScreen(lobby, code);
    // A client starts checking in, in Chinese.
    await lobby.getByTestId('welcome-lang-zh-CN').click();
    await lobby.getByTestId('walk-in').click();
    await lobby.getByTestId('phone').waitFor({ state: 'visible' });

    // The manager finds the kiosk among the devices and revokes it.
    await manager.getByTestId('devices-open').click();
    const kioskId = Object.values(t.hub.core.engine.state.devices).find((d) => d.kind === 'kiosk')!.id;
    await expect.poll(() => manager.getByTestId(`device-kind-${kioskId}`).innerText()).toBe('Kiosk');
    await shoot(manager, 'staff-devices-with-kiosk-en');
    await manager.getByTestId(`device-revoke-${kioskId}`).click();
    await manager.getByTestId(`device-revoke-confirm-${kioskId}`).click();

    // The kiosk is cut off at once: the visit is gone and the screen says why, in the client's language.
    await lobby.getByTestId('kiosk-pair-removed').waitFor({ state: 'visible' });
    expect(await lobby.getByTestId('kiosk-pair-removed').innerText()).toMatch(/店长已移除此自助机/);
    expect(await lobby.getByTestId('phone').count()).toBe(0);
    await shootKiosk(lobby, 'pairing-removed');
    expect(t.hub.core.engine.state.devices[kioskId]!.revokedAt).not.toBeNull();
  });
});
