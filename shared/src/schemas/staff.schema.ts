import { z } from 'zod';
import { IdSchema, freeText } from './common.schema.ts';
import { WeeklyShiftsSchema } from './floor.schema.ts';

export const STAFF_ROLES = ['beautician', 'front_desk', 'manager'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

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
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** A PIN is 4–8 digits, typed on the tablet's keypad. */
export const PinSchema = z.string().regex(/^\d{4,8}$/, 'pin_format');
