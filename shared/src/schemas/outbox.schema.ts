import { z } from 'zod';
import { IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';

/**
 * Messages that leave the salon (#16): the outbox. A message is written here first (journaled), then sent by the
 * hub's delivery loop through one of the senders (SMTP e-mail, a file in the data directory, a webhook that an SMS or
 * WeChat gateway listens on).
 *
 * Who reads it: the manager only (the contents are personal: a client's name, their booking, their birthday); the
 * desk and beauticians never receive it. How it is erased: a sent message keeps its subject and body for the salon's
 * `keepBodiesDays` (default 30), after which the delivery loop reduces it to a delivery record (who, when, kind,
 * channel, outcome — `subject` and `body` emptied, `reduced: true`); a failed or uncertain one is reduced the same way
 * after the same time. A client's erasure removes every message of theirs (`outboxErasure`, hub/src/services/outbox).
 */

/** `service`: what the client needs for a visit they chose (the day-before reminder) — sent even after an opt-out. */
export const MESSAGE_PURPOSES = ['service', 'marketing'] as const;
export const MessagePurposeSchema = z.enum(MESSAGE_PURPOSES);
export type MessagePurpose = z.infer<typeof MessagePurposeSchema>;

/**
 * - `queued`: waiting for its time (notBefore, quiet hours, the daily cap, a retry's back-off);
 * - `sending`: claimed by the delivery loop (journaled before the sender was called);
 * - `sent`: the sender accepted it;
 * - `failed`: refused for good, or still failing after the last try (`lastError` says why);
 * - `uncertain`: the hub stopped while it was `sending`: it may or may not have left. Never resent by itself
 *   (at most once); the manager sees it and may resend;
 * - `cancelled`: the manager dropped it before it was sent.
 */
export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'] as const;
export const MessageStateSchema = z.enum(MESSAGE_STATES);
export type MessageState = z.infer<typeof MessageStateSchema>;

/** How a message left (or was to leave): by e-mail, to the webhook (with the client's phone), or as a file. */
export const MESSAGE_CHANNELS = ['email', 'webhook', 'file'] as const;
export const MessageChannelSchema = z.enum(MESSAGE_CHANNELS);
export type MessageChannel = z.infer<typeof MessageChannelSchema>;

/**
 * Why a try failed, as a code every screen can say in its own language, and the sender's own words (`detail`, the
 * server's reply line or the network error) for the manager who needs to tell their provider.
 */
export const DELIVERY_ERRORS = [
  'network',
  'timeout',
  'refused_temporary',
  'refused_permanent',
  'auth_failed',
  'tls_failed',
  /** The server's certificate is not trusted (self-signed, an unknown authority, another name): nothing was sent. */
  'tls_untrusted',
  'no_address',
  'not_configured',
  'too_many_tries',
  'crashed_while_sending',
  'client_gone',
] as const;
export const DeliveryErrorCodeSchema = z.enum(DELIVERY_ERRORS);
export type DeliveryErrorCode = z.infer<typeof DeliveryErrorCodeSchema>;

export const DeliveryErrorSchema = z.object({
  code: DeliveryErrorCodeSchema,
  detail: z.string().max(500),
  at: TimestampSchema,
});
export type DeliveryError = z.infer<typeof DeliveryErrorSchema>;

export const SUBJECT_MAX = 300;
export const BODY_MAX = 20_000;
export const DEDUPE_KEY_MAX = 200;

export const OutboxMessageSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  purpose: MessagePurposeSchema,
  /** What rule or screen made it: `booking_eve`, `birthday`, `test`, … (free, for the list and the counts). */
  kind: z.string().min(1).max(40),
  language: LanguageSchema,
  subject: z.string().max(SUBJECT_MAX),
  body: z.string().max(BODY_MAX),
  /** One message per key, ever: enqueuing the same key again changes nothing (rules run many times a day). */
  dedupeKey: z.string().min(1).max(DEDUPE_KEY_MAX),
  /** Not sent before this moment (the rules' due time); quiet hours and the cap may hold it longer. */
  notBefore: TimestampSchema,
  createdAt: TimestampSchema,
  state: MessageStateSchema,
  /** Tries begun (each journaled as `sending` before the sender was called). */
  attempts: z.number().int().min(0),
  /** When the delivery loop may look at it next (back-off after a failed try). */
  nextAttemptAt: TimestampSchema,
  /** The channel and address of the last try (an e-mail address, a phone for the webhook, a file name). */
  channel: MessageChannelSchema.nullable(),
  to: z.string().max(320).nullable(),
  lastError: DeliveryErrorSchema.nullable(),
  sentAt: TimestampSchema.nullable(),
  /** When the outcome was final (sent, failed, uncertain, cancelled): what the reduction counts its days from. */
  settledAt: TimestampSchema.nullable(),
  /** Subject and body emptied after the salon's retention (a delivery record remains). */
  reduced: z.boolean(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** What a rule (or the test-send) asks to send: `decideEnqueueMessage` in hub/src/services/outbox. */
export const EnqueueMessageSchema = z.object({
  clientId: IdSchema,
  purpose: MessagePurposeSchema,
  kind: z.string().min(1).max(40),
  language: LanguageSchema,
  subject: z.string().trim().min(1).max(SUBJECT_MAX),
  body: z.string().min(1).max(BODY_MAX),
  dedupeKey: z.string().min(1).max(DEDUPE_KEY_MAX),
  notBefore: TimestampSchema,
});
export type EnqueueMessage = z.infer<typeof EnqueueMessageSchema>;

/** An e-mail address as a person types it (trimmed, lower-cased domain is kept as typed); optional on a client. */
export const EmailSchema = z.string().trim().max(254, 'too_long').pipe(z.email('email_format'));
