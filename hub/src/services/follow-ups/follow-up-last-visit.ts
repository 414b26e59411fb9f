import type { Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';

/**
 * The visit a call is about: the task's own visit when the hub holds it, else the client's latest closed visit among
 * those in memory. Null when none is in memory: a client never served, or one whose visits are all in months left on
 * disk (a win-back the sweep made from them, #16; its call records no complaint about a visit this old).
 */
export function visitForTask(state: Readonly<HubState>, task: { clientId: string; visitId: string | null }): Visit | null {
  const own = task.visitId ? state.visits[task.visitId] : undefined;
  if (own) return own;
  let latest: Visit | null = null;
  for (const visit of Object.values(state.visits)) {
    if (visit.clientId !== task.clientId || visit.state !== 'closed') continue;
    if (!latest || (visit.times.closed ?? 0) > (latest.times.closed ?? 0)) latest = visit;
  }
  return latest;
}

/** When a visit happened, for the caller: when it closed, else when the client arrived. */
export const visitTime = (visit: Visit): number =>
  visit.times.closed ?? visit.times.in_service ?? visit.times.checked_in ?? visit.times.queued ?? 0;
