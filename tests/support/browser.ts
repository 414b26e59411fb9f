import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './chromium.mjs';
import { REPO } from './hub-harness.ts';

export const ARTIFACTS = join(REPO, 'tests/artifacts');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export const TABLET = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(browser: Browser, viewport: { width: number; height: number }, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  return context.newPage();
}

/** Saves a screenshot under tests/artifacts/screens for people to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = join(ARTIFACTS, 'screens');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Reads a QR code the way a phone would: from the pixels on screen. */
export async function decodeQr(element: Locator): Promise<string> {
  const png = PNG.sync.read(await element.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code could be read from the element');
  return code.data;
}
