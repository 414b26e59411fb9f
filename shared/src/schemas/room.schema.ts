import { z } from 'zod';
import { IdSchema, TimestampSchema, freeText } from './common.schema.ts';

export const ROOM_STATES = ['free', 'occupied', 'cleaning', 'out_of_service'] as const;
export const RoomStateSchema = z.enum(ROOM_STATES);
export type RoomState = z.infer<typeof RoomStateSchema>;

export const RoomSchema = z.object({
  id: IdSchema,
  name: freeText(40).pipe(z.string().min(1, 'required')),
  equipment: z.array(IdSchema).max(20),
  state: RoomStateSchema,
  /** The visit using the room while it is occupied. */
  visitId: IdSchema.nullable(),
  /** Minutes the room needs between clients; the salon sets it per room. */
  cleaningBufferMin: z.number().int().min(0).max(120),
  /** While cleaning: when the buffer ends and the room frees itself (a beautician may mark it ready sooner). */
  cleaningUntil: TimestampSchema.nullable(),
});
export type Room = z.infer<typeof RoomSchema>;
