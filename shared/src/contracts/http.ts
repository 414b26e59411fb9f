import { z } from 'zod';
import { freeText, IdSchema, TimestampSchema } from '../schemas/common.schema.ts';

export const HealthSchema = z.object({ ok: z.literal(true), version: z.string(), revision: z.number().int() });
export type Health = z.infer<typeof HealthSchema>;

/** Pairing a staff tablet: the one-time code from the manager or the start-up log. */
export const PairRequestSchema = z
  .object({
    code: z.string().trim().regex(/^\d{6}$/, 'pairing_code_format'),
    deviceName: freeText(60).pipe(z.string().min(1, 'required')),
  })
  .strict();
export type PairRequest = z.input<typeof PairRequestSchema>;

export const PairResponseSchema = z.object({
  deviceId: IdSchema,
  /** Shown once; the hub keeps only its hash. */
  deviceSecret: z.string(),
  pairedAt: TimestampSchema,
});
export type PairResponse = z.infer<typeof PairResponseSchema>;
