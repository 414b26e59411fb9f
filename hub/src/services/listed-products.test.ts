import { beforeEach, describe, expect, it } from 'vitest';
import { toAppError } from './app-error.ts';
import type { HubState } from '../store/hub-state.ts';
import { decidePlanUpdate } from './plan.service.ts';
import { decideSessionNote } from './session-note.service.ts';
import { decideClose } from './visit.service.ts';
import { demoState, testVisit } from './test-state.ts';

/** The salon's listed products on a visit (#13): the plan, a session note and the aftercare store only current ids. */
const mei = { staffId: 'mei', role: 'beautician' as const };
const product = (id: string, archived = false) => ({
  id, name: { en: `Serum ${id}`, 'zh-CN': `精华 ${id}` }, brand: 'Glow Lab', priceMinor: 9_900, unit: '30 ml',
  howToUse: { en: 'Evenings', 'zh-CN': '晚上' }, followUp: 'treatment_product' as const, archived,
});
const plan = (productIds: string[]) => ({ serviceIds: ['facial-classic'], products: ['own oil'], productIds, intensity: 'standard' as const, durationMin: 60, notes: '' });
const close = (recommendedProductIds: string[]) => ({
  rating: { csat: 5, nps: null, tags: [], comment: '' },
  aftercare: { notes: '', homeProducts: [], recommendedProductIds },
});

describe('listed products on a visit', () => {
  let state: HubState;
  beforeEach(async () => {
    state = await demoState();
    state.products = { p1: product('p1'), p2: product('p2'), old: product('old', true) };
  });
  const put = (s: 'assigned' | 'in_service' | 'closing') => {
    state.visits.v1 = testVisit({ id: 'v1', serviceId: 'facial-classic', state: s, roomId: 'room-1', staffId: 'mei' });
  };

  it('keeps the plan’s listed products by id, once each, beside its free text', () => {
    put('assigned');
    const d = decidePlanUpdate(state, 5, mei, 'v1', plan(['p1', 'p2', 'p1']));
    expect(d).toMatchObject({ changes: { visits: { v1: { plan: { productIds: ['p1', 'p2'], products: ['own oil'] } } } } });
  });

  it('refuses an unknown or archived product in the plan with a message in the user’s language', () => {
    put('assigned');
    const unknown = decidePlanUpdate(state, 5, mei, 'v1', plan(['p1', 'forged']));
    expect(unknown).toMatchObject({ code: 'invalid_input', reason: 'product_not_listed' });
    expect('code' in unknown && toAppError(unknown, 'en').message).toContain('not on the salon’s list (forged)');
    const archived = decidePlanUpdate(state, 5, mei, 'v1', plan(['old']));
    expect('code' in archived && toAppError(archived, 'zh-CN').message).toContain('已不在本店产品列表中：Serum old / 精华 old');
    expect('code' in archived && toAppError(archived, 'zh-CN').issues?.[0]?.field).toBe('plan.productIds');
  });

  it('records a products note naming a listed product, and refuses an unknown one or an id on another kind of note', () => {
    put('in_service');
    expect(decideSessionNote(state, 5, mei, { visitId: 'v1', kind: 'products', text: 'Used Serum p1', productId: 'p1' })).toMatchObject({
      changes: { visits: { v1: { notes: [{ kind: 'products', productId: 'p1' }] } } },
    });
    expect(decideSessionNote(state, 5, mei, { visitId: 'v1', kind: 'products', text: 'x', productId: 'nope' })).toMatchObject({
      reason: 'product_not_listed',
    });
    expect(decideSessionNote(state, 5, mei, { visitId: 'v1', kind: 'skin', text: 'x', productId: 'p1' })).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('closes with listed recommended products, and refuses an archived one so nothing is half-saved', () => {
    put('closing');
    const ok = decideClose(state, 5, mei, 'v1', close(['p2']), { tokenHash: 'H', linkDays: 30 });
    expect(ok).toMatchObject({ changes: { visits: { v1: { state: 'closed', aftercare: { recommendedProductIds: ['p2'] } } } } });
    const refused = decideClose(state, 5, mei, 'v1', close(['old']), { tokenHash: 'H', linkDays: 30 });
    expect(refused).toMatchObject({ code: 'invalid_input', reason: 'product_archived' });
    expect('changes' in refused).toBe(false);
  });
});
