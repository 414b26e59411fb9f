import { z } from 'zod';
import { CommandIdSchema, IdSchema } from '../schemas/common.schema.ts';
import { IMPORT_CHUNK_ROWS, ImportRowSchema, RefusedRowSchema } from '../domain/client-import/import-rows.ts';

/**
 * Importing the client list a salon already has (#13), manager only. The tablet reads the file and sends the mapped
 * rows in chunks (`clients:importCheck`, in order, part 0, 1, …): the hub checks every row itself and answers with
 * the rows it refuses and why; the accepted rows wait on the hub, in memory, for that tablet. `clients:import` then
 * adds every accepted row of the file as clients in one journaled command, or none: a retry with the same commandId
 * gets the first answer, and a second run of the same file finds every number already a client's.
 */
export const ImportCheckInputSchema = z
  .object({
    /** Every command carries one; a check changes nothing, so a repeated one is simply checked again. */
    commandId: CommandIdSchema,
    /** Chosen by the tablet for one file; a new id starts over. */
    importId: IdSchema,
    part: z.number().int().min(0).max(100_000),
    rows: z.array(ImportRowSchema).max(IMPORT_CHUNK_ROWS, 'too_many'),
  })
  .strict();
export type ImportCheckInput = z.infer<typeof ImportCheckInputSchema>;

export const ImportCheckResultSchema = z.object({
  /** Rows accepted so far in this file, all parts together. */
  accepted: z.number().int(),
  refused: z.array(RefusedRowSchema),
});
export type ImportCheckResult = z.infer<typeof ImportCheckResultSchema>;

export const ClientImportInputSchema = z
  .object({
    commandId: CommandIdSchema,
    importId: IdSchema,
    /** The number of accepted rows the manager saw: a file checked differently is refused, not half-added. */
    expected: z.number().int().min(1).max(1_000_000),
  })
  .strict();
export type ClientImportInput = z.infer<typeof ClientImportInputSchema>;

export const CLIENT_IMPORT_STAFF_COMMANDS = {
  'clients:importCheck': { input: ImportCheckInputSchema, output: ImportCheckResultSchema, roles: ['manager'] },
  'clients:import': { input: ClientImportInputSchema, output: z.object({ added: z.number().int() }), roles: ['manager'] },
} as const;
