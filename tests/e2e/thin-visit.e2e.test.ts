import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodeQr, launchBrowser, newPage, PHONE, shoot, TABLET } from '../support/browser.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { dial, pairOnScreen, registerAtKiosk, shootKiosk } from '../support/kiosk-driver.ts';

/**
 * One real visit through the three screens side by side: the lobby kiosk, a beautician's tablet and the client's
 * phone, against an in-process hub serving the built apps.
 */
describe('a walk-in from the lobby to the aftercare page on the phone', () => {
  let t: TestHub;
  let browser: Browser;
  let lobby: Page;
  let staff: Page;
  let phone: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    lobby = await newPage(browser, TABLET);
    staff = await newPage(browser, TABLET);
    phone = await newPage(browser, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('serves both apps with deep links falling back to the app, and the API beside them', async () => {
    const staffDeep = await fetch(`${t.url}/staff/some/deep/link`);
    expect(staffDeep.status).toBe(200);
    expect(await staffDeep.text()).toContain('/staff/_app/');
    // The kiosk has one page: another path is a mistyped link (the styled 404), and a missing file is a 404 too.
    const kiosk = await fetch(`${t.url}/`);
    expect(kiosk.status).toBe(200);
    const html = await kiosk.text();
    expect(html).toContain('/_app/');
    expect(html).not.toContain('/staff/_app/');
    expect((await fetch(`${t.url}/anything/here`)).status).toBe(404);
    expect((await fetch(`${t.url}/staff/no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/health`)).headers.get('content-type')).toContain('application/json');
  });

  it('goes kiosk → assignment on the tablet → plan → session → rating → QR → phone', async () => {
    // The beautician pairs the tablet with a one-time code and signs in with her PIN.
    const { code } = await t.hub.createPairingCode();
    await staff.goto(`${t.url}/staff/`);
    await staff.getByTestId('pair-code').fill(code);
    await staff.getByTestId('pair-name').fill('Room 1 tablet');
    await staff.getByTestId('pair-submit').click();
    await staff.getByTestId('staff-tile-mei').click();
    for (const digit of '1111') await staff.getByTestId(`pin-key-${digit}`).click();
    await staff.getByTestId('pin-submit').click();
    await expect.poll(() => staff.getByTestId('idle').isVisible()).toBe(true);
    await shoot(staff, 'e2e-staff-idle');

    // The manager pairs the lobby kiosk once: a new browser shows "Not a kiosk yet" (and has no socket) until the
    // kiosk code is typed on its own keypad; a wrong code is refused in the screen's language.
    await lobby.goto(`${t.url}/`);
    await lobby.getByTestId('kiosk-pairing').waitFor({ state: 'visible' });
    await shootKiosk(lobby, 'pairing');
    await dial(lobby, '000000');
    await lobby.getByTestId('kiosk-pair-submit').click();
    await expect.poll(() => lobby.getByTestId('error-message').first().innerText()).toMatch(/wrong or has expired/);
    await pairOnScreen(lobby, (await t.hub.createPairingCode('kiosk')).code);
    // Paired for good: a reload goes straight to the welcome screen.
    await lobby.reload();
    await lobby.getByTestId('walk-in').waitFor({ state: 'visible' });

    // A walk-in checks in at the lobby kiosk.
    await lobby.getByTestId('walk-in').click();
    // Service terms and health answers agreed (the latter signed with a finger), marketing declined.
    await registerAtKiosk(lobby, { phone: '13800138000', first: 'Lina', last: 'Zhou' });
    await lobby.getByTestId('service-facial-classic').click();
    for (const q of ['pregnant', 'isotretinoin', 'sunburn', 'skin_allergy']) await lobby.getByTestId(`answer-${q}-no`).click();
    await lobby.getByTestId('questions-next').click();
    await lobby.getByTestId('check-in').click();
    await expect.poll(() => lobby.getByTestId('ticket-number').textContent()).toMatch(/A\d{3}/);
    await shoot(lobby, 'e2e-kiosk-ticket');

    // The hub assigns Room 1 and Mei: her tablet alerts, live.
    const alert = staff.getByTestId('assignment-alert');
    await alert.waitFor({ state: 'visible' });
    expect(await staff.getByTestId('assignment-client').textContent()).toContain('Lina');
    expect(await staff.getByTestId('assignment-room').textContent()).toContain('Room 1');
    expect(await staff.getByTestId('assignment-service').textContent()).toContain('Classic facial');
    await shoot(staff, 'e2e-staff-assignment');

    await staff.getByTestId('accept-assignment').click();
    await staff.getByTestId('confirm-plan').click();
    await staff.getByTestId('start-session').click();
    await staff.getByTestId('session-timer').waitFor({ state: 'visible' });
    await shoot(staff, 'e2e-staff-session');
    await staff.getByTestId('finish-session').click();
    await staff.getByTestId('rate-5').click();
    await shoot(staff, 'e2e-staff-rating');
    await staff.getByTestId('send-rating').click();

    // The client scans the QR with their phone: the test reads the pixels, as the camera would.
    const qr = staff.getByTestId('aftercare-qr');
    await qr.waitFor({ state: 'visible' });
    await shoot(staff, 'e2e-staff-qr');
    const url = await decodeQr(qr);
    expect(url).toMatch(new RegExp(`^${t.url}/a/[A-Za-z0-9_-]{43}$`));

    const response = await phone.goto(url);
    expect(response?.status()).toBe(200);
    const text = await phone.locator('body').innerText();
    expect(text).toContain('Lina');
    expect(text).toContain('Classic facial');
    expect(text).toContain('avoid make-up');
    expect(text).not.toContain('Zhou');
    expect(text).not.toMatch(/138\s?0013/);
    await shoot(phone, 'e2e-phone-aftercare');
  });
});
