import type { AftercareNotes } from '@glow/shared';
import { loadAftercareDraft, saveAftercareDraft, type AftercareDraft } from './storage.ts';

export const MAX_HOME_PRODUCTS = 10;

export const emptyDraft = (visitId: string): AftercareDraft => ({ visitId, notes: '', homeProducts: [], recommendedProductIds: [] });

export const loadDraft = (visitId: string): AftercareDraft => loadAftercareDraft(visitId) ?? emptyDraft(visitId);
export const saveDraft = (draft: AftercareDraft): void => saveAftercareDraft(draft);

/** What `visit:close` carries: trimmed, rows without a product name dropped. */
export function toAftercare(draft: AftercareDraft): AftercareNotes {
  return {
    notes: draft.notes.trim().slice(0, 2000),
    homeProducts: draft.homeProducts
      .map((p) => ({ name: p.name.trim().slice(0, 80), howToUse: p.howToUse.trim().slice(0, 300) }))
      .filter((p) => p.name)
      .slice(0, MAX_HOME_PRODUCTS),
    // The salon's listed products, by id: the hub checks each is still on the list.
    recommendedProductIds: [...new Set(draft.recommendedProductIds ?? [])].slice(0, MAX_HOME_PRODUCTS),
  };
}

/** How much the beautician wrote, for the button that opens the editor. */
export const draftSize = (draft: AftercareDraft): number =>
  toAftercare(draft).homeProducts.length + (draft.recommendedProductIds?.length ?? 0) + (draft.notes.trim() ? 1 : 0);
