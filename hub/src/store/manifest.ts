import path from 'node:path';
import { z } from 'zod';
import { TimestampSchema } from '@glow/shared';
import { CorruptFileError } from './corrupt-file-error.ts';
import { DurableJsonFile, readWithLow, writeWithLow } from './durable-json-file.ts';
import { FORMAT_VERSION, upgradeManifest } from './manifest-upgrade.ts';
import { FIXED_PARTITIONS, parsePartitionFileName, type PartitionName } from './partitions.ts';
import type { StoreFs } from './store-fs.ts';

/**
 * The manifest names the files of one snapshot and the revision it is at; writing it (atomically) is what makes a
 * checkpoint count. The one before it is kept as manifest.prev.json, with its files and journal, so that a damaged
 * newest snapshot can be rebuilt from the older one plus the journal.
 */
export const MANIFEST_FILE = 'manifest.json';
export const PREVIOUS_MANIFEST_FILE = 'manifest.prev.json';
export { FORMAT_VERSION } from './manifest-upgrade.ts';

export const ManifestSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  revision: z.number().int().nonnegative(),
  /** The data version of the snapshot's files (migrations/index.ts): what start-up migrates them from. */
  dataVersion: z.number().int().nonnegative(),
  partitions: z.array(z.string()),
  createdAt: TimestampSchema,
  /**
   * Partition file → `<sha256>.<schema fingerprint>` as written by this store, so that start-up can skip the schema
   * check of a file that is byte for byte what was written under the current schema (partition-integrity.ts).
   * Optional: manifests written before it, and files it does not list, are checked in full.
   */
  integrity: z.record(z.string(), z.string()).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export type ManifestRead =
  | { status: 'ok'; manifest: Manifest; files: Map<PartitionName, string> }
  | { status: 'missing' }
  | { status: 'corrupt'; error: CorruptFileError };

/**
 * Reads and checks one manifest file; I/O errors other than "missing" are thrown, and so is a manifest written by a
 * newer Glow (StoreError 'newer', manifest-upgrade.ts).
 */
export async function readManifest(fs: StoreFs, dir: string, file: string): Promise<ManifestRead> {
  try {
    const adapter = new DurableJsonFile<Manifest>(path.join(dir, file), {
      fs,
      schema: ManifestSchema,
      prepare: (raw) => upgradeManifest(raw, file, dir),
    });
    const manifest = await readWithLow(adapter);
    if (manifest === null) return { status: 'missing' };
    return { status: 'ok', manifest, files: partitionFiles(file, manifest) };
  } catch (err) {
    if (err instanceof CorruptFileError) return { status: 'corrupt', error: err };
    throw err;
  }
}

export async function writeManifest(fs: StoreFs, dir: string, file: string, manifest: Manifest): Promise<void> {
  await writeWithLow(new DurableJsonFile<Manifest>(path.join(dir, file), { fs }), manifest);
}

/**
 * Fixed partitions added after the first format: a manifest written by an older hub does not list them, and their
 * collections start empty (the next checkpoint writes them, as the snapshot then lacks their files).
 */
const ADDED_LATER: ReadonlySet<PartitionName> = new Set(['bookings', 'complaints', 'followUpTasks', 'outbox', 'clientChanges']);

/** Partition name → file, checking the list makes a whole snapshot (each partition once, the fixed ones present). */
function partitionFiles(file: string, manifest: Manifest): Map<PartitionName, string> {
  const files = new Map<PartitionName, string>();
  for (const partitionFile of manifest.partitions) {
    const parsed = parsePartitionFileName(partitionFile);
    if (!parsed) throw new CorruptFileError(file, `"${partitionFile}" is not a partition file name`);
    if (files.has(parsed.name)) throw new CorruptFileError(file, `partition "${parsed.name}" is listed twice`);
    files.set(parsed.name, partitionFile);
  }
  for (const name of FIXED_PARTITIONS) {
    if (!files.has(name) && !ADDED_LATER.has(name)) throw new CorruptFileError(file, `partition "${name}" is not listed`);
  }
  return files;
}
