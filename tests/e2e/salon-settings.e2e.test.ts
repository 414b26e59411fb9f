import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closedFacial } from '../support/aftercare-visit.ts';
import { launchBrowser, newPage, PHONE, shoot, TABLET } from '../support/browser.ts';
import { connectKiosk, connectStaff, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

const SECTIONS = ['aftercare', 'booking', 'consents', 'contact', 'questionnaires'] as const;

/**
 * The manager's "Salon settings" on the tablet at 1280×800: every section in both languages, an aftercare text
 * edited and read at once on the client's phone page, a refused blank field, and a consent text saved as a new
 * version that the kiosk's view carries.
 */
describe('salon settings on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;
  let path: string;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    ({ path } = await closedFacial(t, desk.socket));
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('is reachable from the board’s header for the manager only, and shows every section in English and Chinese', async () => {
    const desk = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Desk tablet');
    await desk.getByTestId('board').waitFor();
    expect(await desk.getByTestId('settings-open').count()).toBe(0);
    await desk.context().close();

    await boss.getByTestId('board').waitFor();
    await shoot(boss, 'settings-board-header-en');
    await boss.getByTestId('settings-open').click();
    await boss.getByTestId('settings-screen').waitFor();
    for (const lang of ['en', 'zh-CN'] as const) {
      await boss.getByTestId(`lang-${lang}`).click();
      for (const section of SECTIONS) {
        await boss.getByTestId(`settings-nav-${section}`).click();
        await boss.getByTestId(`settings-${section}`).waitFor();
        await shoot(boss, `settings-${section}-${lang}`);
      }
    }
    expect(await boss.getByTestId('settings-nav-booking').innerText()).toBe('预约');
    await boss.getByTestId('lang-en').click();
  });

  it('edits a service’s aftercare text: a blank language is refused beside its field, then the phone page shows the new words', async () => {
    await boss.getByTestId('settings-nav-aftercare').click();
    await boss.getByTestId('settings-aftercare-service').selectOption('facial-classic');
    const before = structuredClone(t.hub.core.engine.state.services['facial-classic']);

    await boss.getByTestId('settings-aftercare-text-zh-CN').fill('   ');
    await boss.getByTestId('settings-aftercare-save').click();
    await expect.poll(() => boss.getByTestId('field-error').first().innerText()).toBe('Chinese is required.');
    expect(await boss.getByTestId('settings-aftercare-problem').innerText()).toContain('Nothing was saved');
    await shoot(boss, 'settings-aftercare-invalid-en');
    expect(t.hub.core.engine.state.services['facial-classic']).toEqual(before);

    await boss.getByTestId('settings-aftercare-text-en').fill('Tablet edit: keep your skin cool tonight and skip the gym.');
    await boss.getByTestId('settings-aftercare-text-zh-CN').fill('平板修改：今晚请保持皮肤凉爽，不要去健身。');
    await boss.getByTestId('settings-aftercare-save').click();
    await boss.getByTestId('settings-aftercare-saved').waitFor();
    expect(await boss.getByTestId('field-error').count()).toBe(0);

    const phone = await newPage(browser, PHONE);
    await phone.goto(t.url + path);
    expect(await phone.locator('body').innerText()).toContain('Tablet edit: keep your skin cool tonight and skip the gym.');
    await shoot(phone, 'settings-aftercare-phone-page-en');
    await phone.goto(`${t.url}${path}?lang=zh-CN`);
    expect(await phone.locator('body').innerText()).toContain('平板修改：今晚请保持皮肤凉爽，不要去健身。');
    await phone.context().close();
  });

  it('saves a changed consent text as a new version, says so, and the kiosk view carries it', async () => {
    const kiosk = await connectKiosk(t.url);
    expect(kiosk.snapshot.view.consents.health?.version).toBe(1);
    await boss.getByTestId('settings-nav-consents').click();
    await boss.getByTestId('settings-consent-health').click();
    expect(await boss.getByTestId('settings-consent-version').innerText()).toContain('Version 1');
    await boss.getByTestId('settings-consent-body-en').fill('We keep your health answers only to treat you safely, for two years.');
    await boss.getByTestId('settings-consent-save').click();
    await expect.poll(() => boss.getByTestId('settings-consent-saved').innerText()).toBe(
      'Saved as version 2. Consents given from now on record version 2.',
    );
    await expect.poll(() => boss.getByTestId('settings-consent-version').innerText()).toContain('Version 2');
    await shoot(boss, 'settings-consents-saved-en');

    const fresh = await connectKiosk(t.url);
    expect(fresh.snapshot.view.consents.health).toMatchObject({
      version: 2,
      body: { en: 'We keep your health answers only to treat you safely, for two years.' },
    });
  });

  it('edits a question’s words in both languages and sends the questionnaire as its next version to the kiosk', async () => {
    await boss.getByTestId('settings-nav-questionnaires').click();
    await boss.getByTestId('settings-questionnaire-nails').click();
    const label = (lang: string) => boss.getByTestId(`settings-question-nail_infection-label-${lang}`);
    await label('zh-CN').fill('');
    await boss.getByTestId('settings-questionnaire-save').click();
    await expect.poll(() => boss.getByTestId('field-error').first().innerText()).toBe('Chinese is required.');
    await shoot(boss, 'settings-questionnaires-invalid-en');
    expect(Object.keys(t.hub.core.engine.state.questionnaires)).not.toContain('q-nails-v2');

    await label('en').fill('Do you have a nail or skin infection on your hands or feet right now?');
    await label('zh-CN').fill('您目前手部或足部是否有指甲或皮肤感染？');
    await boss.getByTestId('settings-questionnaire-save').click();
    await expect.poll(() => boss.getByTestId('settings-questionnaire-saved').innerText()).toBe('Saved as version 2. The kiosk asks it from now on.');
    const kiosk = await connectKiosk(t.url);
    const nails = kiosk.snapshot.view.questionnaires.nails!;
    expect(nails.version).toBe(2);
    expect(nails.questions.find((q) => q.id === 'nail_infection')!.label).toEqual({
      en: 'Do you have a nail or skin infection on your hands or feet right now?',
      'zh-CN': '您目前手部或足部是否有指甲或皮肤感染？',
    });

    // The JSON view: a syntax error is named, and nothing is sent.
    await boss.getByTestId('settings-questionnaire-mode-json').click();
    await boss.getByTestId('settings-questionnaire-json').fill('{ "id": "q-nails", ');
    await boss.getByTestId('settings-questionnaire-save').click();
    await expect.poll(() => boss.getByTestId('settings-questionnaire-problems').innerText()).toContain('This is not valid JSON');
    await shoot(boss, 'settings-questionnaires-json-invalid-en');
    expect(Object.keys(t.hub.core.engine.state.questionnaires)).not.toContain('q-nails-v3');
  });

  it('closes a weekday and changes the hold from the booking section', async () => {
    await boss.getByTestId('settings-nav-booking').click();
    await boss.getByTestId('settings-day-1-open').click();
    await boss.getByTestId('settings-booking-holdMinutes').fill('0');
    await boss.getByTestId('settings-booking-save').click();
    await expect.poll(() => boss.getByTestId('field-error').first().innerText()).toBe('Hold time must be a whole number of minutes from 1 to 60.');
    await shoot(boss, 'settings-booking-invalid-en');
    await boss.getByTestId('settings-booking-holdMinutes').fill('8');
    await boss.getByTestId('settings-booking-save').click();
    await boss.getByTestId('settings-booking-saved').waitFor();
    expect(t.hub.core.engine.state.meta.booking).toMatchObject({ holdMinutes: 8 });
    expect(t.hub.core.engine.state.meta.booking.openingHours[1]).toBeNull();
  });
});
