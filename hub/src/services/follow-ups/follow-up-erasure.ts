import type { Changes, HubState } from '../../store/hub-state.ts';

/**
 * A client's erasure deletes every follow-up task of hers, open or done, attempts and notes included (the journal's
 * older entries go when it is trimmed, like every record of hers). Whoever erases a client merges these changes into
 * the same command, beside the outbox's (outboxErasure).
 */
export function followUpErasure(state: Readonly<Pick<HubState, 'followUpTasks'>>, clientId: string): Changes {
  const removed: Record<string, null> = {};
  for (const task of Object.values(state.followUpTasks)) if (task.clientId === clientId) removed[task.id] = null;
  return Object.keys(removed).length > 0 ? { followUpTasks: removed } : {};
}

/**
 * Two records of one person merged (the manager confirms; `from` goes into `into`): her follow-up tasks, with their
 * attempts, move to the record kept, so the call history stays whole and no rule calls her twice for one visit (the
 * dedupe keys name visits and bookings, not the record). Merged into the merge command's changes.
 */
export function followUpMerge(state: Readonly<Pick<HubState, 'followUpTasks'>>, fromId: string, intoId: string): Changes {
  const moved: NonNullable<Changes['followUpTasks']> = {};
  for (const task of Object.values(state.followUpTasks)) if (task.clientId === fromId) moved[task.id] = { ...task, clientId: intoId };
  return Object.keys(moved).length > 0 ? { followUpTasks: moved } : {};
}
