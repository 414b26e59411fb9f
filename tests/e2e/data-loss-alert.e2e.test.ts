import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION } from '@glow/shared';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { nextEvent, pairDevice, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * #10 finding 7: when a tablet comes back holding a revision the hub never reached, the manager's tablet says the hub
 * lost changes, in the manager's language, until the manager has checked and dismisses it.
 */
describe('the data-loss alert on the manager’s tablet', () => {
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

  it('shows when a tablet held 30 more changes than the hub, in English and Chinese, and goes once dismissed', async () => {
    await boss.getByTestId('board').waitFor();
    expect(await boss.getByTestId('data-loss-banner').count()).toBe(0);
    // A tablet that had seen revisions this hub never reached (its data went back to an older copy).
    const tablet = await pairDevice(t, 'Front desk');
    const witness: Socket = io(t.url + NAMESPACES.staff, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: tablet.deviceId, deviceSecret: tablet.deviceSecret, language: 'en', revision: t.hub.revision + 30 },
      transports: ['websocket'],
      forceNew: true,
    });
    await nextEvent(witness, 'sync:snapshot');
    const banner = boss.getByTestId('data-loss-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('The hub has lost recent changes');
    expect(await banner.innerText()).toContain('30 changes');
    await shoot(boss, 'data-loss-alert-en');
    await boss.getByTestId('lang-zh-CN').click();
    await expect.poll(() => banner.innerText()).toContain('服务器丢失了最近的更改');
    expect(await banner.innerText()).toContain('30 项');
    await shoot(boss, 'data-loss-alert-zh-CN');
    await boss.getByTestId('data-loss-dismiss').click();
    await banner.waitFor({ state: 'detached' });
    await boss.getByTestId('lang-en').click();
    witness.disconnect();
  });
});
