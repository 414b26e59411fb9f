import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, TABLET } from '../support/browser.ts';

/**
 * The kiosk's screens are audited against WCAG 2 AA as they are photographed (tests/support/kiosk-driver.ts). This
 * proves the audit itself is not vacuous: it does find low contrast and a button without a name.
 */
describe('the accessibility audit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports low contrast and an unnamed control, and passes a clean page', async () => {
    const page = await newPage(browser, TABLET);
    await page.setContent(
      '<html lang="en"><head><title>t</title></head><body><main><p style="color:#bbb;background:#fff">Faint text</p>' +
        '<button></button></main></body></html>',
    );
    const found = await wcagViolations(page);
    expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    await page.setContent(
      '<html lang="en"><head><title>t</title></head><body><main><p style="color:#222;background:#fff">Clear text</p>' +
        '<button>Check in</button></main></body></html>',
    );
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });
});
