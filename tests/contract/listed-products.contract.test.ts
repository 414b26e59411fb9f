import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitProducts } from '@glow/shared';
import { FACIAL_ANSWERS } from '../support/aftercare-visit.ts';
import { connectKiosk, connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/**
 * #13: a visit keeps the salon's listed products by id — the plan's and a note's (used), the aftercare's
 * (recommended) — and the hub takes only ids of current products, whatever a tablet sends: an unknown or archived one
 * is refused naming the field, and nothing of the command is kept.
 */
describe('listed products on a visit, through the socket', () => {
  let t: TestHub;
  let boss: StaffSocket;
  let mei: StaffSocket;
  let visitId: string;
  let serum: string;
  let old: string;
  const visit = () => t.hub.core.engine.state.visits[visitId]!;
  const product = (en: string, zh: string, followUp: string, archived = false) =>
    ({ id: null, name: { en, 'zh-CN': zh }, brand: 'Glow Lab', price: '99', unit: '30 ml', howToUse: { en: 'Nightly.', 'zh-CN': '每晚。' }, followUp, archived }) as never;

  beforeAll(async () => {
    t = await startHub();
    boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    serum = expectOk(await send(boss, 'catalogue:product', product('Night Serum', '晚安精华', 'supplement'))).id;
    old = expectOk(await send(boss, 'catalogue:product', product('Old Toner', '旧爽肤水', 'brand_product'))).id;
    expectOk(await send(boss, 'catalogue:product', { ...(product('Old Toner', '旧爽肤水', 'brand_product') as object), id: old, archived: true } as never));
    const kiosk = await connectKiosk(t.url);
    visitId = expectOk(
      await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
        client: { firstName: 'Nora', lastName: 'Quinn', phone: '+44 7700 900124' },
        serviceId: 'facial-classic',
        language: 'en',
        answers: { ...FACIAL_ANSWERS, concerns: [...FACIAL_ANSWERS.concerns] },
      })),
    ).visitId;
    kiosk.socket.disconnect();
    if (visit().state === 'queued') expectOk(await send(boss, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
  }, 30_000);
  afterAll(() => t.stop());

  it('refuses a plan naming a product the salon does not list, or an archived one, and keeps the plan as it was', async () => {
    const plan = (productIds: string[]) => ({ visitId, plan: { serviceIds: ['facial-classic'], products: ['Own oil'], productIds, durationMin: 60 } });
    const before = visit().plan;
    const unknown = await send(mei, 'plan:update', plan([serum, 'forged-id']));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'product_not_listed', issues: [{ field: 'plan.productIds' }] } });
    expect(!unknown.ok && unknown.error.message).toContain('forged-id');
    const archived = await send(mei, 'plan:update', plan([old]));
    expect(!archived.ok && archived.error.message).toContain('No longer on the salon’s list: Old Toner / 旧爽肤水');
    expect(visit().plan).toEqual(before);
    const ok = expectOk(await send(mei, 'plan:update', plan([serum])));
    expect(visit().plan).toMatchObject({ version: ok.version, productIds: [serum], products: ['Own oil'] });
    expectOk(await send(mei, 'plan:confirm', { visitId, planVersion: ok.version }));
    expectOk(await send(mei, 'visit:start', { visitId }));
  });

  it('records a products note with a listed product, refuses an unknown one', async () => {
    expect(await send(mei, 'session:note', { visitId, kind: 'products', text: 'Used it', productId: 'nope' })).toMatchObject({
      ok: false,
      error: { reason: 'product_not_listed' },
    });
    expectOk(await send(mei, 'session:note', { visitId, kind: 'products', text: 'Used Night Serum', productId: serum }));
    expect(visit().notes.map((n) => n.productId)).toEqual([serum]);
  });

  it('closes only with current recommended products; the visit then gives used and recommended apart, with their kind', async () => {
    expectOk(await send(mei, 'visit:finish', { visitId }));
    const close = (recommendedProductIds: string[]) =>
      send(mei, 'visit:close', { visitId, rating: { csat: 5 }, aftercare: { notes: '', homeProducts: [], recommendedProductIds } } as never);
    expect(await close([old])).toMatchObject({ ok: false, error: { reason: 'product_archived', issues: [{ field: 'aftercare.recommendedProductIds' }] } });
    expect(visit().state).toBe('closing');
    expectOk(await close([serum]));
    expect(visit().aftercare?.recommendedProductIds).toEqual([serum]);
    expect(visitProducts(visit(), t.hub.core.engine.state.products)).toEqual([
      { productId: serum, role: 'used', followUp: 'supplement' },
      { productId: serum, role: 'recommended', followUp: 'supplement' },
    ]);
  });
});
