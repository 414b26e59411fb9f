import { z } from 'zod';
import { CommandIdSchema, freeText, IdSchema } from '../schemas/common.schema.ts';
import { FollowUpKindSchema } from '../schemas/catalogue.schema.ts';
import { TimeOfDaySchema } from '../schemas/floor.schema.ts';
import { DayChangeReasonSchema, SalonDateSchema, StaffRoleSchema } from '../schemas/staff.schema.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';

/**
 * The manager's catalogue, staff and rooms screens (issue #13): one command per kind of item, each a whole form
 * (a new item when `id` is null). Everything a form can get wrong is checked here, field by field, so the tablet
 * shows each problem beside its field before sending and the hub refuses the same way; what needs the salon's data
 * (a duplicate name, a price's decimals in the salon's currency, an archived item that something depends on) is
 * checked by the hub's decisions and reported on the same fields. Manager only.
 */
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();
const text = (max: number, required: boolean) => (required ? freeText(max).pipe(z.string().min(1, 'required')) : freeText(max));
const bilingual = (max: number, required = true) => z.object({ en: text(max, required), 'zh-CN': text(max, required) }).strict();

export const CATALOGUE_LIMITS = { name: 80, aftercare: 4000, howToUse: 2000, brand: 80, unit: 40, staffName: 60, roomName: 40 } as const;

/**
 * A price as the manager typed it ("45.50"): a plain non-negative decimal here; the hub turns it into the salon
 * currency's minor units and refuses more decimals than that currency has (domain/money.ts).
 */
export const PriceInputSchema = z
  .string()
  .trim()
  .max(20, 'price_format')
  .refine((s) => s !== '', 'required')
  .refine((s) => !s.startsWith('-'), 'price_negative')
  .refine((s) => s === '' || s.startsWith('-') || /^[\d,]+(\.\d*)?$/.test(s), 'price_format');

const whole = (min: number, max: number, rule: string) => z.number({ error: rule }).int(rule).min(min, rule).max(max, rule);

export const CategoryInputSchema = command({
  id: IdSchema.nullable(),
  name: bilingual(CATALOGUE_LIMITS.name),
  consultation: z.boolean(),
  archived: z.boolean(),
});
export type CategoryInput = z.infer<typeof CategoryInputSchema>;

/** The categories in the order the kiosk lists them: every current category once. */
export const CategoryOrderInputSchema = command({ ids: z.array(IdSchema).min(1).max(200) });

/** A skill or a piece of equipment. */
export const TermInputSchema = command({ id: IdSchema.nullable(), name: bilingual(CATALOGUE_LIMITS.name), archived: z.boolean() });
export type TermInput = z.infer<typeof TermInputSchema>;

export const ServiceInputSchema = command({
  id: IdSchema.nullable(),
  name: bilingual(CATALOGUE_LIMITS.name),
  categoryId: IdSchema,
  durationMin: whole(5, 480, 'duration_range'),
  price: PriceInputSchema,
  requiredSkill: IdSchema,
  equipment: z.array(IdSchema).max(10, 'too_many'),
  cleaningBufferMin: whole(0, 120, 'buffer_range'),
  aftercare: bilingual(CATALOGUE_LIMITS.aftercare, false),
  /** The usual interval before the client's next visit: rebooking reminders and win-back (#13). */
  usualIntervalWeeks: whole(1, 104, 'interval_range').nullable(),
  /**
   * "Next treatment in N weeks" on the aftercare sheet (the service's aftercare guide), a different thing from the
   * interval above: absent leaves the guide's as it is (older tablets, the seed).
   */
  nextTreatmentWeeks: whole(1, 52, 'next_treatment_range').nullable().optional(),
  onlineRebooking: z.boolean(),
  archived: z.boolean(),
});
export type ServiceInput = z.infer<typeof ServiceInputSchema>;

export const ProductInputSchema = command({
  id: IdSchema.nullable(),
  name: bilingual(CATALOGUE_LIMITS.name),
  brand: text(CATALOGUE_LIMITS.brand, false),
  price: PriceInputSchema,
  unit: text(CATALOGUE_LIMITS.unit, false),
  howToUse: bilingual(CATALOGUE_LIMITS.howToUse, false),
  followUp: FollowUpKindSchema,
  archived: z.boolean(),
});
export type ProductInput = z.infer<typeof ProductInputSchema>;

// ---- staff and their week ----
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** "00:00" as an end is midnight at the end of the day (a shift until closing at midnight). */
const endMinutes = (hhmm: string): number => (hhmm === '00:00' ? 24 * 60 : minutes(hhmm));

/**
 * One working day typed on the form: it ends after it starts (no night shifts on this form), and its breaks each end
 * after they start, fall inside the shift and do not overlap. Each problem is reported on the field to change.
 */
export const ShiftInputSchema = z
  .object({
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    breaks: z.array(z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema }).strict()).max(6, 'too_many'),
  })
  .strict()
  .superRefine((shift, ctx) => {
    const start = minutes(shift.start);
    const end = endMinutes(shift.end);
    if (end <= start) ctx.addIssue({ code: 'custom', message: 'shift_order', path: ['end'] });
    const spans = shift.breaks.map((b, i) => ({ i, start: minutes(b.start), end: endMinutes(b.end) }));
    for (const b of spans) {
      if (b.end <= b.start) ctx.addIssue({ code: 'custom', message: 'break_order', path: ['breaks', b.i, 'end'] });
      else if (end > start && (b.start < start || b.end > end)) ctx.addIssue({ code: 'custom', message: 'break_outside', path: ['breaks', b.i, 'start'] });
    }
    const ordered = spans.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
    for (let k = 1; k < ordered.length; k++) {
      const [before, after] = [ordered[k - 1]!, ordered[k]!];
      if (after.start < before.end) ctx.addIssue({ code: 'custom', message: 'break_overlap', path: ['breaks', after.i, 'start'] });
    }
  });

export const StaffInputSchema = command({
  id: IdSchema.nullable(),
  name: text(CATALOGUE_LIMITS.staffName, true),
  role: StaffRoleSchema,
  skills: z.array(IdSchema).max(30, 'too_many'),
  active: z.boolean(),
  /** Index 0 is Sunday … 6 Saturday; null is a day off. */
  weeklyShifts: z.array(ShiftInputSchema.nullable()).length(7, 'invalid'),
});
export type StaffInput = z.infer<typeof StaffInputSchema>;

export const RoomInputSchema = command({
  id: IdSchema.nullable(),
  name: text(CATALOGUE_LIMITS.roomName, true),
  equipment: z.array(IdSchema).max(20, 'too_many'),
  cleaningBufferMin: whole(0, 120, 'buffer_range'),
  outOfService: z.boolean(),
});
export type RoomInput = z.infer<typeof RoomInputSchema>;

/**
 * Leave and one-off changes (#13): one day of one staff member worked differently (`change.shift`), not at all
 * (`change.shift` null: sick, on leave), back to the usual week (`change` null), or swapped with a colleague
 * (`swapWith`: each works the other's shift that day).
 */
export const DayChangeInputSchema = command({
  staffId: IdSchema,
  date: SalonDateSchema.refine(isCalendarDate, 'date_format'),
  change: z.object({ shift: ShiftInputSchema.nullable(), reason: DayChangeReasonSchema }).strict().nullable(),
  swapWith: IdSchema.nullable().default(null),
});
export type DayChangeInput = z.infer<typeof DayChangeInputSchema>;

const Saved = z.object({ id: IdSchema });

/** The manager's catalogue, staff and rooms commands (spread into STAFF_COMMANDS). */
export const CATALOGUE_STAFF_COMMANDS = {
  'catalogue:category': { input: CategoryInputSchema, output: Saved, roles: ['manager'] },
  'catalogue:orderCategories': { input: CategoryOrderInputSchema, output: z.object({}), roles: ['manager'] },
  'catalogue:skill': { input: TermInputSchema, output: Saved, roles: ['manager'] },
  'catalogue:equipment': { input: TermInputSchema, output: Saved, roles: ['manager'] },
  'catalogue:service': { input: ServiceInputSchema, output: Saved, roles: ['manager'] },
  'catalogue:product': { input: ProductInputSchema, output: Saved, roles: ['manager'] },
  'staff:save': { input: StaffInputSchema, output: Saved, roles: ['manager'] },
  'room:save': { input: RoomInputSchema, output: Saved, roles: ['manager'] },
  'staff:dayChange': { input: DayChangeInputSchema, output: Saved, roles: ['manager'] },
} as const;
