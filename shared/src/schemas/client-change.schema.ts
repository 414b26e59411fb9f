import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.schema.ts';

/** The client's details the front desk may correct (#16), each change logged with who and when. */
export const CLIENT_EDIT_FIELDS = ['firstName', 'lastName', 'phone', 'birthday', 'notes', 'language', 'email', 'referredBy'] as const;
export const ClientEditFieldSchema = z.enum(CLIENT_EDIT_FIELDS);
export type ClientEditField = z.infer<typeof ClientEditFieldSchema>;

/**
 * One entry of the client change log (hub collection `clientChanges`, partition of its own):
 * - `edit`: the desk or the manager corrected fields of `clientId` (each field's value before and after);
 * - `merge_proposed`: the desk found `otherClientId` to be the same person as `clientId` (the record kept);
 * - `merge`: the manager merged `otherClientId` into `clientId`; the merged record points to the kept one;
 * - `merge_declined`: the manager declined the desk's proposal to merge `otherClientId` into `clientId`, with `reason`.
 * Who may read it: the front desk and the manager, on the client's record (`clients:record`), never a beautician or a
 * kiosk (it is not in any live view). How it is erased: with the client's record — entries naming an erased client go
 * with it; the journal keeps the audit trail as every change does.
 */
export const ClientChangeSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  at: TimestampSchema,
  /** The staff member who made the change. */
  by: IdSchema,
  kind: z.enum(['edit', 'merge_proposed', 'merge', 'merge_declined']),
  fields: z
    .array(z.object({ field: ClientEditFieldSchema, from: z.string().max(2000).nullable(), to: z.string().max(2000).nullable() }))
    .max(CLIENT_EDIT_FIELDS.length),
  /** The other record of a merge or a proposal; null for an edit. */
  otherClientId: IdSchema.nullable(),
  /** Why the manager declined a proposed merge: on a `merge_declined` entry only (no other kind has a reason). */
  reason: z.string().max(500).optional(),
});
export type ClientChange = z.infer<typeof ClientChangeSchema>;
