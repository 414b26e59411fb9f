import { z } from 'zod';

/** Machine-readable error codes. The `message` beside them is already in the user's language. */
export const ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'protocol_mismatch',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldIssueSchema = z.object({
  /** Dotted path of the field, e.g. `client.phone`. */
  field: z.string(),
  /** The rule it broke, e.g. `phone_format`, `too_long`, `required`. */
  rule: z.string(),
  /** The rule in the user's language, naming the field. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** A domain reason where the code alone is too coarse, e.g. `illegal_transition`, `room_occupied`. */
  reason: z.string().optional(),
  message: z.string(),
  issues: z.array(FieldIssueSchema).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

/** The answer to every socket command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** HTTP error bodies have the same shape as a failed Ack. */
export const ErrorBodySchema = z.object({ ok: z.literal(false), error: AppErrorSchema });
