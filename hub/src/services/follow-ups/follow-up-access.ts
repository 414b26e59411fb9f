import type { FollowUpTask } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import { isDesk, type Actor } from '../visit-access.ts';

/**
 * Who may work a follow-up task: the front desk and the manager any; a beautician only a task assigned to her (a
 * task for the desk, `assigneeId: null`, is the desk's). The same rule as the view's (follow-up-view.ts), which
 * decides who receives a task at all.
 */
export const mayWorkTask = (actor: Actor, task: FollowUpTask): boolean => isDesk(actor) || task.assigneeId === actor.staffId;

/** Loads a task and checks the actor may work it. */
export function loadTaskFor(state: Readonly<HubState>, actor: Actor, taskId: string): FollowUpTask | Refusal {
  const task = state.followUpTasks[taskId];
  if (!task) return refuse('not_found', 'follow_up_unknown');
  if (!mayWorkTask(actor, task)) return refuse('forbidden', 'follow_up_not_yours');
  return task;
}
