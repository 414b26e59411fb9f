import { chromium, type Browser, type Page } from 'playwright-core';
import type { Desk } from '../lib/desk.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from '../lib/paths.ts';
import { nowMs } from '../lib/stats.ts';
import { CHROMIUM_ARGS, findChromium } from '../../support/chromium.mjs';
import { asPairedKiosk, dial, sign } from '../../support/kiosk-driver.ts';
import { pairKiosk } from '../lib/sockets.ts';

export function launch(executablePath = findChromium() ?? '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

const TABLET = { width: 1280, height: 800 };

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET, locale: 'en-GB' });
  return context.newPage();
}

/** The JavaScript files the browser fetched while loading `url` (until the network is idle), as paths. */
export async function firstLoadScripts(browser: Browser, url: string, kiosk?: { deviceId: string; deviceSecret: string }): Promise<string[]> {
  const page = await newPage(browser);
  // A paired kiosk's first load (an unpaired browser loads the pairing screen instead).
  if (kiosk) await asPairedKiosk(page, kiosk);
  const scripts = new Set<string>();
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (res.request().resourceType() === 'script' || u.pathname.endsWith('.js')) scripts.add(u.pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.context().close();
  return [...scripts];
}

/** A beautician's tablet: paired with a one-time code and signed in with the PIN pad, as a person would. */
async function signInBeautician(page: Page, url: string, code: string, staffId: string, pin: string): Promise<void> {
  await page.goto(`${url}/staff/`);
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-name').fill('Bench room tablet');
  await page.getByTestId('pair-submit').click();
  await page.getByTestId(`staff-tile-${staffId}`).click();
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('idle').waitFor({ state: 'visible', timeout: 30_000 });
}

// Page scripts are strings, not functions: tsx (esbuild, keepNames) would wrap named inner functions in a helper that
// does not exist in the page.

/** Records, in the page, when the assignment alert becomes visible and the frame that draws it. */
const ALERT_OBSERVER = `(() => {
  if (window.__alertObserver) return;
  window.__alertObserver = true;
  window.__alerts = [];
  window.__shown = false;
  const clock = () => performance.timeOrigin + performance.now();
  const check = () => {
    const el = document.querySelector('[data-testid="assignment-alert"]');
    const visible = !!el && el.getClientRects().length > 0;
    if (visible && !window.__shown) {
      window.__shown = true;
      const mutationAt = clock();
      requestAnimationFrame(() => window.__alerts.push({ mutationAt, frameAt: clock() }));
    } else if (!visible) window.__shown = false;
  };
  const start = () => new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
})()`;

/** Records, in the kiosk page, the time of each tap on the check-in button (the pointerdown event's own time). */
const TAP_RECORDER = `(() => {
  window.__taps = [];
  document.addEventListener('pointerdown', (e) => {
    if (e.target && e.target.closest && e.target.closest('[data-testid="check-in"]')) window.__taps.push(performance.timeOrigin + e.timeStamp);
  }, true);
})()`;

/**
 * A new client's walk-in on the kiosk, up to the review screen with its "Check in" button: phone on the keypad, "none
 * of these" among the three masked names, name, the consents (terms and health agreed — signed with a finger where
 * the salon asks for it — marketing declined), the service, and a "no" to each yes/no question of its questionnaire.
 * The consents and questions are read off the screen, so the salon's settings decide how many there are.
 */
async function walkIn(kiosk: Page, round: number, serviceId: string): Promise<void> {
  await kiosk.getByTestId('walk-in').click();
  await dial(kiosk, `0746${String(round).padStart(7, '0')}`);
  await kiosk.getByTestId('phone-next').click();
  await kiosk.getByTestId('identity-new').click();
  // Names take letters only: the round in letters (a, b, … z, ba, bb, …).
  await kiosk.getByTestId('first-name').fill(`Tap${[...round.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}`);
  await kiosk.getByTestId('last-name').fill('Bench');
  await kiosk.getByTestId('register-next').click();
  const consent = kiosk.locator('[data-testid="consent-terms"], [data-testid="consent-health"], [data-testid="consent-marketing"]');
  const service = kiosk.getByTestId(`service-${serviceId}`);
  for (let step = 0; step < 10; step++) {
    await consent.or(service).first().waitFor({ state: 'visible', timeout: 30_000 });
    if (await service.isVisible()) break;
    const kind = (await consent.first().getAttribute('data-testid'))!.replace('consent-', '');
    if (kind === 'marketing') {
      await kiosk.getByTestId('consent-decline').click();
    } else {
      // A consent the salon wants signed is marked `signable`; its pad is loaded lazily, so wait for it, then sign.
      if (await consent.first().evaluate((el) => el.classList.contains('signable'))) {
        await kiosk.getByTestId('signature-pad').waitFor({ state: 'visible', timeout: 30_000 });
        await sign(kiosk);
      }
      await kiosk.getByTestId('consent-agree').click();
    }
    await kiosk.getByTestId(`consent-${kind}`).waitFor({ state: 'hidden', timeout: 30_000 });
  }
  await service.click();
  const review = kiosk.getByTestId('check-in');
  const next = kiosk.getByTestId('questions-next');
  await review.or(next).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await next.isVisible()) {
    for (const no of await kiosk.locator('[data-testid^="answer-"][data-testid$="-no"]').all()) await no.click();
    await next.click();
  }
  await review.waitFor({ state: 'visible', timeout: 30_000 });
}

export type TapToAlert = { samples: number[]; domSamples: number[]; staffId: string; serviceId: string };

/**
 * Kiosk tap → alert drawn on the beautician's tablet, in two Chromium pages side by side. Each round: a new client's
 * walk-in on the kiosk (see walkIn), the hub assigns the beautician whose tablet is open, the
 * alert is drawn; then the front desk cancels that visit so the next round finds her free again. Times are taken in
 * the pages, on the wall clock both share (performance.timeOrigin + performance.now()).
 */
export async function tapToAlert(options: {
  browser: Browser;
  url: string;
  desk: Desk;
  pairingCode: string;
  serviceId: string;
  staffId: string;
  pin: string;
  rounds: number;
  log: (line: string) => void;
}): Promise<TapToAlert> {
  const { browser, url, desk } = options;
  const staff = await newPage(browser);
  // Installed on every document the tablet loads (it may reload itself), and in the one it has now.
  await staff.addInitScript({ content: ALERT_OBSERVER });
  let reloads = 0;
  staff.on('framenavigated', (frame) => {
    if (frame === staff.mainFrame()) reloads += 1;
  });
  await signInBeautician(staff, url, options.pairingCode, options.staffId, options.pin);
  await staff.evaluate(ALERT_OBSERVER);
  reloads = 0;
  const kiosk = await newPage(browser);
  await asPairedKiosk(kiosk, await pairKiosk(url, 'Bench kiosk page'));
  await kiosk.addInitScript({ content: TAP_RECORDER });
  await kiosk.goto(`${url}/`);
  await kiosk.getByTestId('walk-in').waitFor({ state: 'visible', timeout: 30_000 });

  const samples: number[] = [];
  const domSamples: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const roundStart = nowMs();
    await staff.evaluate(() => {
      (window as unknown as { __alerts: unknown[] }).__alerts = [];
    });
    await walkIn(kiosk, round, options.serviceId).catch(async (err: unknown) => {
      const dir = join(REPO, 'tests/artifacts/bench');
      await mkdir(dir, { recursive: true });
      await kiosk.screenshot({ path: join(dir, 'tap-kiosk.png') });
      throw new Error(`the kiosk's walk-in stopped in round ${round + 1} (screenshot: ${join(dir, 'tap-kiosk.png')}): ${String(err).slice(0, 300)}`);
    });
    await kiosk.getByTestId('check-in').click();
    await staff
      .waitForFunction(() => ((window as unknown as { __alerts?: unknown[] }).__alerts?.length ?? 0) > 0, undefined, { timeout: 30_000, polling: 50 })
      .catch(async (err: unknown) => {
        const dir = join(REPO, 'tests/artifacts/bench');
        await mkdir(dir, { recursive: true });
        await kiosk.screenshot({ path: join(dir, 'tap-kiosk.png') });
        await staff.screenshot({ path: join(dir, 'tap-staff.png') });
        const page = await staff.evaluate(
          `JSON.stringify({ shown: window.__shown, alerts: window.__alerts, observer: window.__alertObserver, alert: !!document.querySelector('[data-testid="assignment-alert"]') })`,
        );
        const floor = [...desk.visits.values()].map((v) => `${v.ticket} ${v.state} ${v.staffId ?? '-'} ${v.roomId ?? '-'}`).join('; ');
        throw new Error(`no assignment alert on ${options.staffId}'s tablet in round ${round + 1} (page: ${String(page)}; floor: ${floor}; the tablet page loaded ${reloads} times since sign-in; screenshots in ${dir}): ${String(err).slice(0, 300)}`);
      });
    const tap = await kiosk.evaluate(() => (window as unknown as { __taps: number[] }).__taps.at(-1) ?? Number.NaN);
    const alert = await staff.evaluate(() => (window as unknown as { __alerts: { mutationAt: number; frameAt: number }[] }).__alerts.at(-1)!);
    samples.push(alert.frameAt - tap);
    domSamples.push(alert.mutationAt - tap);
    // Make the beautician free again for the next round, and keep her tablet from locking itself.
    const visit = [...desk.visits.values()].find((v) => v.staffId === options.staffId && v.state === 'assigned');
    if (visit) await desk.run('visit:cancel', { visitId: visit.id });
    await staff.evaluate(() => window.dispatchEvent(new PointerEvent('pointerdown')));
    await staff.getByTestId('assignment-alert').waitFor({ state: 'hidden', timeout: 30_000 });
    await kiosk.getByTestId('ticket-number').waitFor({ state: 'visible', timeout: 30_000 });
    await kiosk.getByTestId('done').click();
    if (round === 0 || (round + 1) % 5 === 0) options.log(`    round ${round + 1}: ${samples.at(-1)!.toFixed(1)} ms (round took ${Math.round(nowMs() - roundStart)} ms)`);
  }
  await staff.context().close();
  await kiosk.context().close();
  return { samples, domSamples, staffId: options.staffId, serviceId: options.serviceId };
}
