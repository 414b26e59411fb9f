import type { Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { scanMergeLinks, sweepGroupOf } from './follow-up-merge-group.ts';

/** The task's client and every record merged into hers (a merge moves her tasks to the kept record, not her visits). */
export function taskClientGroup(state: Readonly<HubState>, clientId: string): string[] {
  return sweepGroupOf(clientId, scanMergeLinks(state.clients));
}

/** The task's own visit when among `visits`, else the latest closed visit of the group among them; null when none. */
export function pickTaskVisit(visits: Iterable<Visit>, task: { visitId: string | null }, group: ReadonlySet<string>): Visit | null {
  let latest: Visit | null = null;
  for (const visit of visits) {
    if (!group.has(visit.clientId)) continue;
    if (task.visitId !== null && visit.id === task.visitId) return visit;
    if (visit.state !== 'closed') continue;
    if (!latest || visitTime(visit) > visitTime(latest)) latest = visit;
  }
  return latest;
}

/**
 * The visit a call is about: the task's own visit when the hub holds it, else the client's latest closed visit among
 * those in memory (hers or a record's merged into hers). Null when none is in memory: a client never served, or one
 * whose visits are all in months left on disk (a win-back the sweep made from them, #16) — the caller then reads her
 * history from disk (follow-up-history.ts).
 */
export function visitForTask(state: Readonly<HubState>, task: { clientId: string; visitId: string | null }): Visit | null {
  const own = task.visitId ? state.visits[task.visitId] : undefined;
  if (own) return own;
  const group = new Set(taskClientGroup(state, task.clientId));
  return pickTaskVisit(Object.values(state.visits), { visitId: null }, group);
}

/** When a visit happened, for the caller: when it closed, else when the client arrived. */
export const visitTime = (visit: Visit): number =>
  visit.times.closed ?? visit.times.in_service ?? visit.times.checked_in ?? visit.times.queued ?? 0;
