import { z } from 'zod';
import { COLLECTIONS, HubStateSchema, JournalEnvelopeSchema, MetaSchema, type JournalEntry } from './hub-state.ts';
import { StoreError } from './store.port.ts';

/**
 * The shape of one journal line, built from the HubState schema so the two cannot drift apart: each collection's
 * changes are records of that collection (or null for a deletion), meta changes are some of meta's fields.
 */
const changesShape: Record<string, z.ZodType> = { meta: MetaSchema.partial().optional() };
for (const name of COLLECTIONS) {
  const collection = HubStateSchema.shape[name] as z.ZodRecord<z.ZodString, z.ZodType>;
  changesShape[name] = z.record(collection.keyType, collection.valueType.nullable()).optional();
}

export const ChangesSchema = z.strictObject(changesShape);

export const JournalEntrySchema = z.strictObject({ ...JournalEnvelopeSchema.shape, changes: ChangesSchema });

/**
 * Null when the entry can be stored; otherwise why not. Checked before an entry is accepted, because an entry that
 * does not match the schema would be written, acknowledged, and then make the next start-up refuse the data.
 */
export function entryProblem(entry: unknown): string | null {
  const result = JournalEntrySchema.safeParse(entry);
  if (result.success) return null;
  return result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

export function invalidEntry(entry: JournalEntry, problem: string): StoreError {
  return new StoreError(
    'io',
    `Journal entry ${entry.seq} (${entry.command}) was not saved: ` +
      `it does not match the stored data's schema (${problem}).`,
  );
}
