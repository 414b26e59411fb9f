import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closedFacial } from '../support/aftercare-visit.ts';
import { decodeQr, launchBrowser, newPage, PHONE, shoot, TABLET } from '../support/browser.ts';
import { book, closedVisits } from '../support/booking-phone.ts';
import { connectStaff, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * Rebooking on the client's phone (390×844, plain pages), seen live on the front desk's board: the aftercare link a
 * visit's close produced → the aftercare page → book → hold → confirm → the booking page with its check-in QR → the
 * booking and its reminder call on the board.
 */
describe('a client rebooks from the aftercare page on their phone', () => {
  let t: TestHub;
  let browser: Browser;
  let phone: Page;
  let desk: Page;
  let aftercarePath: string;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    const manager = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    aftercarePath = (await closedFacial(t, manager)).path;
    browser = await launchBrowser();
    phone = await newPage(browser, PHONE);
    desk = await newPage(browser, TABLET);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('books tomorrow with Mei, shows the QR, and the board shows the booking and its reminder call', async () => {
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk');
    await desk.getByTestId('board-bookings').waitFor();
    expect(await desk.getByTestId('board-bookings').innerText()).toContain('No bookings yet.');

    // Scan: the phone opens the aftercare link, then follows its "book" link.
    expect((await phone.goto(`${t.url}${aftercarePath}`))?.status()).toBe(200);
    await phone.locator(`a[href*="/book"]`).first().click();
    await phone.waitForURL(/\/book/);
    expect(await phone.locator('#service').inputValue()).toBe('facial-classic');
    await shoot(phone, 'booking-phone-book-en');

    await phone.selectOption('#staff', 'mei');
    const tomorrow = await phone.locator('#day option').nth(1).getAttribute('value');
    await phone.selectOption('#day', tomorrow!);
    await phone.getByRole('button', { name: 'Show free times' }).click();
    await phone.waitForURL(/staff=mei/);
    const slot = phone.locator('button[data-slot]').first();
    const startsAt = Number(await slot.getAttribute('data-slot'));
    const time = (await slot.innerText()).trim();
    await slot.click();
    await phone.waitForURL(/\/book\/confirm\//);
    expect(await phone.locator('body').innerText()).toContain('We are holding this time for you until');
    await shoot(phone, 'booking-phone-hold-en');
    await phone.getByRole('button', { name: 'Confirm booking' }).click();
    await phone.waitForURL(/\/b\/[A-Za-z0-9_-]{43}/);
    const page = await phone.locator('body').innerText();
    expect(page).toContain('Your booking is confirmed.');
    expect(page).toContain('Mei Lin');
    expect(page).toContain(time);
    await shoot(phone, 'booking-phone-booking-en');

    // The kiosk reads the QR's pixels: it is the booking link itself.
    const bookingUrl = phone.url().split('?')[0]!;
    expect(await decodeQr(phone.locator('figure.qr svg'))).toBe(bookingUrl);
    const booking = Object.values(t.hub.core.engine.state.bookings)[0]!;
    expect(booking).toMatchObject({ state: 'booked', startsAt, staffId: 'mei' });

    // Live on the front desk's board: the booking, and tomorrow's reminder call with its script.
    const row = desk.getByTestId(`booking-${booking.id}`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Lina Z\.[\s\S]*Classic facial · Mei Lin/);
    const task = desk.getByTestId(`task-${booking.id}`);
    await task.waitFor();
    expect(await task.innerText()).toContain(`Call or message Lina Z. about tomorrow ${time}`);
    await shoot(desk, 'booking-board-panel-en');
    await task.locator('summary').click();
    expect(await task.innerText()).toContain(`A reminder of your Classic facial with Mei Lin tomorrow at ${time}`);
    await task.scrollIntoViewIfNeeded();
    await shoot(desk, 'booking-board-task-script-en');
    await desk.getByTestId(`task-done-${booking.id}`).click();
    await expect.poll(() => task.innerText()).toContain('Done by Grace Chen');
    expect(t.hub.core.engine.state.bookings[booking.id]!.reminder.doneBy).toBe('grace');

    // The other booking pages, in both languages, for people to look at.
    const base = bookingUrl.replace(t.url, '');
    for (const lang of ['en', 'zh-CN'] as const) {
      await phone.goto(`${t.url}${base}?lang=${lang}`);
      if (lang === 'zh-CN') {
        expect(await phone.locator('body').innerText()).toContain('您的预约');
        await shoot(phone, 'booking-phone-booking-zh-CN');
      }
      await phone.goto(`${t.url}${base}/move?lang=${lang}`);
      expect(await phone.locator('button[data-slot]').count()).toBeGreaterThan(0);
      await shoot(phone, `booking-phone-move-${lang}`);
      await phone.goto(`${t.url}${base}/cancel?lang=${lang}`);
      await shoot(phone, `booking-phone-cancel-${lang}`);
      await phone.goto(`${t.url}${aftercarePath}/book?lang=${lang}`);
      await shoot(phone, `booking-phone-book-full-${lang}`);
    }
    await phone.goto(`${t.url}${aftercarePath}/book?lang=zh-CN`);
    await phone.locator('button[data-slot]').first().click();
    await phone.waitForURL(/\/book\/confirm\//);
    expect(await phone.locator('body').innerText()).toContain('确认预约');
    await shoot(phone, 'booking-phone-hold-zh-CN');

    // The board in Chinese.
    await desk.getByRole('button', { name: '中文' }).first().click();
    await desk.getByText('提醒电话').waitFor();
    await shoot(desk, 'booking-board-panel-zh-CN');
  }, 60_000);

  it('tells the phone when a time was just taken, when its hold ran out, and when it is too late to change', async () => {
    let now = Date.now();
    const t2 = await startHub({ clock: () => now });
    try {
      const manager = (await connectStaff(t2, { staffId: 'olivia', pin: '9999' })).socket;
      const [a, b] = await closedVisits(t2, manager, 2, 'Phone');
      for (const lang of ['en', 'zh-CN'] as const) {
        // Phone A looks at tomorrow's times with Mei; meanwhile phone B books the first of them.
        await phone.goto(`${t2.url}${a!.path}/book?staff=mei&lang=${lang}`);
        await phone.selectOption('#day', (await phone.locator('#day option').nth(1).getAttribute('value'))!);
        await phone.locator('button[type=submit].wide').click();
        await phone.waitForURL(/day=/);
        const slot = phone.locator('button[data-slot]').first();
        const startsAt = Number(await slot.getAttribute('data-slot'));
        const link = await book(t2, b!.path, { service: 'facial-classic', staff: 'mei', startsAt });
        await slot.click();
        const taken = await phone.locator('.alert').innerText();
        expect(taken).toBe(lang === 'en' ? 'Sorry, that time has just been taken. Please pick another time.' : '抱歉，这个时间刚刚被预约了，请选择其他时间。');
        await shoot(phone, `booking-phone-taken-${lang}`);

        // Phone A holds another time and waits too long.
        await phone.locator('button[data-slot]').first().click();
        await phone.waitForURL(/\/book\/confirm\//);
        now += (t2.hub.core.engine.state.meta.booking.holdMinutes * 60 + 1) * 1000;
        await phone.reload();
        expect(await phone.locator('.alert').innerText()).toContain(lang === 'en' ? 'it has run out' : '保留时间已过');
        await shoot(phone, `booking-phone-hold-expired-${lang}`);

        // Phone B's booking, inside the cutoff: the page says to call the salon instead.
        const saved = now;
        now = startsAt - 60 * 60_000;
        await phone.goto(`${t2.url}${link}?lang=${lang}`);
        expect(await phone.getByRole('link', { name: lang === 'en' ? 'Cancel booking' : '取消预约' }).count()).toBe(0);
        await shoot(phone, `booking-phone-cutoff-${lang}`);
        now = saved;
        await phone.goto(`${t2.url}${link}/cancel?lang=${lang}`);
        await phone.locator('button.danger').click();
        await phone.waitForURL(/done=cancelled/);
        await shoot(phone, `booking-phone-cancelled-${lang}`);
      }
    } finally {
      await t2.stop();
    }
  }, 60_000);
});
