import { z } from 'zod';
import { IdSchema, LanguageSchema } from '../schemas/common.schema.ts';

/** A kiosk is a paired device like a tablet: its credential (from `/api/devices/pair` with kind `kiosk`) is required. */
export const KioskHandshakeSchema = z.object({
  protocolVersion: z.number().int(),
  deviceId: IdSchema,
  deviceSecret: z.string().min(16).max(200),
  language: LanguageSchema.default('en'),
});
export type KioskHandshake = z.input<typeof KioskHandshakeSchema>;

export const StaffHandshakeSchema = z.object({
  protocolVersion: z.number().int(),
  deviceId: IdSchema,
  deviceSecret: z.string().min(16).max(200),
  /** A staff session token from `auth:login`, to stay signed in across reconnects and reloads. */
  sessionToken: z.string().max(200).optional(),
  /**
   * On a reconnect, the hub revision of the view the tablet holds. Above the hub's own, it proves the hub lost
   * acknowledged changes: the hub says so loudly (log and the manager's alert) instead of quietly sending older data.
   */
  revision: z.number().int().nonnegative().optional(),
  language: LanguageSchema.default('en'),
});
export type StaffHandshake = z.input<typeof StaffHandshakeSchema>;
