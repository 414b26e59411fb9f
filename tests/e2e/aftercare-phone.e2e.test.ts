import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closedFacial, jpegWithGps } from '../support/aftercare-visit.ts';
import { ARTIFACTS, decodeQr, launchBrowser, newPage, PHONE, shoot, TABLET } from '../support/browser.ts';
import { checkIn, connectKiosk, connectStaff, expectOk, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/** The whole phone page, top to bottom (a phone user scrolls it). */
async function shootFull(page: Page, name: string): Promise<void> {
  const dir = join(ARTIFACTS, 'screens');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * The client's phone at 390×844 beside the manager's tablet: the aftercare sheet, a problem report with a photo that
 * alerts the manager at once, the print view on A5 and A4, and the beautician's Print button after closing.
 */
describe('the aftercare page on the phone', () => {
  let t: TestHub;
  let browser: Browser;
  let phone: Page;
  let board: Page;
  let desk: StaffSocket;
  let path: string;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    phone = await newPage(browser, PHONE);
    board = await newPage(browser, TABLET);
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    ({ path } = await closedFacial(t, desk));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the sheet at 390×844, readable without JavaScript', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', javaScriptEnabled: false });
    const noJs = await context.newPage();
    const response = await noJs.goto(t.url + path);
    expect(response?.status()).toBe(200);
    const text = await noJs.locator('body').innerText();
    for (const part of ['Hello Lina', 'Classic facial', 'From your beautician', 'Rose Barrier Cream', 'What is not normal', 'Our follow-up', '+44 20 7946 0958']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('Zhou');
    // Nothing overflows the phone's width.
    expect(await noJs.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(noJs, 'aftercare-phone-sheet-top');
    await shootFull(noJs, 'aftercare-phone-sheet-full');
    await noJs.goto(`${t.url}${path}?lang=zh-CN`);
    expect(await noJs.locator('h1').innerText()).toContain('Lina您好');
    await shootFull(noJs, 'aftercare-phone-sheet-zh');
    await context.close();
  });

  it('reports a problem with a photo; the manager’s tablet alerts at once and the page shows the status', async () => {
    await pairAndSignIn(board, t, 'olivia', '9999', 'Manager tablet');
    await board.getByTestId('board').waitFor({ state: 'visible' });

    await phone.goto(t.url + path);
    await phone.getByRole('link', { name: 'Report a problem' }).click();
    await phone.getByLabel('A skin reaction (redness, itching, swelling, rash)').check();
    await phone.getByLabel('Since the next day').check();
    await phone.getByLabel('What happened?').fill('Red, itchy patches on both cheeks since this morning.');
    await phone.getByLabel('A photo (optional, up to 5 MB)').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await phone.getByLabel('Call me').check();
    await shootFull(phone, 'aftercare-phone-report-form');
    await phone.getByRole('button', { name: 'Send to the salon' }).click();

    await phone.getByRole('status').waitFor({ state: 'visible' });
    expect(await phone.getByRole('status').innerText()).toContain('The salon has your report');
    expect(await phone.locator('[data-status]').first().getAttribute('data-status')).toBe('received');
    await shootFull(phone, 'aftercare-phone-report-sent');

    // The manager's board: the alert banner and the card, with the response timer running.
    const alert = board.getByTestId('complaint-alert');
    await alert.waitFor({ state: 'visible', timeout: 3000 });
    expect(await alert.innerText()).toContain('1 new problem report');
    const id = Object.keys(t.hub.core.engine.state.complaints)[0]!;
    const card = board.getByTestId(`complaint-${id}`);
    expect(await card.innerText()).toContain('Red, itchy patches');
    expect(await card.innerText()).toContain('Call back: 138 0013 8000');
    await board.getByTestId(`complaint-photo-toggle-${id}`).click();
    await board.getByTestId(`complaint-photo-${id}`).waitFor({ state: 'visible' });
    await shoot(board, 'aftercare-manager-complaint-alert');

    await board.getByTestId(`complaint-ack-${id}`).click();
    await expect.poll(() => t.hub.core.engine.state.complaints[id]?.status).toBe('handling');
    await phone.reload();
    expect(await phone.locator('[data-status]').first().getAttribute('data-status')).toBe('handling');
    expect(await phone.locator('body').innerText()).toContain('Being handled by the salon');
    await shoot(board, 'aftercare-manager-complaint-handling');
  });

  it('enlarges the report’s photo full screen on a tap, and keeps a resolved report in a history (#11)', async () => {
    const id = Object.keys(t.hub.core.engine.state.complaints)[0]!;
    // The small photo opened in the previous test: a tap shows it over the whole screen, to look at the skin closely.
    await board.getByTestId(`complaint-photo-open-${id}`).click();
    const zoom = board.getByTestId('complaint-photo-zoom');
    await zoom.waitFor({ state: 'visible' });
    const box = await zoom.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: TABLET.width, height: TABLET.height });
    const image = await zoom.locator('img').boundingBox();
    expect(Math.max(image!.width / TABLET.width, image!.height / TABLET.height)).toBeGreaterThan(0.9);
    await shoot(board, 'aftercare-manager-photo-full-screen');
    await board.getByTestId('complaint-photo-close').click();
    await zoom.waitFor({ state: 'detached' });

    // Resolved with a note: the card leaves the open reports and is listed, with how it ended, under the history.
    await board.getByTestId(`complaint-resolve-${id}`).click();
    await board.getByTestId('complaint-resolution').fill('Called her back; free calming facial booked.');
    await board.getByTestId('complaint-resolve-submit').click();
    await expect.poll(() => t.hub.core.engine.state.complaints[id]?.status).toBe('resolved');
    await board.getByTestId(`complaint-${id}`).waitFor({ state: 'detached' });
    const history = board.getByTestId('complaint-history');
    await history.waitFor({ state: 'visible' });
    expect(await history.locator('summary').innerText()).toBe('Resolved reports (1)');
    await history.locator('summary').click();
    const entry = board.getByTestId(`complaint-resolved-${id}`);
    expect(await entry.innerText()).toContain('Red, itchy patches');
    expect(await entry.innerText()).toContain('free calming facial booked');
    // Its photo (fetched above) can still be looked at, full screen too.
    await entry.getByTestId(`complaint-photo-open-${id}`).click();
    await board.getByTestId('complaint-photo-zoom').waitFor({ state: 'visible' });
    // A tap anywhere on it returns to the board.
    await board.getByTestId('complaint-photo-zoom').click();
    await board.getByTestId('complaint-photo-zoom').waitFor({ state: 'detached' });
    await entry.scrollIntoViewIfNeeded();
    await shoot(board, 'aftercare-manager-complaint-history');
  });

  it('lets the manager set the link days and the report window on the board', async () => {
    const card = board.getByTestId('aftercare-settings');
    await card.scrollIntoViewIfNeeded();
    expect(await board.getByTestId('aftercare-link-days').inputValue()).toBe('30');
    await board.getByTestId('aftercare-link-days').fill('45');
    await board.getByTestId('aftercare-report-days').fill('10');
    await board.getByTestId('aftercare-settings-save').click();
    await expect.poll(() => t.hub.core.engine.state.meta.aftercare.linkDays).toBe(45);
    expect(t.hub.core.engine.state.meta.aftercare.reportWindowDays).toBe(10);
    await card.getByRole('status').waitFor({ state: 'visible' });
    await shoot(board, 'aftercare-manager-settings');
    // The same board in Chinese: the report card and the settings read in the staff member's language.
    await board.getByTestId('lang-zh-CN').click();
    await board.getByText('皮肤反应').first().waitFor({ state: 'visible' });
    await board.getByText('护理须知页面').waitFor({ state: 'visible' });
    await shoot(board, 'aftercare-manager-zh');
    await board.getByTestId('lang-en').click();
  });

  it('prints on A5 and on A4, one page each, with a readable QR code', async () => {
    for (const size of ['A5', 'A4'] as const) {
      const page = await newPage(browser, size === 'A5' ? { width: 560, height: 794 } : { width: 794, height: 1123 });
      await page.goto(`${t.url}${path}/print?size=${size}`);
      await page.emulateMedia({ media: 'print' });
      await shootFull(page, `aftercare-print-${size}`);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `${size} pages`).toBe(1);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(PHONE);
      await shoot(page, `aftercare-print-${size}-screen`);
      // The printed code opens this very sheet, as a phone camera would read it.
      expect(await decodeQr(page.locator('.qr'))).toBe(t.url + path);
      await page.close();
    }
  });

  it('the beautician’s tablet prints the sheet after closing', async () => {
    const tablet = await newPage(browser, TABLET);
    await pairAndSignIn(tablet, t, 'mei', '1111', 'Room 1 tablet');
    // The planner gives the next facial to Mei (the least versatile beautician), now free again.
    const kiosk = await connectKiosk(t.url);
    const ticket = expectOk(await checkIn(kiosk.socket, { firstName: 'Mai', lastName: 'Ito', phone: '07700 900123' }));
    expect(t.hub.core.engine.state.visits[ticket.visitId]?.staffId).toBe('mei');
    await tablet.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    await tablet.getByTestId('accept-assignment').click();
    await tablet.getByTestId('confirm-plan').click();
    await tablet.getByTestId('start-session').click();
    await tablet.getByTestId('finish-session').click();
    await tablet.getByTestId('rate-5').click();
    await tablet.getByTestId('send-rating').click();
    await tablet.getByTestId('qr-print').waitFor({ state: 'visible' });
    await shoot(tablet, 'aftercare-staff-qr-print');
    const [printView] = await Promise.all([tablet.context().waitForEvent('page'), tablet.getByTestId('qr-print').click()]);
    await printView.waitForLoadState();
    expect(printView.url()).toMatch(/\/a\/[A-Za-z0-9_-]{43}\/print\?size=A5$/);
    expect(await printView.locator('.sheet').innerText()).toContain('Hello Mai');
    await tablet.close();
  });
});
