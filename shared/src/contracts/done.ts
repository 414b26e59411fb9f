import { z } from 'zod';

/** The answer of a command that has nothing to report but that it was done. */
export const DoneSchema = z.object({});
export type Done = z.infer<typeof DoneSchema>;
