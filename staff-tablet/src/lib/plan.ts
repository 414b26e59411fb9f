import { INTENSITIES, type PlanFields, type PlanInput, type StaffView, type VisitCard } from '@glow/shared';

export type Intensity = (typeof INTENSITIES)[number];
/** The plan being edited: the plan command's fields (its schema's output). */
export type PlanDraft = PlanFields;

export const MIN_DURATION = 5;
export const MAX_DURATION = 480;
export const DURATION_STEP = 5;
export const MAX_SERVICES = 5;
export const MAX_PRODUCTS = 20;

/** The plan as it stands (the latest version), or the service's defaults when none was written yet. */
export function planDraft(view: StaffView, visit: VisitCard): PlanDraft {
  const plan = visit.plan;
  if (plan) {
    return {
      serviceIds: [...plan.serviceIds],
      products: [...plan.products],
      productIds: [...(plan.productIds ?? [])],
      intensity: plan.intensity,
      durationMin: plan.durationMin,
      notes: plan.notes,
    };
  }
  return {
    serviceIds: [visit.serviceId],
    products: [],
    productIds: [],
    intensity: 'standard',
    durationMin: view.services[visit.serviceId]?.durationMin ?? 60,
    notes: '',
  };
}

/** The services' usual total length, the default duration while the beautician has not set one. */
export function servicesDuration(view: StaffView, serviceIds: readonly string[]): number {
  const total = serviceIds.reduce((sum, id) => sum + (view.services[id]?.durationMin ?? 0), 0);
  return clampDuration(total || MIN_DURATION);
}

export const clampDuration = (min: number): number =>
  Math.min(MAX_DURATION, Math.max(MIN_DURATION, Math.round(min / DURATION_STEP) * DURATION_STEP));

/** Adds a listed product by id unless it is already there or the plan has as many as it may hold. */
export function addListedProduct(ids: readonly string[] | undefined, id: string): string[] {
  const current = [...(ids ?? [])];
  return current.includes(id) || current.length >= MAX_PRODUCTS ? current : [...current, id];
}

/** Adds a typed product unless it is empty or already there (case-insensitive). */
export function addProduct(products: readonly string[], typed: string): string[] {
  const name = typed.trim().replace(/\s+/g, ' ').slice(0, 80);
  if (!name || products.length >= MAX_PRODUCTS) return [...products];
  if (products.some((p) => p.toLowerCase() === name.toLowerCase())) return [...products];
  return [...products, name];
}

export const toPlanInput = (draft: PlanDraft): PlanInput => ({
  serviceIds: draft.serviceIds,
  products: draft.products,
  productIds: draft.productIds ?? [],
  intensity: draft.intensity,
  durationMin: draft.durationMin,
  notes: draft.notes.trim(),
});

/** The client approved the latest version of the plan. */
export const isApproved = (visit: VisitCard): boolean =>
  !!visit.plan && visit.plan.approvedVersion !== null && visit.plan.approvedVersion === visit.plan.version;

/** The consultation has a flag that blocks the service: the hub will refuse the client's approval. */
export const isBlocked = (visit: VisitCard): boolean => visit.consultation.flags.some((f) => f.effect === 'block');

/** Flags with blocks first: those must be seen before anything else. */
export const sortedFlags = (visit: VisitCard) =>
  [...visit.consultation.flags].sort((a, b) => Number(b.effect === 'block') - Number(a.effect === 'block'));
