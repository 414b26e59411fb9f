import type { Page } from 'playwright-core';
import { DEVICE_KEY } from '../../kiosk/src/lib/kiosk-device.ts';
import { wcagViolations } from './axe.ts';
import { shoot } from './browser.ts';

/**
 * Drives the lobby kiosk as a client does, by its test ids, and photographs its screens in both languages.
 */

export type KioskLang = 'en' | 'zh-CN';

export const screenLang = (page: Page): Promise<KioskLang> =>
  page.evaluate(() => document.documentElement.lang as 'en' | 'zh-CN');

async function switchTo(page: Page, lang: KioskLang): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Saves `tests/artifacts/screens/kiosk-<screen>-<lang>.png` for the language on screen and the other one (switched
 * with the header's language toggle, then switched back), so that every screen is seen in both languages; and
 * audits each against WCAG 2 AA (contrast, names, labels): a screen that fails stops the test, naming what failed.
 */
export async function shootKiosk(page: Page, screen: string): Promise<void> {
  const lang = await screenLang(page);
  const other: KioskLang = lang === 'en' ? 'zh-CN' : 'en';
  await page.evaluate(() => document.fonts.ready);
  await shoot(page, `kiosk-${screen}-${lang}`);
  await expectAccessible(page, `${screen}-${lang}`);
  await switchTo(page, other);
  await shoot(page, `kiosk-${screen}-${other}`);
  await expectAccessible(page, `${screen}-${other}`);
  await switchTo(page, lang);
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await wcagViolations(page);
  if (violations.length) throw new Error(`kiosk screen ${screen} fails WCAG 2 AA:\n${violations.join('\n')}`);
}

/** Types digits on the on-screen keypad. */
export async function dial(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(d === '+' ? 'keypad-plus' : `keypad-${d}`).click();
}

/** Signs in the signature box with the mouse, as a finger would: two strokes. */
export async function sign(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('no signature pad on screen');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of [
    [at(0.1, 0.6), at(0.2, 0.3), at(0.3, 0.7), at(0.4, 0.3), at(0.5, 0.6)],
    [at(0.55, 0.5), at(0.7, 0.45), at(0.85, 0.55)],
  ]) {
    await page.mouse.move(...stroke[0]!);
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...p, { steps: 5 });
    await page.mouse.up();
  }
}

/**
 * A new client registers at the kiosk, from the phone keypad to the services: their number, "new here", their name
 * (and birthday when given), then the service terms agreed, the health consent agreed and signed, and marketing
 * agreed or declined. The page is left on the service list.
 */
export async function registerAtKiosk(
  page: Page,
  client: { phone: string; first: string; last: string; birthday?: { year: string; month: string; day: string } },
  marketing: 'agree' | 'decline' = 'decline',
): Promise<void> {
  await dial(page, client.phone);
  await page.getByTestId('phone-next').click();
  await page.getByTestId('identity-new').click();
  await page.getByTestId('first-name').fill(client.first);
  await page.getByTestId('last-name').fill(client.last);
  if (client.birthday) {
    await page.getByTestId('birthday-year').selectOption(client.birthday.year);
    await page.getByTestId('birthday-month').selectOption(client.birthday.month);
    await page.getByTestId('birthday-day').selectOption(client.birthday.day);
  }
  await page.getByTestId('register-next').click();
  await page.getByTestId('consent-terms').waitFor();
  await page.getByTestId('consent-agree').click();
  await page.getByTestId('consent-health').waitFor();
  await sign(page);
  await page.getByTestId('consent-agree').click();
  await page.getByTestId('consent-marketing').waitFor();
  await page.getByTestId(`consent-${marketing}`).click();
}

/** Counts the client's taps: every tap of the flow goes through here, so a test can assert how many it took. */
export function tapCounter(page: Page) {
  let taps = 0;
  return {
    async tap(testId: string) {
      taps += 1;
      await page.getByTestId(testId).click();
    },
    get count() {
      return taps;
    },
  };
}

/**
 * Makes the page a paired kiosk before it loads: the credential of a kiosk paired over HTTP (`pairKiosk(t)`) is put
 * where the kiosk keeps its own (kiosk-device.ts), as if its "not a kiosk yet" screen had paired it. (One e2e test
 * pairs through that screen: thin-visit.)
 */
export async function asPairedKiosk(page: Page, device: { deviceId: string; deviceSecret: string }): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key!) === null) localStorage.setItem(key!, value!);
    },
    [DEVICE_KEY, JSON.stringify({ deviceId: device.deviceId, deviceSecret: device.deviceSecret })],
  );
}

/** Pairs the kiosk page through its own "not a kiosk yet" screen, with a kiosk code typed on its keypad. */
export async function pairOnScreen(page: Page, code: string): Promise<void> {
  await page.getByTestId('kiosk-pairing').waitFor({ state: 'visible' });
  await dial(page, code);
  await page.getByTestId('kiosk-pair-submit').click();
  await page.getByTestId('walk-in').waitFor({ state: 'visible' });
}
