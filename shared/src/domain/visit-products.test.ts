import { describe, expect, it } from 'vitest';
import type { Product } from '../schemas/catalogue.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { checkListedProducts, productsRecommended, productsUsed, visitProducts } from './visit-products.ts';

const product = (id: string, followUp: Product['followUp'], archived = false): Product => ({
  id,
  name: { en: `${id} en`, 'zh-CN': `${id} 中` },
  brand: 'Brand',
  priceMinor: 1000,
  unit: '50 ml',
  howToUse: { en: '', 'zh-CN': '' },
  followUp,
  archived,
});
const products = { serum: product('serum', 'treatment_product'), caps: product('caps', 'supplement'), old: product('old', 'brand_product', true) };

const visit: Pick<Visit, 'plan' | 'notes' | 'aftercare'> = {
  plan: { serviceIds: ['s'], products: ['own oil'], productIds: ['serum'], intensity: 'standard', durationMin: 60, notes: '', version: 2, editedBy: 'a', editedAt: 0, approvedVersion: 2, approvedAt: 0 },
  notes: [
    { at: 1, staffId: 'a', kind: 'products', text: 'Used serum', productId: 'serum' },
    { at: 2, staffId: 'a', kind: 'products', text: 'Used old', productId: 'old' },
    { at: 3, staffId: 'a', kind: 'skin', text: 'Redness' },
  ],
  aftercare: { notes: '', homeProducts: [{ name: 'Own cream', howToUse: '' }], recommendedProductIds: ['caps', 'caps'] },
};

describe('a visit’s listed products', () => {
  it('keeps used (plan and notes, once each) and recommended apart', () => {
    expect(productsUsed(visit)).toEqual(['serum', 'old']);
    expect(productsRecommended(visit)).toEqual(['caps']);
  });

  it('gives each with its role and follow-up kind, so a sale can be followed up by kind', () => {
    expect(visitProducts(visit, products)).toEqual([
      { productId: 'serum', role: 'used', followUp: 'treatment_product' },
      { productId: 'old', role: 'used', followUp: 'brand_product' },
      { productId: 'caps', role: 'recommended', followUp: 'supplement' },
    ]);
    expect(visitProducts({ ...visit, aftercare: { ...visit.aftercare!, recommendedProductIds: ['gone'] } }, products).at(-1)).toEqual({
      productId: 'gone',
      role: 'recommended',
      followUp: null,
    });
  });

  it('reads older visits that carry no ids', () => {
    expect(visitProducts({ plan: null, notes: [], aftercare: null }, products)).toEqual([]);
  });
});

describe('checking product ids a command wants to store', () => {
  it('accepts current listed products, once each', () => {
    expect(checkListedProducts(products, ['serum', 'caps', 'serum'], 'plan.productIds')).toEqual({ ids: ['serum', 'caps'] });
  });

  it('refuses an id not in the catalogue, naming the field', () => {
    const r = checkListedProducts(products, ['serum', 'nope', '__proto__'], 'plan.productIds');
    expect(r).toMatchObject({ code: 'invalid_input', reason: 'product_not_listed', params: { ids: 'nope, __proto__' } });
    expect('issues' in r && r.issues?.[0]).toEqual({ field: 'plan.productIds', rule: 'unknown_choice' });
  });

  it('refuses an archived product by its names in both languages', () => {
    expect(checkListedProducts(products, ['old'], 'aftercare.recommendedProductIds')).toMatchObject({
      reason: 'product_archived',
      params: { names: 'old en / old 中' },
    });
  });
});
