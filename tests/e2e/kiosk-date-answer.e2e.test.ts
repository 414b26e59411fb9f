import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import { launchBrowser, newPage, TABLET } from '../support/browser.ts';
import { pairKiosk, startHub, workingHoursZone, type TestHub } from '../support/hub-harness.ts';
import { asPairedKiosk, registerAtKiosk, shootKiosk } from '../support/kiosk-driver.ts';

/**
 * A consultation date on the lobby kiosk in the salon's format (#13), not the browser's: a first-time client at an
 * en-US salon types 12/04/1990 for 4 December, at an en-GB salon 04/12/1990; in Chinese both read 1990/12/04. An
 * impossible date and a future one are refused with their messages. The facial's "When did you take the last dose?"
 * (shown after a yes to isotretinoin) is the date question.
 */
describe.each(['en-US', 'en-GB'] as const)('a date answer on the kiosk of an %s salon', (salonLocale) => {
  let t: TestHub;
  let browser: Browser;
  let page: Page;
  const US = salonLocale === 'en-US';
  const box = () => page.getByTestId('answer-isotretinoin_last');
  const said = () => page.getByTestId('answer-isotretinoin_last-said');
  const error = () => page.getByTestId('field-error-isotretinoin_last');
  /** The question whole on screen (it sits under the fold of a 1280x800 kiosk), then both languages shot. */
  const shootQuestion = async (name: string) => {
    await page.getByTestId('question-isotretinoin_last').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shootKiosk(page, name);
  };

  beforeAll(async () => {
    const timeZone = workingHoursZone();
    t = await startHub({
      staticDirs: true,
      timeZone,
      seed: async () => {
        const salon = await demoSalon('en', timeZone);
        return { ...salon, meta: { ...salon.meta, salon: { ...salon.meta.salon, locale: salonLocale } } };
      },
    });
    browser = await launchBrowser();
    page = await newPage(browser, TABLET);
    await asPairedKiosk(page, await pairKiosk(t));
    await page.goto(`${t.url}/`);
    await page.getByTestId('walk-in').click();
    const dora = { first: 'Dora', last: 'Datewell', birthday: { year: '1980', month: '3', day: '9' } };
    await registerAtKiosk(page, { ...dora, phone: US ? '13800990051' : '13800990052' }, 'agree');
    await page.getByTestId('service-facial-classic').click();
    await page.getByTestId('answer-isotretinoin-yes').click();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('asks in the salon format and reads it back in words', async () => {
    expect(await box().getAttribute('placeholder')).toBe(US ? 'MM/DD/YYYY' : 'DD/MM/YYYY');
    await box().fill(US ? '12/04/1990' : '04/12/1990');
    expect(await said().textContent()).toContain(US ? 'December 4, 1990' : '4 December 1990');
    await box().blur();
    expect(await box().inputValue()).toBe(US ? '12/04/1990' : '04/12/1990');
    await shootQuestion(`date-answer-${salonLocale}`);
    // In Chinese the same day is written year first, whatever the salon's English.
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => box().inputValue()).toBe('1990/12/04');
    expect(await said().textContent()).toContain('1990年12月4日');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => box().inputValue()).toBe(US ? '12/04/1990' : '04/12/1990');
  });

  it('refuses an impossible date and a future one, in words, and keeps what was typed', async () => {
    await box().fill(US ? '02/30/1990' : '30/02/1990');
    await page.getByTestId('questions-next').click();
    expect(await error().textContent()).toBe('Please enter a real date.');
    expect(await box().inputValue()).toBe(US ? '02/30/1990' : '30/02/1990');
    await shootQuestion(`date-answer-invalid-${salonLocale}`);
    const future = String(new Date().getFullYear() + 1);
    await box().fill(US ? `01/15/${future}` : `15/01/${future}`);
    await expect.poll(() => error().textContent()).toBe('That date is in the future. Please check it.');
    await box().fill(US ? '1/5/2020' : '5/1/2020');
    await error().waitFor({ state: 'detached' });
    expect(await said().textContent()).toContain(US ? 'January 5, 2020' : '5 January 2020');
  });
});
