import { addDays, closedDay } from '@glow/shared';
import { decideSessionCloseFollowUps, todayOf } from '../../../hub/src/services/follow-ups/follow-up-decisions.ts';
import { LowdbStore } from '../../../hub/src/store/lowdb.store.ts';

/**
 * A realistic follow-up day for the task-list figure (#16): the large-salon seed's visits were written closed, not
 * closed through the hub, so it holds no follow-up task. Here the hub's own decision (`decideSessionCloseFollowUps`,
 * what a session close runs) is asked for every visit closed in the `days` days before `now`, as if nobody had worked
 * the list since, and its tasks are appended to the data directory's journal like any command's changes (the hub
 * replays them at start). Nothing is written by hand: the tasks, their due days, assignees and keys are the rule's.
 * Returns how many open tasks the day then holds.
 */
export async function openFollowUpDays(dir: string, now: number, days: number): Promise<{ openTasks: number; visits: number }> {
  const store = new LowdbStore({ dir });
  const opened = await store.open();
  if (!opened) {
    await store.close();
    throw new Error(`open-follow-ups: ${dir} holds no hub data`);
  }
  try {
    const { state, revision } = opened;
    const zone = state.meta.floor.timeZone;
    const from = addDays(todayOf(state, now), -days);
    const visitIds = Object.values(state.visits)
      .filter((visit) => {
        const day = closedDay(visit, zone);
        return day !== null && day >= from;
      })
      .map((visit) => visit.id);
    const changes = decideSessionCloseFollowUps(state, now, visitIds);
    await store.append({ seq: revision + 1, at: now, commandId: null, command: 'bench:followUpDays', changes });
    const open = Object.values({ ...state.followUpTasks, ...(changes.followUpTasks ?? {}) }).filter((task) => task?.state === 'open');
    return { openTasks: open.length, visits: visitIds.length };
  } finally {
    await store.close();
  }
}
