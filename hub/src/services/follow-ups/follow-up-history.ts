import type { Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { StorePort } from '../../store/store.port.ts';
import { isRefusal } from '../app-error.ts';
import type { Actor } from '../visit-access.ts';
import { loadTaskFor } from './follow-up-access.ts';
import { taskClientGroup, visitForTask } from './follow-up-last-visit.ts';

/**
 * What a "problem found" on a follow-up call needs from disk (#16): the visits of the task's client (and of the
 * records merged into hers) in months left on disk, when the hub holds none of hers in memory — a win-back or a
 * birthday call about a client last seen years ago. Read off the command path, before the decision (which stays pure
 * and checks again on the state it runs on); nothing is read for any other outcome, for a task the caller may not
 * work, or when a visit is in memory.
 */
export async function historyForProblem(
  state: () => Readonly<HubState>,
  store: Pick<StorePort, 'clientHistory'>,
  actor: Actor,
  input: { taskId: string; outcome: string },
): Promise<Visit[]> {
  if (input.outcome !== 'problem') return [];
  const task = loadTaskFor(state(), actor, input.taskId);
  if (isRefusal(task) || task.state !== 'open' || visitForTask(state(), task)) return [];
  return store.clientHistory(taskClientGroup(state(), task.clientId));
}
