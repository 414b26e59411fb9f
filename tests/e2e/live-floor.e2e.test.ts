import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, shoot, TABLET } from '../support/browser.ts';
import { checkIn, connectKiosk, expectOk, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * The live floor across devices: two beauticians' tablets and the front desk's board react to one check-in, and a
 * tablet that loses the network closes its session while offline and delivers it once when the network is back.
 */
describe('live floor on three staff screens', () => {
  let t: TestHub;
  let browser: Browser;
  let meiContext: BrowserContext;
  let mei: Page;
  let anna: Page;
  let desk: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    meiContext = await browser.newContext({ viewport: TABLET, locale: 'en-GB' });
    mei = await meiContext.newPage();
    anna = await (await browser.newContext({ viewport: TABLET, locale: 'en-GB' })).newPage();
    desk = await (await browser.newContext({ viewport: TABLET, locale: 'en-GB' })).newPage();
    await pairAndSignIn(mei, t, 'mei', '1111', 'Room 1 tablet');
    await pairAndSignIn(anna, t, 'anna', '2222', 'Room 2 tablet');
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('one check-in: the chosen beautician is alerted, the other is not, the board shows it', async () => {
    const kiosk = await connectKiosk(t.url);
    const { visitId, ticket } = expectOk(await checkIn(kiosk.socket, { firstName: 'Nora', lastName: 'Li', phone: '5550300' }));

    await mei.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('assignment-client').textContent()).toContain('Nora');
    await expect.poll(() => desk.getByTestId('board').innerText()).toContain(ticket);
    await expect.poll(() => desk.getByTestId('board-rooms').innerText()).toContain('Nora');
    expect(await anna.getByTestId('assignment-alert').count()).toBe(0);
    expect(await anna.getByTestId('idle').isVisible()).toBe(true);
    await shoot(desk, 'e2e-board-after-checkin');
    await shoot(anna, 'e2e-other-tablet-idle');
    kiosk.socket.disconnect();

    // Mei runs the session up to the close.
    await mei.getByTestId('accept-assignment').click();
    await mei.getByTestId('confirm-plan').click();
    await mei.getByTestId('start-session').click();
    await mei.getByTestId('session-timer').waitFor({ state: 'visible' });
    await mei.getByTestId('finish-session').click();
    await mei.getByTestId('rate-4').click();

    // The Wi-Fi drops: the rating is sent while offline and waits in the outbox, said so on the banner.
    await meiContext.setOffline(true);
    await mei.getByTestId('offline-banner').waitFor({ state: 'visible', timeout: 30_000 });
    await mei.getByTestId('send-rating').click();
    await expect.poll(() => mei.getByTestId('offline-banner').innerText()).toMatch(/waiting/i);
    await shoot(mei, 'e2e-offline-close-waiting');
    expect(t.hub.core.engine.state.visits[visitId]?.state).toBe('closing');

    // Back online: delivered once, the QR appears, the board sees the room cleaning.
    await meiContext.setOffline(false);
    await mei.getByTestId('aftercare-qr').waitFor({ state: 'visible', timeout: 30_000 });
    const visit = t.hub.core.engine.state.visits[visitId]!;
    expect(visit.state).toBe('closed');
    expect(visit.rating?.csat).toBe(4);
    // The hub's record of answered commands: exactly one close of this visit (the stored answer of a close is the
    // one with an expiry: its link).
    const closes = Object.values(t.hub.core.engine.state.commands).filter((c) => {
      const data = (c.result as { data?: { visitId?: string; expiresAt?: number } }).data;
      return data?.visitId === visitId && data.expiresAt !== undefined;
    });
    expect(closes).toHaveLength(1);
    await expect.poll(() => desk.getByTestId('board-rooms').innerText()).not.toContain('Nora');
    await shoot(desk, 'e2e-board-after-close');
  });
});
