import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.schema.ts';

/**
 * What the hub records for the manager when someone may be trying to get in (issue #10, finding 8). Kinds are a closed
 * list so that the tablet can name each one in both languages; add a kind here (and its two labels) before recording it.
 */
export const SECURITY_EVENT_KINDS = [
  'pin_failed',
  'pin_locked',
  'pairing_failed',
  'pairing_limited',
  // The first start's one-time set-up code (#13): apart from pairing codes, since a guesser here aims at the owner's account.
  'setup_code_failed',
  'setup_code_limited',
  'device_revoked',
  'session_refused',
  'origin_refused',
  'host_refused',
  'rate_limited',
] as const;
export const SecurityEventKindSchema = z.enum(SECURITY_EVENT_KINDS);
export type SecurityEventKind = z.infer<typeof SecurityEventKindSchema>;

/** What a caller of `securityLog.record` passes: the hub stamps the time and a sequence number. */
export const SecurityEventInputSchema = z
  .object({
    kind: SecurityEventKindSchema,
    /** The paired device involved (the one that failed, or the one revoked), when known. */
    deviceId: IdSchema.nullable().default(null),
    /** The staff member whose PIN was tried or who did the revoking, when known. */
    staffId: IdSchema.nullable().default(null),
    /** The network address the attempt came from (IP), when known. */
    address: z.string().max(100).nullable().default(null),
    /** A short machine-readable detail (the refused origin or host, the command that was rate-limited). Never a secret. */
    detail: z.string().max(200).default(''),
  })
  .strict();
export type SecurityEventInput = z.input<typeof SecurityEventInputSchema>;

export const SecurityEventSchema = SecurityEventInputSchema.extend({
  /** Increasing within one run of the hub: the list's key and its order. */
  seq: z.number().int().nonnegative(),
  /** When it last happened. */
  at: TimestampSchema,
  /** How many times it happened in a row (the same kind, device, person, address and detail within a minute). */
  count: z.number().int().min(1),
});
export type SecurityEvent = z.infer<typeof SecurityEventSchema>;
