import type { DayChange, DayChangeInput, Shift, StaffMember } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';

/**
 * Leave and one-off changes (#13): a day of someone's week worked differently, not at all (sick, leave), back to
 * normal, or swapped with a colleague. Stored on the staff record by salon date, so the floor, the wait estimates and
 * the slot search (which read shifts through memberShiftWindows) follow at once. Past days are dropped from the
 * record as it changes: the journal keeps them.
 */
const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The shift someone works on a date: the day's change if there is one, else their week's. */
export function shiftOn(member: StaffMember, date: string): Shift | null {
  const change = member.dayChanges?.[date];
  return change ? change.shift : (member.weeklyShifts[weekdayOf(date)] ?? null);
}

function withChange(member: StaffMember, date: string, change: DayChange | null, today: string): StaffMember {
  const kept = Object.entries(member.dayChanges ?? {}).filter(([d]) => d >= today && d !== date);
  const dayChanges = Object.fromEntries(change ? [...kept, [date, change]] : kept);
  return { ...member, dayChanges };
}

export function decideDayChange(
  state: Readonly<HubState>,
  today: string,
  input: Omit<DayChangeInput, 'commandId'>,
): Decision<{ id: string }> | Refusal {
  const member = state.staff[input.staffId];
  if (!member || !member.active) return refuse('not_found', 'unknown_staff');
  if (input.date < today) return refuse('invalid_input', 'date_past', undefined, [{ field: 'date', rule: 'date_past' }]);
  if (input.swapWith !== null) {
    const other = state.staff[input.swapWith];
    if (!other || !other.active || other.id === member.id) return refuse('invalid_input', 'unknown_choice', undefined, [{ field: 'swapWith', rule: 'unknown_choice' }]);
    const mine = shiftOn(member, input.date);
    const theirs = shiftOn(other, input.date);
    if (!mine && !theirs) return refuse('invalid_input', 'swap_nothing', undefined, [{ field: 'swapWith', rule: 'swap_nothing' }]);
    return {
      changes: {
        staff: {
          [member.id]: withChange(member, input.date, { shift: theirs, reason: 'swap' }, today),
          [other.id]: withChange(other, input.date, { shift: mine, reason: 'swap' }, today),
        },
      },
      result: { id: member.id },
    };
  }
  const change = input.change ? { shift: input.change.shift, reason: input.change.reason } : null;
  return { changes: { staff: { [member.id]: withChange(member, input.date, change, today) } }, result: { id: member.id } };
}
