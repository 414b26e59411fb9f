import { addDays, salonDay, type FollowUpTask } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { isSignedIn, seesFloor, type Audience } from '../views.ts';

/** Finished tasks stay on the tablets for a week after their day (what was done recently); open ones until done. */
const FINISHED_SHOWN_DAYS = 7;

/** The last answer of followUpsShownSince: a snapshot asks it once per task listed (2,000 on a week of calls). */
let last: { now: number; zone: string; since: string } | null = null;

/** The first due day of a finished task still shown at `now`. */
export function followUpsShownSince(state: Readonly<HubState>, now: number): string {
  const zone = state.meta.floor.timeZone;
  if (last?.now === now && last.zone === zone) return last.since;
  const today = salonDay(now, zone) ?? new Date(now).toISOString().slice(0, 10);
  last = { now, zone, since: addDays(today, -FINISHED_SHOWN_DAYS) };
  return last.since;
}

/**
 * Whether an audience sees a follow-up task: the front desk and the manager every one, a beautician only those
 * assigned to her (tasks for the desk, null, are the desk's). Open tasks always; finished ones for a week.
 */
export function followUpShown(audience: Audience, task: FollowUpTask, since: string): boolean {
  if (!isSignedIn(audience)) return false;
  if (!seesFloor(audience) && !(audience.kind === 'beautician' && task.assigneeId === audience.staffId)) return false;
  return task.state === 'open' || task.dueDate >= since;
}
