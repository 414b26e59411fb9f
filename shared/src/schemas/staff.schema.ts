import { z } from 'zod';
import { IdSchema, freeText } from './common.schema.ts';
import { ShiftSchema, WeeklyShiftsSchema } from './floor.schema.ts';

export const STAFF_ROLES = ['beautician', 'front_desk', 'manager'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Why one day differs from someone's usual week (#13): off sick, on leave, a swapped shift, anything else. */
export const DAY_CHANGE_REASONS = ['sick', 'leave', 'swap', 'other'] as const;
export const DayChangeReasonSchema = z.enum(DAY_CHANGE_REASONS);
/** One day's change: the shift worked that day instead of the usual one, or none (a day off). */
export const DayChangeSchema = z.object({ shift: ShiftSchema.nullable(), reason: DayChangeReasonSchema });
export type DayChange = z.infer<typeof DayChangeSchema>;
/** A calendar date in the salon's time zone, YYYY-MM-DD. */
export const SalonDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format');

/** A staff member as every screen may see them. PIN hashes never leave the hub. */
export const StaffMemberSchema = z.object({
  id: IdSchema,
  name: freeText(60).pipe(z.string().min(1, 'required')),
  role: StaffRoleSchema,
  /** Skill ids matched against a service's required skill. */
  skills: z.array(IdSchema).max(30),
  active: z.boolean(),
  /** When they work, week by week (salon time). */
  weeklyShifts: WeeklyShiftsSchema,
  /**
   * Leave and one-off changes by salon date (sick today, a swapped shift): that day follows the change instead of the
   * week. The floor, the wait estimates and the slot search read shifts through `memberShiftWindows`.
   */
  dayChanges: z.record(SalonDateSchema, DayChangeSchema).optional(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** A PIN is 4–8 digits, typed on the tablet's keypad. */
export const PinSchema = z.string().regex(/^\d{4,8}$/, 'pin_format');
