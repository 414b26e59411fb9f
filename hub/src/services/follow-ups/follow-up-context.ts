import { formatPersonName, type FollowUpContext, type FollowUpLastVisit, type Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { Actor } from '../visit-access.ts';
import { mayWorkTask } from './follow-up-access.ts';
import { visitTime } from './follow-up-last-visit.ts';

/** A visit as the caller reads it before dialling. */
export function lastVisitOf(visit: Visit): FollowUpLastVisit {
  return {
    visitId: visit.id,
    at: visitTime(visit),
    serviceId: visit.serviceId,
    staffId: visit.staffId,
    planNotes: visit.plan?.notes ?? '',
    productIds: visit.plan?.productIds ?? [],
    products: visit.plan?.products ?? [],
    aftercareNotes: visit.aftercare?.notes ?? '',
    homeProducts: visit.aftercare?.homeProducts.map((p) => p.name) ?? [],
    recommendedProductIds: visit.aftercare?.recommendedProductIds ?? [],
    rating: visit.rating,
  };
}

/**
 * What the caller needs before dialling, for each task named that the actor may work (the others are left out, as if
 * they did not exist): who the client is and how to reach them, the visit followed up (else their latest), and their
 * complaints still open. The clients' visits in memory are found through `visitIdsOf` (the client search index: the
 * task list of a week of follow-ups asks 20 times for 100 tasks, and a pass over every visit held cost ~9 ms each
 * on the large salon), or by one pass over the visits in memory while that index is being built (null).
 */
export function followUpContexts(
  state: Readonly<HubState>,
  actor: Actor,
  taskIds: readonly string[],
  visitIdsOf?: (clientIds: readonly string[]) => readonly string[] | null,
): FollowUpContext[] {
  const tasks = [...new Set(taskIds)].flatMap((id) => {
    const task = state.followUpTasks[id];
    return task && mayWorkTask(actor, task) ? [task] : [];
  });
  const clients = new Set(tasks.map((t) => t.clientId));
  const served = new Map<string, { count: number; latest: Visit | null }>();
  const ids = visitIdsOf?.([...clients]) ?? null;
  const visits = ids ? ids.flatMap((id) => state.visits[id] ?? []) : Object.values(state.visits);
  for (const visit of visits) {
    if (visit.state !== 'closed' || !clients.has(visit.clientId)) continue;
    const seen = served.get(visit.clientId) ?? { count: 0, latest: null };
    seen.count++;
    if (!seen.latest || visitTime(visit) > visitTime(seen.latest)) seen.latest = visit;
    served.set(visit.clientId, seen);
  }
  const complaints = Object.values(state.complaints).filter((c) => clients.has(c.clientId) && c.status !== 'resolved');

  return tasks.flatMap((task) => {
    const client = state.clients[task.clientId];
    if (!client) return [];
    const history = served.get(client.id);
    const visit = (task.visitId ? state.visits[task.visitId] : undefined) ?? history?.latest ?? null;
    return [
      {
        taskId: task.id,
        client: {
          id: client.id,
          name: formatPersonName(client, 'full'),
          firstName: client.firstName,
          phone: client.phone,
          language: client.language,
          birthday: client.birthday ?? null,
          visits: history?.count ?? 0,
          doNotCallSince: client.doNotCall?.at ?? null,
        },
        lastVisit: visit ? lastVisitOf(visit) : null,
        openComplaints: complaints
          .filter((c) => c.clientId === client.id)
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((c) => ({ id: c.id, kind: c.kind, status: c.status, createdAt: c.createdAt, description: c.description })),
      },
    ];
  });
}
