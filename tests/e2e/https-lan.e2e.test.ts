import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { silentLogger } from '../../hub/src/logger.ts';
import { spkiHash } from '../../hub/src/security/certificates.ts';
import { certificateFiles } from '../../hub/src/store/certificate-files.ts';
import { ownCertificates } from '../../hub/src/transport/https/tls-source.ts';
import { decodeQr, PHONE, shoot, TABLET } from '../support/browser.ts';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../support/chromium.mjs';
import { qrVideoPath, writeQrVideo } from '../support/fake-camera.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { pairOnScreen } from '../support/kiosk-driver.ts';

/**
 * The kiosk on a salon network (#14): a tablet opens the hub by a LAN name over HTTPS with the hub's own certificate
 * and gets a secure context (camera, wake lock, service worker and crypto.randomUUID need one). Chromium maps the
 * test name to 127.0.0.1 and trusts the hub's certificate by its public key, as a tablet that installed the CA would.
 */
const NAME = 'glow-test.lan';

describe('the kiosk over HTTPS under a LAN name', () => {
  let t: TestHub;
  let dir: string;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glow-e2e-tls-'));
    const tls = ownCertificates({ files: certificateFiles(dir), hubName: 'glow-test', subjects: () => [NAME, 'localhost', '127.0.0.1'], logger: silentLogger });
    t = await startHub({ staticDirs: true, tls, hostNames: [NAME] });
    origin = `https://${NAME}:${new URL(t.url).port}`;
    const material = t.hub.tls;
    if (!material?.caCertPem) throw new Error('the hub started without its own certificate');
    const executablePath = findChromium();
    if (!executablePath) throw new Error(INSTALL_HINT);
    browser = await chromium.launch({
      executablePath,
      args: [
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
        `--ignore-certificate-errors-spki-list=${spkiHash(material.certPem)},${spkiHash(material.caCertPem)}`,
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the kiosk in a secure context', async () => {
    const page = await (await browser.newContext({ viewport: TABLET, locale: 'en-GB' })).newPage();
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.url()).toBe(`${origin}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.evaluate(() => typeof crypto.randomUUID)).toBe('function');
    // The app itself started (its script ran under the CSP and drew its first screen), not just the HTML.
    await page.locator('[data-testid]').first().waitFor({ state: 'visible' });
    await shoot(page, 'https-kiosk-lan');
  });

  it('the kiosk\'s camera works over HTTPS under the LAN name: it reads a QR code held up to it', async () => {
    // A Chromium whose camera shows a QR code that is not a booking: reading it proves the camera ran and was read.
    const video = await writeQrVideo('https://example.invalid/not-a-booking', qrVideoPath(dir, 'not-a-booking'));
    const material = t.hub.tls!;
    const camBrowser = await chromium.launch({
      executablePath: findChromium()!,
      args: [
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
        `--ignore-certificate-errors-spki-list=${spkiHash(material.certPem)},${spkiHash(material.caCertPem!)}`,
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const page = await (await camBrowser.newContext({ viewport: TABLET, locale: 'en-GB' })).newPage();
      await page.goto(`${origin}/`);
      await pairOnScreen(page, (await t.hub.createPairingCode('kiosk')).code);
      await page.getByTestId('booking').click();
      await page.getByTestId('scan-qr').click();
      await expect.poll(() => page.getByTestId('scan-camera').getAttribute('data-state')).toBe('scanning');
      await expect.poll(() => page.getByTestId('error-notice').innerText()).toContain('not a booking from this salon');
      await shoot(page, 'https-kiosk-camera-lan');
    } finally {
      await camBrowser.close();
    }
  });

  it('plain HTTP opens the trust page (both languages, tablet and phone sizes) and redirects the apps to HTTPS', async () => {
    const plain = (await t.hub.listenRedirect(0, '127.0.0.1', '192.168.1.20')).port;
    for (const [locale, lang] of [['en-GB', 'en'], ['zh-CN', 'zh-CN']] as const) {
      for (const [size, viewport] of [['tablet', TABLET], ['phone', PHONE]] as const) {
        const page = await (await browser.newContext({ viewport, locale })).newPage();
        await page.goto(`http://${NAME}:${plain}/trust`);
        await expect.poll(() => page.locator('.fp').innerText()).toBe(t.hub.tls?.fingerprint);
        expect(await decodeQr(page.locator('figure.qr svg'))).toBe(`http://${NAME}:${plain}/trust`);
        await shoot(page, `trust-page-${size}-${lang}`);
      }
    }
    const page = await (await browser.newContext({ viewport: TABLET })).newPage();
    await page.goto(`http://${NAME}:${plain}/staff/`);
    expect(page.url()).toBe(`${origin}/staff/`);
  });

  it('is installable: a manifest for a full-screen app with real icons, for the kiosk and the staff tablet', async () => {
    const page = await (await browser.newContext({ viewport: TABLET })).newPage();
    await page.goto(`${origin}/`);
    // Fetched by the page itself: the test name resolves only inside the browser.
    const get = (path: string) =>
      page.evaluate(async (p) => {
        const res = await fetch(p);
        return { status: res.status, type: res.headers.get('content-type') ?? '', text: res.headers.get('content-type')?.startsWith('image/') ? '' : await res.text() };
      }, path);
    for (const [manifestPath, scope] of [['/manifest.webmanifest', '/'], ['/staff/manifest.webmanifest', '/staff/']] as const) {
      const res = await get(manifestPath);
      expect(res.type).toBe('application/manifest+json');
      const manifest = JSON.parse(res.text) as { display: string; scope: string; start_url: string; icons: { src: string; sizes: string; purpose: string }[] };
      expect(manifest).toMatchObject({ display: 'fullscreen', scope, start_url: scope });
      expect(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable')).toBe(true);
      for (const icon of manifest.icons) {
        const file = await get(icon.src);
        expect(file.status, icon.src).toBe(200);
        expect(file.type, icon.src).toMatch(/^image\//);
      }
    }
    expect((await get('/staff/robots.txt')).status).toBe(404);
    expect((await get('/robots.txt')).text).toContain('Disallow: /');
  });

  it('keeps the kiosk awake, and a reload with the hub out of reach still opens the app from its service worker', async () => {
    const context = await browser.newContext({ viewport: TABLET, locale: 'en-GB' });
    await context.grantPermissions(['screen-wake-lock'], { origin }).catch(() => {});
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.wakeLock === 'held');
    // The worker has kept the shell and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('glow-kiosk-')).length);
    expect(cached).toBe(1);
    // The staff tablet's worker (scope /staff/) keeps its own shell.
    const staff = await context.newPage();
    await staff.goto(`${origin}/staff/`);
    await staff.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await staff.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The Wi-Fi drops (the hub is gone): a reload still opens the app, which says it cannot reach the hub.
    await t.stop();
    const staffReload = await staff.reload();
    expect(staffReload?.fromServiceWorker()).toBe(true);
    await staff.locator('[data-testid]').first().waitFor({ state: 'visible' });
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.locator('[data-testid]').first().waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.querySelectorAll('script[src], link[rel=modulepreload]').length)).toBeGreaterThan(0);
    await shoot(page, 'https-kiosk-offline-reload');
  });
});
