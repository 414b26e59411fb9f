import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTranslator, salonDay } from '@glow/shared';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

const en = createTranslator('en');

/**
 * #13: the manager's date and time boxes show and take the salon's format, not the browser's (this browser is en-US:
 * its own boxes would write 12/04/2026 and 9:00 AM in an en-GB salon), and the service form's two "weeks" fields are
 * told apart. What a user sees: the values in the boxes, the day in words, the marks on a wrong date.
 */
describe('dates and times in the salon’s format on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;
  const DAY = 24 * 60 * 60 * 1000;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET, 'en-US');
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Desk tablet');
    await boss.getByTestId('catalogue-open').click();
    await boss.getByTestId('catalogue-screen').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function openMei(): Promise<void> {
    await boss.getByTestId('catalogue-nav-staff').click();
    await boss.getByTestId('catalogue-staff-item').filter({ hasText: 'Mei Lin' }).click();
  }

  it('shows shifts in 24-hour time and takes a day off typed day first (en-GB), the day in words beside it', async () => {
    await openMei();
    expect(await boss.getByTestId('catalogue-staff-week-start-1').inputValue()).toMatch(/^\d{2}:\d{2}$/);
    const tz = t.hub.core.engine.state.meta.floor.timeZone;
    const ymd = salonDay(Date.now() + 2 * DAY, tz)!;
    const [y, m, d] = ymd.split('-');
    const date = boss.getByTestId('catalogue-days-date');
    await date.fill('31/02/2027');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await boss.getByTestId('catalogue-days-date-said').innerText()).toBe(en('staff.dates.notADate', { pattern: 'DD/MM/YYYY' }));
    await shoot(boss, 'salon-format-day-wrong-en');
    await date.fill(`${Number(d)}/${Number(m)}/${y}`);
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(+y!, +m! - 1, +d!, 12));
    expect(await boss.getByTestId('catalogue-days-date-said').innerText()).toBe(weekday);
    await boss.getByTestId('catalogue-days-kind').selectOption('hours');
    await boss.getByTestId('catalogue-days-start').fill('1pm');
    await boss.getByTestId('catalogue-days-end').fill('1900');
    await boss.getByTestId('catalogue-days-apply').click();
    await expect.poll(() => t.hub.core.engine.state.staff.mei!.dayChanges?.[ymd]?.shift).toEqual({ start: '13:00', end: '19:00', breaks: [] });
    expect(await date.inputValue()).toBe(`${d}/${m}/${y}`);
    expect(await boss.getByTestId('catalogue-days-list').innerText()).toContain(`${weekday} · 13:00–19:00`);
    await boss.getByTestId('catalogue-days-list').scrollIntoViewIfNeeded();
    await shoot(boss, 'salon-format-day-changes-en');
  });

  it('follows the salon’s en-US choice: month first and 12-hour times', async () => {
    await boss.getByTestId('catalogue-back').click();
    await boss.getByTestId('settings-open').click();
    await boss.getByTestId('settings-screen').waitFor();
    await shoot(boss, 'salon-format-settings-panel-en');
    await boss.getByTestId('setup-locale-en-US').check();
    await boss.getByTestId('settings-salon-save').click();
    await expect.poll(() => t.hub.core.engine.state.meta.salon.locale).toBe('en-US');
    await boss.getByTestId('settings-back').click();
    await boss.getByTestId('catalogue-open').click();
    await openMei();
    await expect.poll(() => boss.getByTestId('catalogue-staff-week-start-1').inputValue()).toMatch(/^\d{1,2}:\d{2} (AM|PM)$/);
    await boss.getByTestId('catalogue-days-date').fill('12/31/2027');
    expect(await boss.getByTestId('catalogue-days-date-said').innerText()).toBe('Fri, Dec 31');
    await shoot(boss, 'salon-format-en-US');
  });

  it('tells the usual interval (reminders) from the aftercare’s next treatment, each checked in whole weeks', async () => {
    await boss.getByTestId('catalogue-nav-services').click();
    await boss.getByTestId('catalogue-services-item').first().click();
    await boss.getByTestId('catalogue-services-interval').fill('2.5');
    await boss.getByTestId('catalogue-services-next-treatment').fill('60');
    await boss.getByTestId('catalogue-services-save').click();
    await boss.getByTestId('catalogue-services-interval-field').getByTestId('field-error').waitFor();
    expect(await boss.getByTestId('catalogue-services-next-treatment-field').innerText()).toContain(en('rule.next_treatment_range'));
    await boss.getByTestId('catalogue-services-interval-field').scrollIntoViewIfNeeded();
    await shoot(boss, 'salon-format-service-intervals-en');
    await boss.getByTestId('lang-zh-CN').click();
    await boss.getByTestId('catalogue-services-save').click();
    const zh = createTranslator('zh-CN');
    await expect.poll(() => boss.getByTestId('catalogue-services-next-treatment-field').innerText()).toContain(zh('rule.next_treatment_range'));
    expect(await boss.getByTestId('catalogue-services-interval-field').innerText()).toContain(zh('staff.catalogue.service.intervalHint'));
    await boss.getByTestId('catalogue-services-interval-field').scrollIntoViewIfNeeded();
    await shoot(boss, 'salon-format-service-intervals-zh-CN');
  });
});
