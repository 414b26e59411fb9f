import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTranslator } from '@glow/shared';
import { decodeQr, launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectStaff, expectOk, pairKiosk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { asPairedKiosk, registerAtKiosk } from '../support/kiosk-driver.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

/**
 * #11 on the staff tablet: a client who checked in at the kiosk in Chinese reads and taps their own screens on the
 * beautician's English tablet in Chinese (the plan they approve, the rating, the aftercare QR), while the rest stays in
 * the beautician's language; a double tap on a quick note records one note, and a note written by mistake can be
 * removed; the assignment alert says "New client" the first time and "Returning client" the next.
 */
describe('the staff tablet, the snags', () => {
  let t: TestHub;
  let browser: Browser;
  let mei: Page;
  let desk: StaffSocket;
  let visitId: string;
  const CLIENT = { first: '小明', last: '王', phone: '13912340011' };
  const state = () => t.hub.core.engine.state;
  const notesOf = (id: string) => state().visits[id]!.notes.map((n) => n.text);

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    mei = await newPage(browser, TABLET);
    await pairAndSignIn(mei, t, 'mei', '1111', 'Room 1 tablet');
    await mei.getByTestId('idle').waitFor({ state: 'visible' });
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** The lobby kiosk, switched to Chinese by the client, from the welcome screen to the ticket. */
  async function checkInAtKioskInChinese(): Promise<void> {
    const lobby = await newPage(browser, TABLET);
    await asPairedKiosk(lobby, await pairKiosk(t));
    await lobby.goto(`${t.url}/`);
    await lobby.getByTestId('welcome-lang-zh-CN').click();
    await lobby.getByTestId('walk-in').click();
    await registerAtKiosk(lobby, CLIENT);
    await lobby.getByTestId('service-facial-classic').click();
    for (const q of ['pregnant', 'isotretinoin', 'sunburn', 'skin_allergy']) await lobby.getByTestId(`answer-${q}-no`).click();
    await lobby.getByTestId('questions-next').click();
    await lobby.getByTestId('check-in').click();
    await expect.poll(() => lobby.getByTestId('ticket-number').textContent()).toMatch(/[A-Z]\d{3}/);
    await lobby.context().close();
  }

  it('shows the client’s screens in the client’s language (Chinese) on an English tablet, and the rest in English', async () => {
    await checkInAtKioskInChinese();
    // The hub keeps the number in its canonical form (+86…): found by the name the client typed.
    const client = Object.values(state().clients).find((c) => c.firstName === CLIENT.first && c.lastName === CLIENT.last)!;
    visitId = Object.values(state().visits).find((v) => v.clientId === client.id)!.id;
    expect(state().visits[visitId]).toMatchObject({ language: 'zh-CN' });

    // The beautician's alert: her language, with the client's name written as a Chinese name is, and a new client.
    await mei.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('assignment-client').innerText()).toBe('王小明');
    expect(await mei.getByTestId('assignment-client-kind').innerText()).toBe(en('staff.assignment.new'));
    await mei.getByTestId('accept-assignment').click();

    // The plan the client reads across the bed and approves: Chinese; the beautician's panels beside it: English.
    await mei.getByTestId('plan-screen').waitFor({ state: 'visible' });
    const card = mei.getByTestId('plan-card');
    expect(await card.getAttribute('lang')).toBe('zh-CN');
    expect(await card.innerText()).toContain(zh('staff.plan.services'));
    expect(await mei.getByTestId('plan-card-services').innerText()).toBe(state().services['facial-classic']!.name['zh-CN']);
    expect(await mei.getByTestId('confirm-plan').innerText()).toBe(zh('staff.plan.clientApproves'));
    expect(await mei.getByTestId('hand-back').innerText()).toBe(en('staff.handBack.open'));
    await mei.getByText(en('staff.consultation.title'), { exact: true }).waitFor({ state: 'visible' });
    // A note on the plan (here from the desk, as a manager's reminder would be): shown to the client with the plan.
    expectOk(
      await send(desk, 'plan:update', {
        visitId,
        plan: { serviceIds: ['facial-classic'], products: [], durationMin: 60, notes: 'Patch test first' },
      } as never),
    );
    await mei.getByTestId('plan-card-notes').waitFor({ state: 'visible' });
    await shoot(mei, 'tablet-client-language-plan');
    await mei.getByTestId('confirm-plan').click();

    // The session screen is the beautician's: English throughout, with the plan's notes kept in sight (#11).
    await mei.getByTestId('start-session').click();
    await mei.getByTestId('session-screen').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('finish-session').innerText()).toBe(en('staff.session.finish'));
    expect(await mei.getByTestId('session-plan-notes').innerText()).toContain('Patch test first');
    await shoot(mei, 'tablet-client-language-session');
  });

  it('records one note for a double tap on a quick note, and removes a note written by mistake', async () => {
    const chip = mei.getByTestId('note-preset-pressure-0');
    const chipText = (await chip.innerText()).trim();
    await chip.dblclick();
    await mei.getByTestId('note-item').first().waitFor({ state: 'visible' });
    await expect.poll(() => state().visits[visitId]!.notes.length).toBe(1);
    // A tap on another chip is another note.
    await mei.getByTestId('note-preset-temperature-0').click();
    await expect.poll(() => notesOf(visitId).length).toBe(2);
    // The hub has both notes; the tablet's list follows with the next patch.
    await expect.poll(() => mei.getByTestId('note-item').count()).toBe(2);
    // Let the outbox settle, then make sure no second copy of the double-tapped note arrived late.
    await expect.poll(() => mei.getByTestId('note-preset-pressure-0').isEnabled()).toBe(true);
    expect(notesOf(visitId).filter((n) => n === chipText)).toHaveLength(1);
    await shoot(mei, 'tablet-session-notes');

    // The pressure note was a mistake: removed on the hub and from the list; the other stays.
    const pressure = mei.getByTestId('note-item').filter({ hasText: chipText });
    await pressure.getByTestId('note-remove').click();
    await expect.poll(() => notesOf(visitId)).toEqual([expect.not.stringContaining(chipText)]);
    await expect.poll(() => mei.getByTestId('note-item').count()).toBe(1);
    expect(await mei.getByTestId('notes-list').innerText()).not.toContain(chipText);
    await shoot(mei, 'tablet-session-note-removed');
  });

  it('hands the client the rating and the aftercare QR in Chinese; the hand-over words stay in English', async () => {
    await mei.getByTestId('finish-session').click();
    await mei.getByTestId('rating-screen').waitFor({ state: 'visible' });
    const rating = mei.getByTestId('rating-screen');
    expect(await rating.locator('h1').innerText()).toBe(zh('staff.rate.title'));
    expect(await rating.innerText()).toContain(en('staff.rate.help'));
    expect(await mei.getByTestId('send-rating').innerText()).toBe(zh('staff.rate.submit'));
    await mei.getByTestId('rate-5').click();
    await shoot(mei, 'tablet-client-language-rating');
    await mei.getByTestId('send-rating').click();

    const qr = mei.getByTestId('aftercare-qr');
    await qr.waitFor({ state: 'visible' });
    expect(await mei.getByRole('heading', { level: 1 }).innerText()).toBe(zh('staff.qr.title'));
    expect(await mei.getByTestId('qr-done').innerText()).toBe(zh('staff.qr.done'));
    expect(await decodeQr(qr)).toMatch(/\/a\/[A-Za-z0-9_-]{43}$/);
    await shoot(mei, 'tablet-client-language-qr');
    await mei.getByTestId('qr-done').click();
    // Back to the beautician's own screens (the room being cleaned), in her language.
    await mei.getByTestId('cleaning').waitFor({ state: 'visible' });
    expect(await mei.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await mei.getByTestId('room-ready').innerText()).toBe(en('staff.cleaning.ready'));
  });

  it('says “Returning client” on the alert when the same client comes back', async () => {
    await expect.poll(() => state().visits[visitId]?.state).toBe('closed');
    const again = expectOk(
      await send(desk, 'visit:checkInByHand', {
        client: { firstName: CLIENT.first, lastName: CLIENT.last, phone: CLIENT.phone },
        serviceId: 'facial-classic',
        language: 'zh-CN',
      } as never),
    );
    expect(state().visits[again.visitId]).toMatchObject({ returningClient: true });
    await mei.getByTestId('assignment-alert').waitFor({ state: 'visible' });
    expect(await mei.getByTestId('assignment-client-kind').innerText()).toBe(en('staff.assignment.returning'));
    await shoot(mei, 'tablet-assignment-returning');
  });
});
