import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectKiosk, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]] };
const CONSENTS = [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: true },
];

/**
 * A blocking contraindication on the staff tablets: the board marks the waiting client "Needs manager", the front
 * desk cannot place them, the manager overrides with a reason in a dialog, and the beautician then sees the flag and
 * the override in the consultation.
 */
describe('blocked consultation on the staff tablets', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;
  let mei: Page;
  let anna: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    mei = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
    await pairAndSignIn(mei, t, 'mei', '1111', 'Room 1 tablet');
    anna = await newPage(browser, TABLET);
    await pairAndSignIn(anna, t, 'anna', '2222', 'Room 2 tablet');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows “Needs manager”, and the manager’s override with a reason lets the beautician take the client', async () => {
    const kiosk = await connectKiosk(t.url);
    const { visitId } = expectOk(
      await send(kiosk.socket, 'visit:checkIn', {
        client: { firstName: 'Sun', lastName: 'Park', phone: '13800138000' },
        serviceId: 'facial-classic',
        language: 'en',
        answers: { pregnant: false, isotretinoin: false, sunburn: true, skin_allergy: false },
        consents: CONSENTS,
        signature: [SIGNATURE],
      }),
    );
    await boss.getByTestId(`queue-blocked-${visitId}`).waitFor({ state: 'visible' });
    expect(await boss.getByTestId(`queue-blocked-${visitId}`).textContent()).toBe('Needs manager');
    await shoot(boss, 'block-board-needs-manager');

    await boss.getByTestId(`queue-select-${visitId}`).click();
    await boss.getByTestId('visit-blocked').waitFor({ state: 'visible' });
    expect(await boss.getByTestId('assign-submit').isDisabled()).toBe(true);
    await shoot(boss, 'block-visit-sheet');

    await boss.getByTestId('visit-override').click();
    await boss.getByTestId('override-dialog').waitFor({ state: 'visible' });
    expect(await boss.getByTestId('override-submit').isDisabled()).toBe(true);
    await boss.getByTestId('override-reason').fill('Sunburn has faded; checked the skin with the client');
    await shoot(boss, 'block-override-dialog');
    await boss.getByTestId('override-submit').click();
    await boss.getByTestId('override-dialog').waitFor({ state: 'detached' });

    // The planner now gives the client to Mei; her alert shows the block and the manager's reason.
    await mei.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    await mei.getByTestId('consultation-override').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('consultation-override').textContent()).toContain('Olivia Wang');
    expect(await mei.getByTestId('flag-block').first().textContent()).toContain('Recent sunburn');
    await shoot(mei, 'block-beautician-alert-overridden');
    expect(t.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'mei', blockOverride: { by: 'olivia' } });
    // The sheet stays open on the now assigned visit (the desk has actions for assigned visits): the manager closes it.
    await boss.getByTestId('visit-sheet-close').click();
    await boss.getByTestId('visit-sheet').waitFor({ state: 'detached' });
  });

  it('reads the same in Chinese', async () => {
    const kiosk = await connectKiosk(t.url);
    const { visitId } = expectOk(
      await send(kiosk.socket, 'visit:checkIn', {
        client: { firstName: '小明', lastName: '王', phone: '13900139000' },
        serviceId: 'hair-root-colour',
        language: 'zh-CN',
        answers: { allergy: false, patch_test: 'none', scalp: false },
        consents: CONSENTS,
        signature: [SIGNATURE],
      }),
    );
    await boss.getByTestId('lang-zh-CN').first().click();
    await boss.getByTestId(`queue-blocked-${visitId}`).waitFor({ state: 'visible' });
    expect(await boss.getByTestId(`queue-blocked-${visitId}`).textContent()).toBe('需店长处理');
    await boss.getByTestId(`queue-select-${visitId}`).click();
    await boss.getByTestId('visit-override').click();
    await boss.getByTestId('override-reason').fill('已在本店补做皮肤测试，结果正常');
    await shoot(boss, 'block-override-dialog-zh');
    await boss.getByTestId('override-submit').click();
    await boss.getByTestId('override-dialog').waitFor({ state: 'detached' });
    expect(t.hub.core.engine.state.visits[visitId]!.blockOverride).toMatchObject({ by: 'olivia', reason: '已在本店补做皮肤测试，结果正常' });
  });

  it('a client who declined the health questions: the beautician is told to ask in person', async () => {
    const kiosk = await connectKiosk(t.url);
    expectOk(
      await send(kiosk.socket, 'visit:checkIn', {
        client: { firstName: 'Ivy', lastName: 'Tan', phone: '13700137000' },
        serviceId: 'facial-hydrating',
        language: 'en',
        consents: [CONSENTS[0]!, { kind: 'health', version: 1, granted: false }],
      }),
    );
    await anna.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    // Not "no contraindications": the consultation is still to be done, in the room, before the plan (#11).
    await anna.getByTestId('consultation-pending').waitFor({ state: 'visible' });
    expect(await anna.getByTestId('flags-none').count()).toBe(0);
    await shoot(anna, 'block-beautician-in-person');
  });
});
