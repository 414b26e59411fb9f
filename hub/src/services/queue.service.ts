import { reorderRank, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/** The front desk moves a waiting client in the queue: just before another waiting client, or to the end. */
export function decideReorder(
  state: Readonly<HubState>,
  _now: number,
  input: { visitId: string; beforeVisitId: string | null },
  activeVisits: readonly Visit[],
): Decision<Record<string, never>> | Refusal {
  const visit = state.visits[input.visitId];
  if (!visit) return refuse('not_found', 'unknown_visit');
  if (visit.state !== 'queued') return refuse('conflict', 'not_queued');
  if (input.beforeVisitId !== null) {
    if (input.beforeVisitId === visit.id) return refuse('conflict', 'not_queued');
    const before = state.visits[input.beforeVisitId];
    if (!before) return refuse('not_found', 'unknown_visit');
    if (before.state !== 'queued') return refuse('conflict', 'not_queued');
  }
  const queueRank = reorderRank(activeVisits, visit.id, input.beforeVisitId);
  return { changes: { visits: { [visit.id]: { ...visit, queueRank } } }, result: {} };
}
