import { z } from 'zod';
import { AftercareSettingsInputSchema, AftercareSettingsSchema } from '../schemas/aftercare.schema.ts';
import { CommandIdSchema, freeText, IdSchema } from '../schemas/common.schema.ts';
import { ComplaintSchema } from '../schemas/complaint.schema.ts';

/**
 * A reported problem as the front desk and the manager see it: the complaint (the photo's blob id stays on the hub:
 * staff fetch the picture with `complaint:photo`), who it is, and how to call them back if they asked for a call.
 */
export const ComplaintCardSchema = ComplaintSchema.omit({ photo: true }).extend({
  clientName: z.string(),
  /** Only when the client asked to be called or messaged; never otherwise. */
  clientPhone: z.string().nullable(),
  serviceId: IdSchema,
  ticket: z.string(),
  hasPhoto: z.boolean(),
});
export type ComplaintCard = z.infer<typeof ComplaintCardSchema>;

const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();
const FRONT = ['front_desk', 'manager'] as const;

/** The staff commands of aftercare and problem reports (spread into STAFF_COMMANDS). */
export const AFTERCARE_STAFF_COMMANDS = {
  'complaint:acknowledge': { input: command({ complaintId: IdSchema }), output: z.object({}), roles: FRONT },
  'complaint:resolve': {
    input: command({ complaintId: IdSchema, resolution: freeText(1000) }),
    output: z.object({}),
    roles: FRONT,
  },
  /** Reads the photo of a complaint (staff only; nothing changes). */
  'complaint:photo': {
    input: command({ complaintId: IdSchema }),
    output: z.object({ dataUrl: z.string() }),
    roles: FRONT,
  },
  /** Revokes every live aftercare link of a visit: the page then answers like an unknown link. */
  'aftercare:revokeLink': {
    input: command({ visitId: IdSchema }),
    output: z.object({ revoked: z.number().int() }),
    roles: ['manager'],
  },
  'aftercare:setSettings': {
    input: command(AftercareSettingsInputSchema.shape),
    output: AftercareSettingsSchema,
    roles: ['manager'],
  },
} as const;
