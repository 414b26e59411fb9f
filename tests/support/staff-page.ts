import type { Page } from 'playwright-core';
import type { TestHub } from './hub-harness.ts';

/** Pairs a staff tablet page with a fresh one-time code and signs a staff member in with their PIN. */
export async function pairAndSignIn(page: Page, t: TestHub, staffId: string, pin: string, tabletName: string): Promise<void> {
  const { code } = await t.hub.createPairingCode();
  await page.goto(`${t.url}/staff/`);
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-name').fill(tabletName);
  await page.getByTestId('pair-submit').click();
  await page.getByTestId(`staff-tile-${staffId}`).click();
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('pin-submit').waitFor({ state: 'detached' });
}
