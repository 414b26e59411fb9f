import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { salonDay } from '@glow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookPath, book, closedVisits, getPage, slotsIn } from '../support/booking-phone.ts';
import { ARTIFACTS, newPage, TABLET } from '../support/browser.ts';
import { launchWithCamera, qrVideoPath, writeQrVideo } from '../support/fake-camera.ts';
import { connectStaff, expectOk, pairKiosk, startHub, workingHoursZone, type TestHub } from '../support/hub-harness.ts';
import { asPairedKiosk, shootKiosk, sign } from '../support/kiosk-driver.ts';

/**
 * Issue #11: a returning client with many previous answers (shown to them only after their booking's QR proved who
 * they are) — the "Back / Something has changed / Nothing has changed" buttons stay on the 1280×800 screen, and the
 * answers scroll inside their list.
 */
describe('the kiosk’s “anything changed?” screen with many previous answers', () => {
  let t: TestHub;
  let link = '';
  let clientId = '';

  beforeAll(async () => {
    const timeZone = workingHoursZone();
    t = await startHub({ staticDirs: true, timeZone });
    const desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const [closed] = await closedVisits(t, desk, 1, 'Many');
    clientId = closed!.clientId;
    // Every question of the facial consultation answered last time (the longest list the kiosk can show).
    const q = Object.values(t.hub.core.engine.state.questionnaires).find((x) => x.category === 'facial' && x.id === 'q-facial')!;
    const answers = {
      pregnant: false,
      isotretinoin: true,
      isotretinoin_last: '2025-01-10',
      sunburn: false,
      skin_allergy: true,
      allergens: ['fragrance', 'lanolin', 'other'],
      allergy_other: 'Beeswax and some essential oils',
      concerns: ['dryness', 'acne'],
      skin_feel: 3,
      notes: 'Prefers a light touch around the eyes; sensitive after travel',
    };
    const client = t.hub.core.engine.state.clients[clientId]!;
    expectOk(
      await t.hub.core.engine.execute({ command: 'test:answers', commandId: null, language: 'en' }, (_s, now) => ({
        changes: {
          clients: {
            [clientId]: {
              ...client,
              consents: [
                { kind: 'terms', version: 1, granted: true, at: now },
                { kind: 'health', version: 1, granted: true, at: now },
              ],
              lastAnswers: { facial: { questionnaireId: q.id, version: q.version, answers, at: now } },
            },
          },
        },
        result: {},
      })),
    );
    const today = salonDay(Date.now(), t.hub.core.engine.state.meta.floor.timeZone)!;
    const free = slotsIn((await getPage(t, bookPath(closed!.path, { service: 'facial-classic', staff: 'any', day: today }))).body);
    link = await book(t, closed!.path, { service: 'facial-classic', staff: 'any', startsAt: free[0]! });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps its buttons on screen and scrolls the answers inside the list', async () => {
    const dir = join(ARTIFACTS, 'camera');
    await mkdir(dir, { recursive: true });
    const browser = await launchWithCamera(await writeQrVideo(`${t.url}${link}`, qrVideoPath(dir, 'many-answers-qr')));
    try {
      const kiosk = await newPage(browser, TABLET);
      await asPairedKiosk(kiosk, await pairKiosk(t));
      await kiosk.goto(`${t.url}/`);
      await kiosk.getByTestId('booking').click();
      await kiosk.getByTestId('scan-qr').click();
      await kiosk.getByTestId('booking-found').waitFor();
      const early = await kiosk.getByTestId('booking-early').isVisible();
      await kiosk.getByTestId(early ? 'booking-wait' : 'booking-check-in').click();
      // The salon asks for the marketing choice too (never given): answered, then "anything changed?".
      while (!(await kiosk.getByTestId('same-as-last').isVisible())) {
        if (await kiosk.getByTestId('consent-health').isVisible()) await sign(kiosk);
        await kiosk.getByTestId('consent-agree').click();
      }
      const rows = await kiosk.locator('[data-testid="last-answers"] .row').count();
      expect(rows).toBeGreaterThanOrEqual(9);
      for (const id of ['same-as-last', 'edit-answers', 'back']) {
        const box = await kiosk.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.y + box!.height, id).toBeLessThanOrEqual(TABLET.height);
      }
      const list = await kiosk.getByTestId('last-answers').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
      expect(list.scroll).toBeGreaterThan(list.client);
      await shootKiosk(kiosk, 'review-many-answers');
      await kiosk.getByTestId('same-as-last').click();
      await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toMatch(/[A-Z]\d{3}/);
    } finally {
      await browser.close();
    }
  });
});
