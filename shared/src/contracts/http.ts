import { z } from 'zod';
import { freeText, IdSchema, TimestampSchema } from '../schemas/common.schema.ts';

/**
 * /api/health: `writable` says whether the hub's last write reached the disk (a journal group, a checkpoint); a hub
 * that cannot save is not healthy, whatever else works, and answers 503 with the reason.
 */
export const HealthSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), writable: z.literal(true), version: z.string(), revision: z.number().int() }),
  z.object({
    ok: z.literal(false),
    writable: z.literal(false),
    reason: z.string(),
    version: z.string(),
    revision: z.number().int(),
  }),
]);
export type Health = z.infer<typeof HealthSchema>;

/**
 * What a paired device is: a staff tablet (the /staff namespace, staff sign in on it) or a lobby kiosk (the /kiosk
 * namespace). A pairing code is made for one kind, and a device's credential opens only its own namespace.
 */
export const DeviceKindSchema = z.enum(['tablet', 'kiosk']);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/** Pairing a staff tablet or a kiosk: the one-time code from the manager or the start-up log. */
export const PairRequestSchema = z
  .object({
    code: z.string().trim().regex(/^\d{6}$/, 'pairing_code_format'),
    deviceName: freeText(60).pipe(z.string().min(1, 'required')),
    /** The kind of device asking (every app says which it is); it must be the kind the code was made for. */
    kind: DeviceKindSchema,
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
