import { salonDay, salonMoment, type FollowUpTask, type StaffView } from '@glow/shared';

/** Whose calls the list shows: everyone's, the front desk's (tasks with no assignee), or one beautician's. */
export type FollowUpFilter = { kind: 'all' } | { kind: 'desk' } | { kind: 'staff'; staffId: string };

export type FollowUpGroups = {
  overdue: FollowUpTask[];
  today: FollowUpTask[];
  upcoming: FollowUpTask[];
  /** Done or cancelled (the view keeps them a week): what was worked recently, newest first. */
  finished: FollowUpTask[];
};

/** When an open task is to be tried again (its last call's retry time), else null. */
export const retryAtOf = (task: FollowUpTask): number | null => (task.state === 'open' ? (task.attempts.at(-1)?.retryAt ?? null) : null);

export function matchesFilter(task: FollowUpTask, filter: FollowUpFilter): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'desk') return task.assigneeId === null;
  return task.assigneeId === filter.staffId;
}

const byDue = (a: FollowUpTask, b: FollowUpTask): number =>
  a.dueDate.localeCompare(b.dueDate) || (retryAtOf(a) ?? 0) - (retryAtOf(b) ?? 0) || a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The list of calls as the tablet shows it: overdue (due before the salon's today), due today, upcoming, and
 * finished recently; each in the order they are due (a retry later today after one due this morning).
 */
export function followUpGroups(tasks: Iterable<FollowUpTask>, today: string, filter: FollowUpFilter): FollowUpGroups {
  const groups: FollowUpGroups = { overdue: [], today: [], upcoming: [], finished: [] };
  for (const task of tasks) {
    if (!matchesFilter(task, filter)) continue;
    if (task.state !== 'open') groups.finished.push(task);
    else if (task.dueDate < today) groups.overdue.push(task);
    else if (task.dueDate === today) groups.today.push(task);
    else groups.upcoming.push(task);
  }
  groups.overdue.sort(byDue);
  groups.today.sort(byDue);
  groups.upcoming.sort(byDue);
  const last = (t: FollowUpTask) => t.attempts.at(-1)?.at ?? t.createdAt;
  groups.finished.sort((a, b) => last(b) - last(a));
  return groups;
}

/** The calls to make now (overdue and due today) that the signed-in person may work: the count on the button. */
export function callsDue(view: StaffView, today: string, staffId: string, desk: boolean): number {
  let n = 0;
  for (const task of Object.values(view.followUpTasks ?? {})) {
    if (task.state === 'open' && task.dueDate <= today && (desk || task.assigneeId === staffId)) n++;
  }
  return n;
}

/** The salon's today at `now` (its time zone, never the tablet's). */
export const salonToday = (now: number, timeZone: string): string => salonDay(now, timeZone) ?? new Date(now).toISOString().slice(0, 10);

/** The next `n` salon days from today (YYYY-MM-DD), for choosing when to call again. */
export function nextDays(today: string, n: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));
}

export { salonMoment };
