import { z } from 'zod';
import { DoneSchema as Done } from './done.ts';
import { CommandIdSchema, freeText, IdSchema } from '../schemas/common.schema.ts';
import { DEFAULT_LANGUAGE_OFFERED, SalonProfileSchema, SalonProfileShape } from '../schemas/salon.schema.ts';
import { PinSchema, type StaffRole } from '../schemas/staff.schema.ts';
import { OpeningDayInputSchema } from './settings.ts';
import { StaffSessionSchema } from './views.ts';

/**
 * First start (#13): an empty data directory's hub prints a one-time set-up code; the first tablet that opens /staff/
 * with it walks the owner through the salon's settings and their own name and PIN, in one request that saves all of
 * it or nothing, and pairs that tablet as the manager's. Also the PIN commands and the manager's salon settings.
 */

/** The set-up code as printed ("12345 67890"): ten digits; spaces and dashes typed with it are ignored. */
export const SETUP_CODE_DIGITS = 10;
export const SetupCodeSchema = z
  .string()
  .max(40, 'setup_code_format')
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{10}$/, 'setup_code_format'));

/** The code in the groups the start-up banner prints it in. */
export const formatSetupCode = (code: string): string => `${code.slice(0, 5)} ${code.slice(5)}`;

/** The two PIN fields of every PIN form: the same PIN typed twice. */
const pinTwice = { pin: PinSchema, pinAgain: z.string().max(8, 'pin_mismatch') };
const samePinTwice = { message: 'pin_mismatch', path: ['pinAgain'] };

/** The owner's opening hours: Sunday … Saturday, each open from a start until a later end, or closed; one day open. */
export const SetupOpeningHoursSchema = z
  .array(OpeningDayInputSchema)
  .length(7, 'invalid')
  .refine((days) => days.some((d) => d !== null), 'opening_hours_none');

export const SetupOwnerSchema = z
  .object({ name: freeText(60).pipe(z.string().min(1, 'required')), ...pinTwice })
  .strict()
  .refine((o) => o.pin === o.pinAgain, samePinTwice);

/** Everything the set-up wizard collected; each part is also checked on its own on the tablet, step by step. */
export const SetupInputSchema = z
  .object({
    code: SetupCodeSchema,
    salon: SalonProfileSchema,
    openingHours: SetupOpeningHoursSchema,
    owner: SetupOwnerSchema,
    deviceName: freeText(60).pipe(z.string().min(1, 'required')),
  })
  .strict();
export type SetupInput = z.input<typeof SetupInputSchema>;

/** `POST /api/setup/code`: is this the code? (The wizard asks first, so that nobody types everything for nothing.) */
export const SetupCodeCheckSchema = z.object({ code: SetupCodeSchema }).strict();

/** `GET /api/setup`: whether this hub still waits for its set-up. Anyone may ask; it says nothing else. */
export const SetupStatusSchema = z.object({ needed: z.boolean() });

/** `POST /api/setup`: the tablet is now paired as the owner's and signed in as them. */
export const SetupResultSchema = z.object({
  deviceId: IdSchema,
  deviceSecret: z.string(),
  session: StaffSessionSchema,
});
export type SetupResult = z.infer<typeof SetupResultSchema>;

// ---- PINs ----
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

/** The manager sets or resets anyone's PIN (typed twice). The hub keeps only its salted hash. */
export const PinSetInputSchema = command({ staffId: IdSchema, ...pinTwice }).refine((p) => p.pin === p.pinAgain, samePinTwice);
/** A staff member changes their own PIN: the old one (wrong ones count as failed PINs), the new one twice. */
export const PinChangeInputSchema = command({ oldPin: PinSchema, ...pinTwice })
  .refine((p) => p.pin === p.pinAgain, samePinTwice)
  .refine((p) => p.pin !== p.oldPin, { message: 'pin_unchanged', path: ['pin'] });

/** The manager's salon settings after the set-up: the same fields as the set-up's first steps. */
export const SalonProfileInputSchema = command(SalonProfileShape).refine(...DEFAULT_LANGUAGE_OFFERED);

const MANAGER = ['manager'] as const satisfies readonly StaffRole[];
const ALL_STAFF = ['beautician', 'front_desk', 'manager'] as const satisfies readonly StaffRole[];

/** Spread into STAFF_COMMANDS. */
export const SETUP_STAFF_COMMANDS = {
  'staff:setPin': { input: PinSetInputSchema, output: Done, roles: MANAGER },
  'auth:changePin': { input: PinChangeInputSchema, output: Done, roles: ALL_STAFF },
  'settings:salon': { input: SalonProfileInputSchema, output: Done, roles: MANAGER },
} as const;
