import type { z } from 'zod';
import type { StaffStatusSchema } from '../contracts/views.ts';
import type { Timestamp } from '../schemas/common.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { heldVisitId } from './floor.ts';
import { memberShiftWindows, onBreakAt, windowAt } from './shifts.ts';

type StaffStatus = z.infer<typeof StaffStatusSchema>;

/**
 * Whether a staff member is working at `now` by their weekly shifts in the salon's time zone (a day off, an
 * inactive member and an unknown time zone all mean off shift), whether they are on one of that shift's breaks, and
 * the visit they hold (assigned, plan confirmed, in service or closing).
 */
export function staffStatusAt(
  staff: StaffMember,
  visits: readonly Visit[],
  now: Timestamp,
  timeZone: string,
): StaffStatus {
  const windows = staff.active ? memberShiftWindows(staff, now, timeZone) : [];
  const onShift = windowAt(windows, now) !== undefined;
  return {
    staffId: staff.id,
    onShift,
    onBreak: onShift && onBreakAt(windows, now),
    visitId: heldVisitId(staff.id, visits),
  };
}

/** On shift, not on a break, and holding no visit. Role and skills are the planner's business. */
export const canTakeClient = (status: StaffStatus): boolean =>
  status.onShift && !status.onBreak && status.visitId === null;
