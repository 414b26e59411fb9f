import type { FollowUpKind, Product } from '../schemas/catalogue.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { refuse, type Refusal } from './refusal.ts';

/**
 * Products on a visit (issue #13): the ones the salon lists are kept by id — used in the treatment (the plan, the
 * session notes) and recommended for home (the aftercare) — so the client record can show both and the follow-up
 * rules can follow a product up by its kind. Free text remains for what the salon does not list.
 */

export type ProductRole = 'used' | 'recommended';
export type VisitProduct = { productId: string; role: ProductRole; followUp: FollowUpKind | null };

/** The listed ids a visit carries, without repeats, in the order they were chosen. */
const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Listed products used in the treatment: the agreed plan's and those named by a session note. */
export function productsUsed(visit: Pick<Visit, 'plan' | 'notes'>): string[] {
  return unique([...(visit.plan?.productIds ?? []), ...visit.notes.flatMap((n) => (n.productId ? [n.productId] : []))]);
}

/** Listed products recommended for home on the aftercare sheet. */
export const productsRecommended = (visit: Pick<Visit, 'aftercare'>): string[] => unique(visit.aftercare?.recommendedProductIds ?? []);

/**
 * Every listed product on the visit with its role and its follow-up kind (null when the product is no longer in the
 * catalogue), used first then recommended: what the client record and the follow-up rules read.
 */
export function visitProducts(
  visit: Pick<Visit, 'plan' | 'notes' | 'aftercare'>,
  products: Readonly<Record<string, Product>>,
): VisitProduct[] {
  const entry = (role: ProductRole) => (productId: string): VisitProduct => ({
    productId,
    role,
    followUp: products[productId]?.followUp ?? null,
  });
  return [...productsUsed(visit).map(entry('used')), ...productsRecommended(visit).map(entry('recommended'))];
}

/** A product's name in both languages, for a refusal read by someone in either. */
const bothNames = (p: Product): string => (p.name.en === p.name['zh-CN'] ? p.name.en : `${p.name.en} / ${p.name['zh-CN']}`);

/**
 * Ids a command may store as the salon's products: each must be in the catalogue and not archived. An id from a
 * tampered or stale tablet is refused with the field named, never stored; repeats are dropped.
 */
export function checkListedProducts(
  products: Readonly<Record<string, Product>>,
  ids: readonly string[],
  field: string,
): { ids: string[] } | Refusal {
  const chosen = unique(ids);
  const unknown = chosen.filter((id) => !Object.hasOwn(products, id));
  if (unknown.length) {
    return refuse('invalid_input', 'product_not_listed', { ids: unknown.join(', ') }, [{ field, rule: 'unknown_choice' }]);
  }
  const archived = chosen.map((id) => products[id]!).filter((p) => p.archived);
  if (archived.length) {
    return refuse('invalid_input', 'product_archived', { names: archived.map(bothNames).join(', ') }, [{ field, rule: 'archived_choice' }]);
  }
  return { ids: chosen };
}
