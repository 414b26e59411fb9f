import type { FollowUpContext } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { StorePort } from '../../store/store.port.ts';
import { lastVisitOf } from './follow-up-context.ts';
import { scanMergeLinks, sweepGroupOf } from './follow-up-merge-group.ts';
import { pickTaskVisit } from './follow-up-last-visit.ts';

/**
 * The caller's context for calls about clients the hub holds no visit of in memory (#16): a win-back or a birthday
 * call about a client last seen in a month left on disk, or whose visits are on a record merged into hers. Without
 * this the caller would dial with "no visit on file". Only the contexts that found no visit are completed, and only
 * for clients the store's per-client month index lists (no month is read for anyone else); their visits are read off
 * the command path, in one batch. The visit count then includes the visits on disk.
 */
export async function contextsWithHistory(
  state: () => Readonly<HubState>,
  store: Pick<StorePort, 'clientHistory' | 'clientLastMonths'>,
  contexts: FollowUpContext[],
): Promise<FollowUpContext[]> {
  const missing = contexts.filter((c) => c.lastVisit === null);
  if (missing.length === 0) return contexts;
  const onDisk = await store.clientLastMonths();
  const links = scanMergeLinks(state().clients);
  const groups = new Map(missing.map((c) => [c.taskId, sweepGroupOf(c.client.id, links)]));
  const wanted = [...new Set([...groups.values()].flat())].filter((id) => onDisk.has(id));
  if (wanted.length === 0) return contexts;
  const history = await store.clientHistory(wanted);
  const now = state();
  return contexts.map((context) => {
    const group = groups.get(context.taskId);
    const task = now.followUpTasks[context.taskId];
    if (!group || !task) return context;
    const members = new Set(group);
    const theirs = history.filter((v) => members.has(v.clientId) && v.state === 'closed' && !now.visits[v.id]);
    const visit = pickTaskVisit(theirs, task, members);
    if (!visit) return context;
    return { ...context, client: { ...context.client, visits: context.client.visits + theirs.length }, lastVisit: lastVisitOf(visit) };
  });
}
