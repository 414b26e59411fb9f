import type { Language, Product, StaffView } from '@glow/shared';

/**
 * The salon's listed products as the staff tablet offers them (#13): the beautician picks from the list in the plan,
 * the session notes and the aftercare, searching by the name in either language or by the brand; free text is only
 * for what the salon does not list.
 */

/** Lower-cased, width-folded text, so "ＳＥＲＵＭ" and "serum" meet (a Chinese keyboard may type full-width letters). */
const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase().trim();

/** A product's name in `language`, else in the other one (the salon may have filled only one). */
export function productLabel(p: Pick<Product, 'name'>, language: Language): string {
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return p.name[language] || p.name[other];
}

/** A listed product's name by id for chips and notes; an id no longer in the view shows as nothing. */
export const listedName = (view: Pick<StaffView, 'products'>, id: string, language: Language): string | null => {
  const p = Object.hasOwn(view.products, id) ? view.products[id] : undefined;
  return p ? productLabel(p, language) : null;
};

export type ProductSearch = { matches: Product[]; more: number };

/**
 * The current products whose name (either language) or brand contains every word typed, those whose name starts
 * with the query first, then by name in the staff member's language; chosen ones are left out. An empty query lists
 * them all (the salon's list is short), `limit` at a time.
 */
export function searchProducts(
  products: Readonly<Record<string, Product>>,
  query: string,
  language: Language,
  exclude: readonly string[] = [],
  limit = 6,
): ProductSearch {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const q = fold(query);
  const hits = Object.values(products)
    .filter((p) => !p.archived && !exclude.includes(p.id))
    .filter((p) => {
      const hay = fold(`${p.name.en} ${p.name['zh-CN']} ${p.brand}`);
      return words.every((w) => hay.includes(w));
    })
    .map((p) => ({ p, starts: q !== '' && (fold(p.name.en).startsWith(q) || fold(p.name['zh-CN']).startsWith(q)) }))
    .sort((a, b) => Number(b.starts) - Number(a.starts) || productLabel(a.p, language).localeCompare(productLabel(b.p, language), language))
    .map((x) => x.p);
  return { matches: hits.slice(0, limit), more: Math.max(0, hits.length - limit) };
}

/** Whether the salon lists any current product at all (else the picker only takes free text). */
export const hasListedProducts = (products: Readonly<Record<string, Product>>): boolean =>
  Object.values(products).some((p) => !p.archived);

/** A typed name exactly one current product carries (either language): picked from the list rather than kept as text. */
export function exactProduct(products: Readonly<Record<string, Product>>, typed: string): Product | null {
  const t = fold(typed);
  if (!t) return null;
  const found = Object.values(products).filter((p) => !p.archived && (fold(p.name.en) === t || fold(p.name['zh-CN']) === t));
  return found.length === 1 ? found[0]! : null;
}
