import { canonicalPhone, phoneCountryOf } from '@glow/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { pairKiosk, startHub, type TestHub } from '../support/hub-harness.ts';
import { asPairedKiosk, dial, registerAtKiosk, screenLang, sign } from '../support/kiosk-driver.ts';

/**
 * The lobby kiosk forgets a client before the next one (#12): client A goes halfway (a language of their own, number,
 * name, birthday, consents with a signature, answers with a free-text allergy), then "Start again" or the idle timeout
 * resets the kiosk, and client B, from the welcome screen to the ticket, meets none of it: not on any screen, not in
 * any field, not in the language, not in the consents or answers the hub receives.
 */
describe('the lobby kiosk forgets a client before the next one', () => {
  let t: TestHub;
  let browser: Browser;
  /** One paired kiosk, whose credential each test's page holds (pairing is limited per address). */
  let device: Awaited<ReturnType<typeof pairKiosk>>;
  const state = () => t.hub.core.engine.state;
  /** The client the hub stores under a number as typed (it keeps every number in one canonical form, #14). */
  const clientByPhone = (phone: string) => {
    const stored = canonicalPhone(phone, phoneCountryOf(state().meta.salon));
    return stored.ok ? Object.values(state().clients).find((c) => c.phone === stored.phone) : undefined;
  };

  const A = { first: 'Zebedee', last: 'Quixley', phone: '13800990044', allergy: 'mangosteen' };
  const TRACES_OF_A = new RegExp(`${A.first}|${A.last}|${A.phone}|${A.allergy}`);

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    device = await pairKiosk(t);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const open = async (query = ''): Promise<Page> => {
    const page = await newPage(browser, TABLET);
    await asPairedKiosk(page, device);
    await page.goto(`${t.url}/${query}`);
    await page.getByTestId('walk-in').waitFor({ state: 'visible' });
    return page;
  };

  /** Nothing of client A in the page: its text, the values of its fields, its markup. */
  const expectNoTraceOfA = async (page: Page, where: string) => {
    const seen = await page.evaluate(() => ({
      text: document.body.innerText,
      fields: [...document.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value).join(' '),
      html: document.documentElement.outerHTML,
    }));
    expect(seen.text, where).not.toMatch(TRACES_OF_A);
    expect(seen.fields, where).not.toMatch(TRACES_OF_A);
    expect(seen.html, where).not.toMatch(TRACES_OF_A);
  };

  /** Client A, in Chinese, as far as the questionnaire of a facial, with a free-text allergy typed. */
  const halfway = async (page: Page) => {
    await page.getByTestId('welcome-lang-zh-CN').click();
    await page.getByTestId('walk-in').click();
    await registerAtKiosk(page, { phone: A.phone, first: A.first, last: A.last, birthday: { year: '1977', month: '7', day: '19' } }, 'agree');
    await page.getByTestId('service-facial-classic').click();
    await page.getByTestId('answer-pregnant-no').click();
    await page.getByTestId('answer-skin_allergy-yes').click();
    await page.getByTestId('answer-allergens-other').click();
    await page.getByTestId('answer-allergy_other').fill(A.allergy);
    expect(await screenLang(page)).toBe('zh-CN');
  };

  /** Client B, right after the reset: every screen starts blank, in the salon's language; B checks in. */
  const clientB = async (page: Page, phone: string) => {
    expect(await screenLang(page)).toBe(state().meta.salon.defaultLanguage);
    await expectNoTraceOfA(page, 'welcome');
    await page.getByTestId('walk-in').click();
    expect(await page.getByTestId('phone').inputValue()).toBe('');
    await dial(page, phone);
    await page.getByTestId('phone-next').click();
    await page.getByTestId('identity-new').click();
    await page.getByTestId('first-name').waitFor();
    expect(await page.getByTestId('first-name').inputValue()).toBe('');
    expect(await page.getByTestId('last-name').inputValue()).toBe('');
    for (const part of ['year', 'month', 'day']) expect(await page.getByTestId(`birthday-${part}`).inputValue(), part).toBe('');
    // The language buttons show the salon's language, not A's choice.
    expect(await page.getByTestId('pref-lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('pref-lang-zh-CN').getAttribute('aria-pressed')).toBe('false');
    await expectNoTraceOfA(page, 'register');
    await shoot(page, 'kiosk-after-reset-register-en');
    await page.getByTestId('first-name').fill('Bo');
    await page.getByTestId('register-next').click();
    // Every consent is asked again, and A's signature does not stand for B's.
    await page.getByTestId('consent-terms').waitFor();
    await page.getByTestId('consent-agree').click();
    await page.getByTestId('consent-health').waitFor();
    await page.getByTestId('consent-agree').click();
    expect(await page.getByTestId('error-message').first().innerText()).toBe('Please sign in the box before you agree.');
    await sign(page);
    await page.getByTestId('consent-agree').click();
    await page.getByTestId('consent-marketing').waitFor();
    await page.getByTestId('consent-decline').click();
    await page.getByTestId('service-facial-classic').click();
    // The questionnaire is blank: no answer pressed, no follow-up of A's allergy.
    await page.getByTestId('questions-next').waitFor();
    expect(await page.locator('[aria-checked="true"]').count()).toBe(0);
    expect(await page.getByTestId('question-allergens').count()).toBe(0);
    await expectNoTraceOfA(page, 'questionnaire');
    await shoot(page, 'kiosk-after-reset-questionnaire-en');
    for (const id of ['answer-pregnant-no', 'answer-isotretinoin-no', 'answer-sunburn-no', 'answer-skin_allergy-no', 'answer-concerns-dryness', 'answer-skin_feel-3'])
      await page.getByTestId(id).click();
    await page.getByTestId('questions-next').click();
    await page.getByTestId('check-in').click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toMatch(/[A-Z]\d{3}/);
    await expectNoTraceOfA(page, 'ticket');

    // What the hub received is B's alone: B's details and choices, nothing A typed or chose.
    const b = clientByPhone(phone)!;
    expect(b).toMatchObject({ firstName: 'Bo', lastName: '', language: 'en' });
    expect(b.birthday ?? null).toBeNull();
    expect(b.consents?.find((c) => c.kind === 'marketing')?.granted).toBe(false);
    const visit = Object.values(state().visits).find((v) => v.clientId === b.id)!;
    expect(JSON.stringify(visit)).not.toMatch(TRACES_OF_A);
    expect(visit.answers).toEqual({ pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false, concerns: ['dryness'], skin_feel: 3 });
    expect(clientByPhone(A.phone)).toBeUndefined(); // A never checked in
  };

  it('"Start again" in the middle of a visit: the next client meets nothing of the one before', async () => {
    const page = await open();
    await halfway(page);
    await page.getByTestId('start-over').click();
    await page.getByTestId('walk-in').waitFor();
    await clientB(page, '13911110001');
    await page.context().close();
  });

  it('the idle timeout in the middle of a visit: the next client meets nothing of the one before', async () => {
    const page = await open('?idle=8');
    await halfway(page);
    // Nobody touches the kiosk: the countdown, then the welcome screen in the salon's language.
    await page.getByTestId('idle-countdown').waitFor({ timeout: 15_000 });
    await page.getByTestId('walk-in').waitFor({ timeout: 15_000 });
    await page.waitForFunction((lang) => document.documentElement.lang === lang, state().meta.salon.defaultLanguage);
    await clientB(page, '13911110002');
    await page.context().close();
  });
});
