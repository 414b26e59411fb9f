import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * #11 safety and floor on the tablets: a client the desk checked in is never shown "no contraindications" — the
 * beautician runs the questionnaire in the room before the plan can be approved, and the cautions stay on the session
 * screen; the desk marks a beautician present and acts on an assigned visit from its room card.
 */
describe('in-room consultation and the desk’s actions on an assigned visit', () => {
  let t: TestHub;
  let browser: Browser;
  let desk: Page;
  let mei: Page;
  let deskSocket: StaffSocket;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    desk = await newPage(browser, TABLET);
    mei = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk tablet');
    await pairAndSignIn(mei, t, 'mei', '1111', 'Room 1 tablet');
    deskSocket = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const checkInAtDesk = async (firstName: string, phone: string): Promise<string> =>
    expectOk(await send(deskSocket, 'visit:checkInByHand', { client: { firstName, phone }, serviceId: 'facial-classic', language: 'en' } as never)).visitId;

  it('runs the consultation in the room before the plan, and keeps the cautions on the session screen', async () => {
    const visitId = await checkInAtDesk('Lena', '13800138123');
    await mei.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    await mei.getByTestId('consultation-pending').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('flags-none').count()).toBe(0);
    await mei.getByTestId('accept-assignment').click();

    await mei.getByTestId('plan-screen').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('consultation-pending').textContent()).toContain('Consultation not done yet');
    expect(await mei.getByTestId('confirm-plan').isDisabled()).toBe(true);
    await shoot(mei, 'room-consultation-pending');

    await mei.getByTestId('start-consultation').click();
    await mei.getByTestId('in-room-consultation').waitFor({ state: 'visible' });
    // Saving with nothing answered: the hub names the questions still to answer.
    await mei.getByTestId('room-consultation-save').click();
    await mei.getByTestId('room-question-pregnant').locator('.problem').waitFor({ state: 'visible' });
    for (const [q, a] of [['pregnant', 'no'], ['isotretinoin', 'no'], ['sunburn', 'no'], ['skin_allergy', 'yes']]) {
      await mei.getByTestId(`room-answer-${q}-${a}`).click();
    }
    await mei.getByTestId('room-answer-allergens-fragrance').click();
    await shoot(mei, 'room-consultation-questions');
    await mei.getByTestId('room-consultation-save').click();
    await mei.getByTestId('in-room-consultation').waitFor({ state: 'detached' });

    await mei.getByTestId('flag-warn').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('flag-warn').textContent()).toContain('Fragrance allergy');
    expect(t.hub.core.engine.state.visits[visitId]).toMatchObject({ inRoomConsultation: { by: 'mei' }, answers: { allergens: ['fragrance'] } });
    await mei.getByTestId('confirm-plan').click();
    await mei.getByTestId('start-session').click();
    await mei.getByTestId('session-screen').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('session-flag-warn').textContent()).toContain('Fragrance allergy');
    await shoot(mei, 'room-session-cautions');
  });

  it('the desk marks a beautician present and gives her unaccepted client back to the queue from the room card', async () => {
    const visitId = await checkInAtDesk('Ada', '5550001');
    // Mei is busy and Anna has not signed in: the client waits.
    await desk.getByTestId(`board-visit-${visitId}`).waitFor({ state: 'visible' });
    await desk.getByTestId('staff-mark-present-anna').click();
    await desk.getByTestId('room-actions-room-2').waitFor({ state: 'visible' });
    expect(t.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'anna', roomId: 'room-2' });
    await shoot(desk, 'board-room-actions');
    // The salon's minutes to accept, set from the board.
    await desk.getByTestId('accept-within-less').click();
    await desk.getByTestId('accept-within-value').getByText('Accept within 4 min').waitFor({ state: 'visible' });
    expect(t.hub.core.engine.state.meta.floor.acceptWithinMin).toBe(4);

    await desk.getByTestId('room-actions-room-2').click();
    await desk.getByTestId('visit-sheet').waitFor({ state: 'visible' });
    expect(await desk.getByTestId('visit-holder').textContent()).toContain('Anna');
    expect(await desk.getByTestId('consultation-withheld').count()).toBe(0);
    await shoot(desk, 'board-assigned-visit-sheet');
    expectOk(await send(deskSocket, 'floor:setAutoAssign', { enabled: false }));
    await desk.getByTestId('visit-back-to-queue').click();
    await desk.getByTestId('visit-sheet').waitFor({ state: 'detached' });
    await desk.getByTestId(`queue-select-${visitId}`).waitFor({ state: 'visible' });
    expect(t.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'queued', staffId: null });
    expectOk(await send(deskSocket, 'floor:setAutoAssign', { enabled: true }));
  });
});
