import { z } from 'zod';
import { CommandIdSchema, IdSchema } from '../schemas/common.schema.ts';
import { MESSAGE_STATES, OutboxMessageSchema } from '../schemas/outbox.schema.ts';
import { isAllowedSmtpHost, isAllowedWebhookHost } from '../domain/webhook-host.ts';
import {
  OutboxSettingsViewSchema,
  QuietHoursSchema,
  SmtpSettingsSchema,
  WebhookUrlSchema,
} from '../schemas/outbox-settings.schema.ts';

/**
 * The outbox (#16): how the salon's messages leave, and what left. Manager only, every command: the messages hold
 * client's personal data and the settings a password. (A client's e-mail is set by the front desk as well.)
 */
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

/**
 * The settings as the manager saves them. `password`: absent keeps the one set, `''` removes it, anything else
 * replaces it (the hub seals it before it is journaled; no answer or view ever carries it).
 */
export const OutboxSettingsInputSchema = command({
  smtp: SmtpSettingsSchema.refine((s) => isAllowedSmtpHost(s.host), { message: 'host_internal', path: ['host'] }).nullable(),
  password: z.string().max(500, 'too_long').optional(),
  // Not a link-local, unspecified or metadata address (SSRF): checked on what the manager saves, not on settings stored.
  webhookUrl: WebhookUrlSchema.refine(isAllowedWebhookHost, 'url_internal').nullable(),
  quietHours: QuietHoursSchema.nullable(),
  dailyCap: z.number().int().min(1, 'cap_range').max(100_000, 'cap_range').nullable(),
  maxAttempts: z.number().int().min(1, 'attempts_range').max(20, 'attempts_range'),
  keepBodiesDays: z.number().int().min(1, 'keep_range').max(3650, 'keep_range'),
});
export type OutboxSettingsInput = z.input<typeof OutboxSettingsInputSchema>;

/** A test message now, through the sender chosen, with the settings as saved: e-mail to an address, or the webhook. */
export const OutboxTestSendInputSchema = command({
  channel: z.enum(['email', 'webhook']),
  /** The address to write to (email), or the phone the webhook is told (webhook). */
  to: z.string().trim().min(1, 'required').max(254, 'too_long'),
});
export const OutboxTestSendResultSchema = z.object({ detail: z.string() });

export const OutboxListInputSchema = command({
  state: z.enum(MESSAGE_STATES).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(200),
});
/** A message as the manager's list shows it: with the client's name. */
export const OutboxEntrySchema = OutboxMessageSchema.extend({ clientName: z.string() });
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export const OutboxListResultSchema = z.object({
  settings: OutboxSettingsViewSchema,
  messages: z.array(OutboxEntrySchema),
  /** How many there are in each state (all of them, not only those listed). */
  counts: z.partialRecord(z.enum(MESSAGE_STATES), z.number().int()),
});
export type OutboxListResult = z.infer<typeof OutboxListResultSchema>;

export const OutboxMessageInputSchema = command({ messageId: IdSchema });

export const OUTBOX_STAFF_COMMANDS = {
  'outbox:settings': { input: OutboxSettingsInputSchema, output: OutboxSettingsViewSchema, roles: ['manager'] },
  'outbox:testSend': { input: OutboxTestSendInputSchema, output: OutboxTestSendResultSchema, roles: ['manager'] },
  'outbox:list': { input: OutboxListInputSchema, output: OutboxListResultSchema, roles: ['manager'] },
  /** A failed or uncertain message queued again (a new try counts from one). */
  'outbox:resend': { input: OutboxMessageInputSchema, output: z.object({ messageId: IdSchema }), roles: ['manager'] },
  /** A message that is waiting, failed or uncertain, dropped. */
  'outbox:cancel': { input: OutboxMessageInputSchema, output: z.object({ messageId: IdSchema }), roles: ['manager'] },
} as const;
