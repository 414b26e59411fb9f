import { checkListedProducts, consultationPending, type Plan, type PlanInputSchema, type Visit } from '@glow/shared';
import type { z } from 'zod';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { isBlocked } from './consultation.ts';
import type { Decision } from './hub-engine.ts';
import { loadVisit, step, type Actor, type VisitStateResult } from './visit-access.ts';

type PlanInput = z.output<typeof PlanInputSchema>;

/** Version 1 of every plan: the service as booked, for its usual duration. Made when the visit is assigned. */
export function firstPlan(visit: Visit, state: Readonly<HubState>, editedBy: string, now: number): Plan {
  const service = state.services[visit.serviceId];
  return {
    serviceIds: [visit.serviceId],
    products: [],
    productIds: [],
    intensity: 'standard',
    durationMin: service?.durationMin ?? 60,
    notes: '',
    version: 1,
    editedBy,
    editedAt: now,
    approvedVersion: null,
    approvedAt: null,
  };
}

/**
 * The beautician adjusts the plan with the client before the session: every edit is a new version (n + 1) and any
 * approval is void, so the client approves what they were shown last. Only before the plan is agreed.
 */
export function decidePlanUpdate(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  input: PlanInput,
): Decision<{ visitId: string; version: number }> | Refusal {
  const visit = loadVisit(state, actor, visitId);
  if ('code' in visit) return visit;
  if (visit.state !== 'assigned') return refuse('conflict', 'plan_locked', { state: `state.${visit.state}` });
  if (input.serviceIds.some((id) => !state.services[id])) return refuse('invalid_input', 'unknown_service');
  // Products the salon lists are stored by id: only current ones (a stale or tampered tablet is refused, not trusted).
  const listed = checkListedProducts(state.products, input.productIds ?? [], 'plan.productIds');
  if ('code' in listed) return listed;
  const current = visit.plan ?? firstPlan(visit, state, actor.staffId, now);
  const plan: Plan = { ...input, productIds: listed.ids, version: current.version + 1, editedBy: actor.staffId, editedAt: now, approvedVersion: null, approvedAt: null };
  return { changes: { visits: { [visit.id]: { ...visit, plan } } }, result: { visitId: visit.id, version: plan.version } };
}

/**
 * The client approves the plan on the tablet (assigned → plan_confirmed). The approval names the version the client
 * saw: an older one is refused. A consultation with a blocking contraindication cannot be confirmed (a manager's
 * override is a later issue).
 */
export function decidePlanConfirm(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  planVersion: number | undefined,
): Decision<VisitStateResult> | Refusal {
  const s = step(state, actor, visitId, 'confirmPlan');
  if ('code' in s) return s;
  const current = s.visit.plan ?? firstPlan(s.visit, state, s.visit.staffId ?? actor.staffId, now);
  if (planVersion !== undefined && planVersion !== current.version) {
    return refuse('conflict', 'stale_plan', { version: planVersion, current: current.version });
  }
  // Never "no contraindications" by default: a consultation not done at the kiosk is run in the room first.
  if (consultationPending(s.visit)) return refuse('conflict', 'consultation_pending');
  if (isBlocked(state, s.visit)) return refuse('conflict', 'contraindication_blocked');
  const plan: Plan = { ...current, approvedVersion: current.version, approvedAt: now };
  const visit: Visit = { ...s.visit, state: s.to, plan, times: { ...s.visit.times, [s.to]: now } };
  return { changes: { visits: { [visit.id]: visit } }, result: { visitId: visit.id, state: visit.state } };
}
