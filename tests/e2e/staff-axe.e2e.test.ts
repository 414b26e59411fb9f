import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectKiosk, expectOk, newCommandId, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * The staff screens in the project's own WCAG 2 AA audit (#14), as the kiosk's are: the sign-in screen, the front
 * desk's and the manager's board, and a beautician's plan (its card and editor with the notes box) and session
 * screens, in both languages. Each screen is photographed and must have no axe-core violation.
 */
const FACIAL_OK = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false, concerns: ['dryness'] };
const CONSENTS = [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: true },
  { kind: 'marketing' as const, version: 1, granted: false },
];
const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]] };

async function audited(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  expect(await wcagViolations(page), name).toEqual([]);
}

async function inChinese(page: Page, name: string): Promise<void> {
  await page.getByTestId('lang-zh-CN').first().click();
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
  await audited(page, `${name}-zh`);
  await page.getByTestId('lang-en').first().click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
}

describe('staff screens pass the WCAG 2 AA audit', () => {
  let t: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('sign-in, the desk’s and the manager’s boards', async () => {
    const desk = await newPage(browser, TABLET);
    const { code } = await t.hub.createPairingCode();
    await desk.goto(`${t.url}/staff/`);
    await audited(desk, 'axe-staff-pair-en');
    await desk.getByTestId('pair-code').fill(code);
    await desk.getByTestId('pair-name').fill('Front desk tablet');
    await desk.getByTestId('pair-submit').click();
    await desk.getByTestId('staff-tile-grace').waitFor({ state: 'visible' });
    await audited(desk, 'axe-staff-sign-in-en');
    await inChinese(desk, 'axe-staff-sign-in');
    await desk.getByTestId('staff-tile-grace').click();
    for (const digit of '4444') await desk.getByTestId(`pin-key-${digit}`).click();
    await desk.getByTestId('pin-submit').click();
    await desk.getByTestId('pin-submit').waitFor({ state: 'detached' });
    await desk.getByTestId('staff-mark-present-anna').waitFor({ state: 'visible' });
    await audited(desk, 'axe-staff-desk-board-en');
    await inChinese(desk, 'axe-staff-desk-board');

    const manager = await newPage(browser, TABLET);
    await pairAndSignIn(manager, t, 'olivia', '9999', 'Manager tablet');
    await manager.getByTestId('pair-another').waitFor({ state: 'visible' });
    await audited(manager, 'axe-staff-manager-board-en');
    await inChinese(manager, 'axe-staff-manager-board');
  });

  it('a beautician’s plan (card, editor, notes) and session screens', async () => {
    const mei = await newPage(browser, TABLET);
    await pairAndSignIn(mei, t, 'mei', '1111', 'Room 1 tablet');
    const kiosk = await connectKiosk(t.url);
    expectOk(
      await send(kiosk.socket, 'visit:checkIn', {
        commandId: newCommandId(),
        client: { firstName: 'Lena', lastName: 'Zhou', phone: '13800138555' },
        serviceId: 'facial-classic',
        language: 'en',
        answers: FACIAL_OK,
        consents: CONSENTS,
        signature: [SIGNATURE],
      } as never),
    );
    await mei.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    await audited(mei, 'axe-staff-assignment-en');
    await mei.getByTestId('accept-assignment').click();
    await mei.getByTestId('plan-screen').waitFor({ state: 'visible' });
    await mei.getByTestId('plan-card').waitFor({ state: 'visible' });
    await audited(mei, 'axe-staff-plan-en');
    await inChinese(mei, 'axe-staff-plan');
    await mei.getByTestId('edit-plan').click();
    await mei.getByTestId('plan-notes').fill('Gentle around the eyes');
    await audited(mei, 'axe-staff-plan-editor-en');
    await mei.getByTestId('plan-save').click();
    await mei.getByTestId('plan-notes').waitFor({ state: 'detached' });
    await mei.getByTestId('plan-card-notes').waitFor({ state: 'visible' });
    await audited(mei, 'axe-staff-plan-with-notes-en');
    await mei.getByTestId('confirm-plan').click();
    await mei.getByTestId('start-session').click();
    await mei.getByTestId('session-screen').waitFor({ state: 'visible' });
    await audited(mei, 'axe-staff-session-en');
    await inChinese(mei, 'axe-staff-session');
  });
});
