import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { connectKiosk, connectStaff, expectOk, send, startHub, type KioskSocket, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]] };
const CONSENTS = [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: true },
];
const ANSWERS = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false };

/**
 * Issue #10 finding 1 on the board: a kiosk registration with a number that already belongs to a client is kept
 * apart, and the front desk sees "check who this is" and settles it in person (attach or keep apart); a phone-only
 * "I have been here before" is confirmed the same way. Screens in both languages.
 */
describe('the desk settles who a kiosk client is', () => {
  let t: TestHub;
  let browser: Browser;
  let desk: Page;
  let kiosk: KioskSocket;
  const register = (firstName: string, phone: string, language: 'en' | 'zh-CN' = 'en') =>
    send(kiosk, 'visit:checkIn', {
      client: { firstName, phone },
      serviceId: 'facial-classic',
      language,
      answers: ANSWERS,
      consents: CONSENTS,
      signature: [SIGNATURE],
    });

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    desk = await newPage(browser, TABLET);
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk tablet');
    // Nobody is taken off the queue while the desk looks at it.
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(manager.socket, 'floor:setAutoAssign', { enabled: false }));
    kiosk = (await connectKiosk(t.url)).socket;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('a registration with a known number: “check who this is”, then attached to the client on file', async () => {
    const { visitId: first } = expectOk(await register('Lena', '13800138001'));
    const ownerId = t.hub.core.engine.state.visits[first]!.clientId;
    const managerSocket = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(managerSocket.socket, 'visit:cancel', { visitId: first }));
    const { visitId } = expectOk(await register('Lena Z', '13800138001'));

    await desk.getByTestId(`queue-identity-${visitId}`).waitFor({ state: 'visible' });
    expect(await desk.getByTestId(`queue-identity-${visitId}`).textContent()).toBe('Check who this is');
    await desk.getByTestId(`queue-select-${visitId}`).click();
    await desk.getByTestId('identity-check').waitFor({ state: 'visible' });
    expect(await desk.getByTestId('identity-check').getAttribute('data-check')).toBe('duplicate_number');
    await shoot(desk, 'desk-identity-duplicate-en');
    await desk.getByTestId('identity-same').click();
    await desk.getByTestId('identity-check').waitFor({ state: 'detached' });
    expect(t.hub.core.engine.state.visits[visitId]).toMatchObject({ clientId: ownerId, identityCheck: null });
    expect(await desk.getByTestId(`queue-identity-${visitId}`).count()).toBe(0);
  });

  it('reads the same in Chinese; a phone-only check-in for a number not on file asks for the name', async () => {
    await desk.keyboard.press('Escape');
    const { visitId } = expectOk(
      await send(kiosk, 'visit:checkIn', kioskCheckIn({ returning: { phone: '13900139123', saysBooked: true }, serviceId: 'facial-classic', language: 'zh-CN', sameAsLast: true })),
    );
    await desk.getByTestId('lang-zh-CN').first().click();
    await desk.getByTestId(`queue-identity-${visitId}`).waitFor({ state: 'visible' });
    expect(await desk.getByTestId(`queue-identity-${visitId}`).textContent()).toBe('请核对身份');
    await desk.getByTestId(`queue-select-${visitId}`).click();
    await desk.getByTestId('identity-check').waitFor({ state: 'visible' });
    expect(await desk.getByTestId('identity-check').innerText()).toContain('此手机号没有任何记录');
    await desk.getByTestId('identity-says-booked').waitFor();
    await shoot(desk, 'desk-identity-not-on-file-zh-CN');
    await desk.getByTestId('identity-same').click();
    await desk.getByTestId('identity-says-booked').waitFor({ state: 'visible' });
    expect(t.hub.core.engine.state.visits[visitId]!.identityCheck).toBeNull();
  });
});
