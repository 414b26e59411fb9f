import type { FollowUpContext, FollowUpTask } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { StorePort } from '../../store/store.port.ts';
import { lastVisitOf } from './follow-up-context.ts';
import { scanMergeLinks, sweepGroupOf } from './follow-up-merge-group.ts';
import { pickTaskVisit } from './follow-up-last-visit.ts';

/**
 * Calls whose point is a past visit: a win-back (she has not come back since) or a call about a visit of its own.
 * Greetings (birthday, holidays, seasonal) do not read the disk for their context: the whole salon's task list asks
 * for hundreds of those at once, and reading every lapsed client's months would hold it far past its budget.
 */
const aboutAVisit = (task: FollowUpTask | undefined): boolean => task !== undefined && (task.rule === 'win_back' || task.visitId !== null);

/**
 * The caller's context for calls about clients the hub holds no visit of in memory (#16): a win-back or a birthday
 * call about a client last seen in a month left on disk, or whose visits are on a record merged into hers. Without
 * this the caller would dial with "no visit on file". Only the contexts of such calls that found no visit are completed, and only
 * for clients the store's per-client month index lists (no month is read for anyone else); their visits are read off
 * the command path, in one batch. The visit count then includes the visits on disk.
 */
export async function contextsWithHistory(
  state: () => Readonly<HubState>,
  store: Pick<StorePort, 'clientHistory' | 'clientLastMonths'>,
  contexts: FollowUpContext[],
): Promise<FollowUpContext[]> {
  const tasks = state().followUpTasks;
  const missing = contexts.filter((c) => c.lastVisit === null && aboutAVisit(tasks[c.taskId]));
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
