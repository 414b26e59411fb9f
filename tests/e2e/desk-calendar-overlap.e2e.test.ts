import { TZDateMini } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { wcagViolations } from '../support/axe.ts';
import { shoot } from '../support/browser.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { openDeskTablet, type DeskTablet } from '../support/desk-tablet.ts';
import { seededBooking } from '../support/seeded-booking.ts';

/**
 * The desk calendar with bookings that overlap (#16), in Chromium: tomorrow Anna has two bookings over 10:30–11:00
 * (rooms 1 and 2) and one at 11:00 right after the first; Room 1 has Anna's and Mei's at 10:00; Mei has one from
 * 14:00 to 16:30 across three hour rows. Overlapping ones stand side by side in their column, none hides another,
 * each at its time on the grid. Screens at 1280x800 in English and Chinese.
 */
describe('the desk calendar with overlapping bookings', () => {
  let tablet: DeskTablet | undefined;
  let desk: Page;
  let timeZone: string;
  const PX_PER_MIN = 1.25;

  const tomorrowAt = (now: number, h: number, m = 0) => {
    const d = new TZDateMini(now, timeZone);
    return new TZDateMini(d.getFullYear(), d.getMonth(), d.getDate() + 1, h, m, 0, 0, timeZone).getTime();
  };
  const box = async (l: Locator) => (await l.boundingBox())!;
  const intersect = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  beforeAll(async () => {
    tablet = await openDeskTablet(async (now, zone) => {
      timeZone = zone;
      const state = await clientRecordSalon(now, zone);
      const at = (h: number, m = 0) => tomorrowAt(now, h, m);
      const made = { serviceId: 'facial-classic', madeAt: now - 86_400_000 };
      for (const b of [
        seededBooking({ ...made, id: 'b-anna-10', clientId: 'c-wang', staffId: 'anna', roomId: 'room-1', startsAt: at(10), minutes: 60 }),
        seededBooking({ ...made, id: 'b-anna-1030', clientId: 'c-li', staffId: 'anna', roomId: 'room-2', startsAt: at(10, 30), minutes: 60 }),
        seededBooking({ ...made, id: 'b-anna-11', clientId: 'c-zoe', staffId: 'anna', roomId: 'room-1', startsAt: at(11), minutes: 60 }),
        seededBooking({ ...made, id: 'b-mei-10', clientId: 'c-wang2', staffId: 'mei', roomId: 'room-1', startsAt: at(10), minutes: 60 }),
        seededBooking({ ...made, id: 'b-mei-long', clientId: 'c-zoe', staffId: 'mei', roomId: 'room-2', startsAt: at(14), minutes: 150 }),
      ])
        state.bookings[b.id] = b;
      return state;
    });
    desk = tablet.desk;
  }, 60_000);
  afterAll(() => tablet?.close());

  it('puts Anna’s overlapping bookings side by side, the one after them back in the first lane', async () => {
    await desk.getByTestId('calendar-open').click();
    await desk.getByTestId('calendar-next').click();
    const anna = desk.getByTestId('calendar-col-anna');
    const ten = await box(anna.getByTestId('calendar-item-b-anna-10'));
    const halfPast = await box(anna.getByTestId('calendar-item-b-anna-1030'));
    const eleven = await box(anna.getByTestId('calendar-item-b-anna-11'));
    const column = await box(anna);
    expect(intersect(ten, halfPast)).toBe(false);
    expect(intersect(halfPast, eleven)).toBe(false);
    // Two lanes: each under half the column, the second to the right of the first; 11:00 under 10:00, in its lane.
    expect(ten.width).toBeLessThan(column.width / 2);
    expect(halfPast.x).toBeGreaterThanOrEqual(ten.x + ten.width);
    expect(eleven.x).toBe(ten.x);
    // Each at its time: half an hour apart, an hour tall.
    expect(halfPast.y - ten.y).toBeCloseTo(30 * PX_PER_MIN, 0);
    expect(eleven.y - ten.y).toBeCloseTo(60 * PX_PER_MIN, 0);
    expect(ten.height).toBeCloseTo(60 * PX_PER_MIN, 0);
    expect(await anna.getByTestId('calendar-item-b-anna-1030').getAttribute('data-lane')).toBe('1/2');
    for (const id of ['b-anna-10', 'b-anna-1030', 'b-anna-11']) expect(await anna.getByTestId(`calendar-item-${id}`).isVisible()).toBe(true);
    expect(await wcagViolations(desk, '[data-testid="calendar-screen"]')).toEqual([]);
    await shoot(desk, 'desk-calendar-overlap-day-en');
  });

  it('draws a booking across hour rows whole and alone in Mei’s column', async () => {
    const mei = desk.getByTestId('calendar-col-mei');
    const long = await box(mei.getByTestId('calendar-item-b-mei-long'));
    expect(long.height).toBeCloseTo(150 * PX_PER_MIN, 0);
    expect(await mei.getByTestId('calendar-item-b-mei-long').getAttribute('data-lane')).toBe('0/1');
    expect(await mei.getByTestId('calendar-item-b-mei-long').textContent()).toContain('Zoë');
  });

  it('by room: Anna’s and Mei’s 10:00 in Room 1 side by side', async () => {
    await desk.getByTestId('calendar-by-room').click();
    const room = desk.getByTestId('calendar-col-room-1');
    const anna = await box(room.getByTestId('calendar-item-b-anna-10'));
    const mei = await box(room.getByTestId('calendar-item-b-mei-10'));
    expect(intersect(anna, mei)).toBe(false);
    expect(anna.y).toBe(mei.y);
    await shoot(desk, 'desk-calendar-overlap-rooms-en');
  });

  it('reads in Chinese', async () => {
    await desk.getByTestId('lang-zh-CN').click();
    await desk.getByTestId('calendar-by-staff').click();
    await desk.getByTestId('calendar-col-anna').getByTestId('calendar-item-b-anna-1030').waitFor();
    expect(await desk.locator('#calendar-title').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shoot(desk, 'desk-calendar-overlap-day-zh-CN');
    await desk.getByTestId('calendar-by-room').click();
    await desk.getByTestId('calendar-col-room-1').getByTestId('calendar-item-b-mei-10').waitFor();
    expect(await wcagViolations(desk, '[data-testid="calendar-screen"]')).toEqual([]);
    await shoot(desk, 'desk-calendar-overlap-rooms-zh-CN');
  });
});
