import { describe, expect, it } from 'vitest';
import type { Product } from '@glow/shared';
import { exactProduct, listedName, productLabel, searchProducts } from './products.ts';

const product = (id: string, en: string, zh: string, brand: string, archived = false): Product => ({
  id, name: { en, 'zh-CN': zh }, brand, priceMinor: 100, unit: '50 ml', howToUse: { en: '', 'zh-CN': '' }, followUp: 'brand_product', archived,
});
const products = {
  serum: product('serum', 'Hydrating Serum', '补水精华', 'Glow Lab'),
  mask: product('mask', 'Rice Enzyme Mask', '米酵素面膜', 'Camellia'),
  cream: product('cream', 'Rose Barrier Cream', '玫瑰屏障霜', 'Glow Lab'),
  old: product('old', 'Old Serum', '旧精华', 'Glow Lab', true),
};

describe('searching the salon’s products', () => {
  it('finds by the English name, the Chinese name or the brand, never an archived one', () => {
    expect(searchProducts(products, 'serum', 'en').matches.map((p) => p.id)).toEqual(['serum']);
    expect(searchProducts(products, '面膜', 'zh-CN').matches.map((p) => p.id)).toEqual(['mask']);
    expect(searchProducts(products, 'glow lab', 'en').matches.map((p) => p.id)).toEqual(['serum', 'cream']);
  });

  it('puts names that start with the query first, folds full-width letters, leaves out chosen ones and counts the rest', () => {
    expect(searchProducts(products, 'ｒ', 'en').matches[0]!.id).toBe('mask');
    expect(searchProducts(products, 'ＲＯＳＥ', 'en').matches.map((p) => p.id)).toEqual(['cream']);
    expect(searchProducts(products, '', 'en', ['serum']).matches.map((p) => p.id)).toEqual(['mask', 'cream']);
    expect(searchProducts(products, '', 'en', [], 1)).toMatchObject({ more: 2 });
  });

  it('names a product in the staff member’s language, the other one when the salon left it empty', () => {
    expect(productLabel({ name: { en: 'Toner', 'zh-CN': '' } }, 'zh-CN')).toBe('Toner');
    expect(listedName({ products }, 'mask', 'zh-CN')).toBe('米酵素面膜');
    expect(listedName({ products }, 'gone', 'en')).toBeNull();
  });

  it('recognises a typed name that is a listed product’s', () => {
    expect(exactProduct(products, ' rice enzyme mask ')?.id).toBe('mask');
    expect(exactProduct(products, '补水精华')?.id).toBe('serum');
    expect(exactProduct(products, 'Old Serum')).toBeNull();
  });
});
