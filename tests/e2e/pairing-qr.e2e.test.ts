import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodeQr, launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * Pairing by QR code (#14): the manager's "Pair another tablet" shows a QR code with the staff app's address and the
 * one-time code in its fragment; a new tablet that opens it finds the code filled in, and the code leaves the address.
 */
describe('pairing a tablet from a QR code', () => {
  let t: TestHub;
  let browser: Browser;
  let manager: Page;
  let newTablet: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    manager = await newPage(browser, TABLET);
    newTablet = await newPage(browser, TABLET);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('the manager’s QR code opens the pairing screen of a new tablet with the code filled in, and pairs it', async () => {
    await pairAndSignIn(manager, t, 'olivia', '9999', 'Manager tablet');
    await manager.getByTestId('pair-another').click();
    const code = (await manager.getByTestId('pairing-code').innerText()).trim();
    const link = await decodeQr(manager.getByTestId('pairing-qr'));
    expect(link).toBe(`${t.url}/staff/#pair=${code}`);
    await shoot(manager, 'staff-pair-tablet-qr-en');

    await newTablet.goto(link);
    await expect.poll(() => newTablet.getByTestId('pair-code').inputValue()).toBe(code);
    await expect.poll(() => new URL(newTablet.url()).hash).toBe('');
    await newTablet.getByTestId('pair-name').fill('Room 4 tablet');
    await newTablet.getByTestId('pair-submit').click();
    await newTablet.getByTestId('staff-tile-mei').waitFor({ state: 'visible' });
  });
});
