import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTranslator } from '@glow/shared';
import { ARTIFACTS, decodeQr, launchBrowser, newPage, PHONE, shoot, TABLET } from '../support/browser.ts';
import { connectKiosk, connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

const en = createTranslator('en');

/**
 * #13: the products the salon lists are picked, not typed — in the plan (products used), a session note and the
 * aftercare (products recommended) — found by a Chinese or English name; the hub keeps their ids, and the client's
 * aftercare page names them in the client's language with the catalogue's how-to-use.
 */
describe('the salon’s listed products on a visit', () => {
  let t: TestHub;
  let browser: Browser;
  let mei: Page;
  let desk: StaffSocket;
  let visitId: string;
  const ids: Record<string, string> = {};
  const state = () => t.hub.core.engine.state;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const product = (en: string, zh: string, brand: string, howEn: string, howZh: string, followUp: string) => ({
      id: null, name: { en, 'zh-CN': zh }, brand, price: '128', unit: '50 ml', howToUse: { en: howEn, 'zh-CN': howZh }, followUp, archived: false,
    });
    ids.mask = expectOk(await send(boss, 'catalogue:product', product('Rice Enzyme Mask', '米酵素面膜', 'Camellia', 'Salon use.', '仅限店内。', 'treatment_product') as never)).id;
    ids.serum = expectOk(await send(boss, 'catalogue:product', product('Hydrating Serum', '补水精华', 'Glow Lab', 'Two drops at night.', '晚上两滴。', 'brand_product') as never)).id;
    ids.cream = expectOk(
      await send(boss, 'catalogue:product', product('Rose Barrier Cream', '玫瑰屏障霜', 'Glow Lab', 'A pea-sized amount morning and evening.', '早晚各取豌豆大小。', 'brand_product') as never),
    ).id;
    boss.disconnect();
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    mei = await newPage(browser, TABLET);
    await pairAndSignIn(mei, t, 'mei', '1111', 'Room 1 tablet');
    await mei.getByTestId('idle').waitFor({ state: 'visible' });
    const kiosk = await connectKiosk(t.url);
    visitId = expectOk(
      await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
        client: { firstName: 'Lina', lastName: 'Zhou', phone: '138 0013 8111' },
        serviceId: 'facial-classic',
        language: 'zh-CN',
        answers: { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false },
      })),
    ).visitId;
    kiosk.socket.disconnect();
    if (state().visits[visitId]!.state === 'queued') expectOk(await send(desk, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('picks products used in the plan from the list by a Chinese name, and keeps an unlisted one as free text', async () => {
    await mei.getByTestId('accept-assignment').click();
    await mei.getByTestId('edit-plan').click();
    await mei.getByTestId('plan-product-search').fill('面膜');
    await mei.getByTestId(`plan-product-option-${ids.mask}`).click();
    await mei.getByTestId('plan-product-search').fill('Own sesame oil');
    expect(await mei.getByTestId('plan-product-no-match').innerText()).toBe(en('staff.products.noMatch'));
    await mei.getByTestId('plan-product-add').click();
    // The brand shows beside a listed product, so two alike are told apart.
    expect(await mei.getByTestId(`plan-listed-remove-${ids.mask}`).innerText()).toContain('Camellia');
    await mei.getByTestId('plan-product-search').fill('glow');
    await mei.getByTestId(`plan-product-option-${ids.serum}`).waitFor();
    await shoot(mei, 'listed-products-plan-editor-en');
    await mei.getByTestId('lang-zh-CN').dispatchEvent('click'); // the top bar is under the dialog's backdrop
    await shoot(mei, 'listed-products-plan-editor-zh-CN');
    await mei.getByTestId('lang-en').dispatchEvent('click');
    await mei.getByTestId('plan-product-search').fill('');
    await mei.getByTestId('plan-save').click();
    await expect.poll(() => state().visits[visitId]!.plan?.productIds).toEqual([ids.mask]);
    expect(state().visits[visitId]!.plan?.products).toEqual(['Own sesame oil']);
    // The client reads the plan in Chinese: the listed product by its Chinese name.
    await expect.poll(() => mei.getByTestId('plan-card-products').innerText()).toContain('米酵素面膜');
    await shoot(mei, 'listed-products-plan-card-zh');
  });

  it('records a listed product used from the session’s quick notes, with its id', async () => {
    await mei.getByTestId('confirm-plan').click();
    await mei.getByTestId('start-session').click();
    await mei.getByTestId('session-screen').waitFor({ state: 'visible' });
    // The plan's listed product is a one-tap chip; another is found by searching.
    await mei.getByTestId('note-preset-products-0').click();
    await mei.getByTestId('note-kind-products').click();
    await mei.getByTestId('note-product-search').fill('精华');
    await mei.getByTestId(`note-product-option-${ids.serum}`).click();
    await expect.poll(() => state().visits[visitId]!.notes.map((n) => n.productId)).toEqual([ids.mask, ids.serum]);
    await expect.poll(() => mei.getByTestId('note-item').count()).toBe(2);
    await shoot(mei, 'listed-products-session-en');
    await mei.getByTestId('lang-zh-CN').dispatchEvent('click'); // the top bar is under the dialog's backdrop
    await shoot(mei, 'listed-products-session-zh-CN');
    await mei.getByTestId('lang-en').dispatchEvent('click');
  });

  it('recommends a listed product in the aftercare, and the tablet’s close stores it by id', async () => {
    await mei.getByTestId('aftercare-edit').click();
    await mei.getByTestId('aftercare-pick-search').fill('rose');
    await mei.getByTestId(`aftercare-pick-option-${ids.cream}`).click();
    expect(await mei.getByTestId(`aftercare-listed-${ids.cream}`).innerText()).toContain('A pea-sized amount morning and evening.');
    await mei.getByTestId('aftercare-pick-search').fill('Hand-made balm');
    await mei.getByTestId('aftercare-pick-add').click();
    await mei.getByTestId('aftercare-product-how-0').fill('After a shower.');
    await shoot(mei, 'listed-products-aftercare-en');
    await mei.getByTestId('lang-zh-CN').dispatchEvent('click'); // the top bar is under the dialog's backdrop
    await shoot(mei, 'listed-products-aftercare-zh-CN');
    await mei.getByTestId('lang-en').dispatchEvent('click');
    await mei.getByTestId('aftercare-save').click();
    await mei.getByTestId('finish-session').click();
    await mei.getByTestId('rate-5').click();
    await mei.getByTestId('send-rating').click();
    await mei.getByTestId('aftercare-qr').waitFor({ state: 'visible' });
    const aftercare = state().visits[visitId]!.aftercare!;
    expect(aftercare.recommendedProductIds).toEqual([ids.cream]);
    expect(aftercare.homeProducts).toEqual([{ name: 'Hand-made balm', howToUse: 'After a shower.' }]);
  });

  it('shows the client’s page with the listed products in their language and the catalogue’s how-to-use', async () => {
    // The hub keeps no token: the link is the one in the tablet's QR code.
    const path = new URL(await decodeQr(mei.getByTestId('aftercare-qr')), t.url).pathname;
    expect(path).toMatch(/^\/a\//);
    const phone = await newPage(browser, PHONE, 'zh-CN');
    const dir = join(ARTIFACTS, 'screens');
    await mkdir(dir, { recursive: true });
    for (const lang of ['zh-CN', 'en'] as const) {
      await phone.goto(`${t.url}${path}?lang=${lang}`);
      const text = await phone.locator('body').innerText();
      if (lang === 'zh-CN') {
        expect(text).toContain('米酵素面膜');
        expect(text).toContain('补水精华');
        expect(text).toContain('玫瑰屏障霜');
        expect(text).toContain('早晚各取豌豆大小。');
      } else {
        expect(text).toContain('Rose Barrier Cream');
        expect(text).toContain('A pea-sized amount morning and evening.');
        expect(text).toContain('Own sesame oil');
        expect(text).toContain('Hand-made balm');
      }
      await phone.screenshot({ path: join(dir, `listed-products-aftercare-phone-${lang}.png`), fullPage: true });
    }
  });
});
