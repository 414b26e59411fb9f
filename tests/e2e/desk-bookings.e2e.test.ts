import { TZDateMini } from '@date-fns/tz';
import { salonDay } from '@glow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shoot } from '../support/browser.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { openDeskTablet, type DeskTablet } from '../support/desk-tablet.ts';
import { connectStaff, expectOk, send, type TestHub } from '../support/hub-harness.ts';

/**
 * Booking from the front desk (#16) in Chromium: the desk finds 王美丽 by "wml", books her a facial tomorrow at 10:00
 * with Anna (the time held, then confirmed), sees it on the calendar in Anna's column and in the week, moves it to
 * 14:00 and cancels it with her reason. Screens at 1280x800 in English and Chinese.
 */
describe('desk bookings on the tablet', () => {
  let tablet: DeskTablet | undefined;
  let t: TestHub;
  let desk: Page;
  let timeZone: string;
  const state = () => t.hub.core.engine.state;
  const tomorrowAt = (h: number) => {
    const now = new TZDateMini(Date.now(), timeZone);
    return new TZDateMini(now.getFullYear(), now.getMonth(), now.getDate() + 1, h, 0, 0, 0, timeZone).getTime();
  };
  const dayOf = (at: number) => salonDay(at, timeZone)!;
  const booked = () => Object.values(state().bookings).find((b) => b.clientId === 'c-wang' && b.state === 'booked');

  async function openRecord(): Promise<void> {
    await desk.getByTestId('clients-open').click();
    await desk.getByTestId('clients-search').pressSequentially('wml', { delay: 40 });
    await desk.getByTestId('client-hit-c-wang').click();
    await desk.getByTestId('client-bookings').waitFor();
  }

  beforeAll(async () => {
    tablet = await openDeskTablet(clientRecordSalon);
    ({ t, desk, timeZone } = tablet);
  }, 60_000);
  afterAll(() => tablet?.close());

  it('books 王美丽 tomorrow at 10:00 with Anna from her record', async () => {
    await openRecord();
    await desk.getByTestId('client-book').click();
    const dialog = desk.getByTestId('desk-booking-dialog');
    await dialog.waitFor();
    await desk.getByTestId('desk-service').selectOption('facial-classic');
    await desk.getByTestId('desk-staff').selectOption('anna');
    const ten = desk.locator(`[data-starts-at="${tomorrowAt(10)}"]`);
    await ten.click();
    await desk.getByTestId('desk-held').waitFor();
    await shoot(desk, 'desk-booking-held-en');
    await desk.getByTestId('desk-confirm').click();
    await desk.getByTestId('client-booking-notice').waitFor();
    expect(await desk.getByTestId('client-booking-notice').textContent()).toContain('Anna');
    const b = booked()!;
    expect(b).toMatchObject({ startsAt: tomorrowAt(10), staffId: 'anna', source: 'desk', bookedBy: 'grace' });
    await desk.getByTestId(`client-booking-${b.id}`).waitFor();
    await shoot(desk, 'desk-booking-record-en');
  });

  it('shows it on the calendar: tomorrow in Anna’s column, and in the week', async () => {
    const b = booked()!;
    await desk.getByTestId('clients-back').click();
    await desk.getByTestId('calendar-open').click();
    await desk.getByTestId('calendar-next').click();
    await desk.getByTestId('calendar-col-anna').getByTestId(`calendar-item-${b.id}`).waitFor();
    expect(await desk.getByTestId(`calendar-item-${b.id}`).textContent()).toContain('王美丽');
    await shoot(desk, 'desk-calendar-day-en');
    await desk.getByTestId('calendar-by-room').click();
    await desk.getByTestId(`calendar-col-${b.roomId}`).getByTestId(`calendar-item-${b.id}`).waitFor();
    await desk.getByTestId('calendar-by-staff').click();
    await desk.getByTestId('calendar-week').click();
    const cell = desk.getByTestId('calendar-row-anna').locator('td').first();
    expect(await cell.textContent()).toContain('1 booked');
    await shoot(desk, 'desk-calendar-week-en');
    // A tap on Anna's day in the week opens that day, her booking in her column.
    await desk.getByTestId(`calendar-open-anna-${dayOf(b.startsAt)}`).click();
    await desk.getByTestId('calendar-day-view').waitFor();
    await desk.getByTestId('calendar-col-anna').getByTestId(`calendar-item-${b.id}`).waitFor();
    expect(await desk.getByTestId('calendar-day').getAttribute('aria-pressed')).toBe('true');
    // Live: a booking made on another tablet meanwhile shows at once in Mei's column.
    const other = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const held = expectOk(await send(other, 'desk:hold', { clientId: 'c-li', serviceId: 'facial-classic', staffId: 'mei', startsAt: tomorrowAt(15) }));
    expectOk(await send(other, 'desk:book', { bookingId: held.bookingId }));
    await desk.getByTestId('calendar-col-mei').getByTestId(`calendar-item-${held.bookingId}`).waitFor();
    await desk.getByTestId('calendar-back').click();
  });

  it('moves it to 14:00 and cancels it with the client’s reason', async () => {
    const id = booked()!.id;
    await openRecord();
    await desk.getByTestId(`client-booking-move-${id}`).click();
    await desk.locator(`[data-starts-at="${tomorrowAt(14)}"]`).click();
    await desk.getByTestId('desk-confirm').click();
    await desk.getByTestId('client-booking-notice').getByText('Moved').waitFor();
    expect(state().bookings[id]).toMatchObject({ startsAt: tomorrowAt(14), state: 'booked', staffId: 'anna' });

    await desk.getByTestId(`client-booking-cancel-${id}`).click();
    // An empty reason is refused, in words, and nothing is cancelled.
    await desk.getByTestId('desk-cancel-confirm').click();
    await desk.getByTestId('desk-cancel-error').waitFor();
    expect(state().bookings[id]!.state).toBe('booked');
    await desk.getByTestId('desk-cancel-reason').fill('Travelling that week');
    await shoot(desk, 'desk-booking-cancel-en');
    await desk.getByTestId('desk-cancel-confirm').click();
    await desk.getByTestId('client-booking-notice').getByText('cancelled').waitFor();
    expect(state().bookings[id]).toMatchObject({ state: 'cancelled', cancelledBy: 'grace', cancelReason: 'Travelling that week' });
    await desk.getByTestId(`client-booking-${id}`).waitFor({ state: 'detached' });
  });

  it('lets go of a held time when other times are asked for and when the dialog closes', async () => {
    const holds = () => Object.values(state().bookings).filter((b) => b.state === 'held');
    await desk.getByTestId('client-book').click();
    await desk.getByTestId('desk-service').selectOption('facial-classic');
    await desk.getByTestId('desk-staff').selectOption('anna');
    await desk.locator(`[data-starts-at="${tomorrowAt(10)}"]`).click();
    await desk.getByTestId('desk-held').waitFor();
    expect(holds().map((b) => b.startsAt)).toEqual([tomorrowAt(10)]);
    // 10:00 was cancelled above: free again. Another beautician: the held time is let go as the new times are asked for.
    await desk.getByTestId('desk-staff').selectOption('');
    await desk.getByTestId('desk-held').waitFor({ state: 'detached' });
    await expect.poll(() => holds().length).toBe(0);
    await desk.locator(`[data-starts-at="${tomorrowAt(10)}"]`).first().click();
    await desk.getByTestId('desk-held').waitFor();
    expect(holds()).toHaveLength(1);
    await desk.getByTestId('desk-booking-dialog-close').click();
    await desk.getByTestId('desk-booking-dialog').waitFor({ state: 'detached' });
    // Free for everyone at once, not after the hold's minutes.
    await expect.poll(() => holds().length).toBe(0);
  });

  it('reads in Chinese: the booking dialog and the calendar', async () => {
    await desk.getByTestId('lang-zh-CN').click();
    await desk.getByTestId('client-book').click();
    await desk.getByTestId('desk-service').selectOption('facial-classic');
    await desk.getByTestId('desk-staff').selectOption('anna');
    await desk.locator(`[data-starts-at="${tomorrowAt(10)}"]`).click();
    await desk.getByTestId('desk-held').waitFor();
    expect(await desk.getByTestId('desk-held').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shoot(desk, 'desk-booking-held-zh-CN');
    await desk.getByTestId('desk-confirm').click();
    // The notice of the cancel before is still there: wait for the booking's own.
    await desk.getByTestId('client-booking-notice').getByText('Anna').waitFor();
    await desk.getByTestId('clients-back').click();
    await desk.getByTestId('calendar-open').click();
    await desk.getByTestId('calendar-next').click();
    await desk.getByTestId('calendar-col-anna').getByTestId(`calendar-item-${booked()!.id}`).waitFor();
    await shoot(desk, 'desk-calendar-day-zh-CN');
    await desk.getByTestId('calendar-week').click();
    await shoot(desk, 'desk-calendar-week-zh-CN');
  });
});
