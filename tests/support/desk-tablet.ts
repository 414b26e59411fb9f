import type { HubState } from '../../hub/src/store/hub-state.ts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, TABLET } from './browser.ts';
import { startHub, workingHoursZone, type TestHub } from './hub-harness.ts';
import { pairAndSignIn } from './staff-page.ts';

/** A hub serving the screens and the front desk's tablet signed in on it (Grace), for the desk's e2e tests (#16). */
export type DeskTablet = {
  t: TestHub;
  browser: Browser;
  /** Grace's page, 1280x800, paired and signed in. */
  desk: Page;
  /** When the salon was seeded, and its zone: one where it is mid-morning now (see workingHoursZone). */
  now: number;
  timeZone: string;
  close: () => Promise<void>;
};

/** Starts the hub on a salon seeded for now and its zone, and signs the front desk in on a tablet in Chromium. */
export async function openDeskTablet(seed: (now: number, timeZone: string) => Promise<HubState>): Promise<DeskTablet> {
  const now = Date.now();
  const timeZone = workingHoursZone(now);
  const t = await startHub({ staticDirs: true, timeZone, seed: () => seed(now, timeZone) });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const desk = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk tablet');
    return tablet(t, browser, desk, now, timeZone);
  } catch (e) {
    // Nothing left running when the sign-in fails: the suite's afterAll has no tablet to close.
    await browser?.close();
    await t.stop();
    throw e;
  }
}

function tablet(t: TestHub, browser: Browser, desk: Page, now: number, timeZone: string): DeskTablet {
  return {
    t,
    browser,
    desk,
    now,
    timeZone,
    close: async () => {
      await browser.close();
      await t.stop();
    },
  };
}
