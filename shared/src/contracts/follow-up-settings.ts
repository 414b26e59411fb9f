import { z } from 'zod';
import { DoneSchema as Done } from './done.ts';
import { CommandIdSchema } from '../schemas/common.schema.ts';
import { FollowUpSettingsSchema } from '../schemas/follow-up-settings.schema.ts';

/**
 * The manager saves the salon's follow-up settings (#16) whole: which rules run, their days, call or message, the
 * wording in both languages, holidays, seasonal messages, the birthday offer and the client classes. The schema
 * checks the shape and the numbers; the hub checks every wording's {placeholders} (templates.ts) and refuses an
 * unknown one naming it and the field, in the manager's language. Nothing is saved unless all is valid.
 */
export const FollowUpSettingsInputSchema = z.object({ commandId: CommandIdSchema, settings: FollowUpSettingsSchema }).strict();
export type FollowUpSettingsInput = z.infer<typeof FollowUpSettingsInputSchema>;

/** Spread into STAFF_COMMANDS. */
export const FOLLOW_UP_SETTINGS_STAFF_COMMANDS = {
  'followUps:saveSettings': { input: FollowUpSettingsInputSchema, output: Done, roles: ['manager'] },
} as const;
