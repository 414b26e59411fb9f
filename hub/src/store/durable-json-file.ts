import path from 'node:path';
import type { Adapter } from 'lowdb';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { CorruptFileError, describeIssues } from './corrupt-file-error.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { nodeStoreFs, errorCode, type StoreFs } from './store-fs.ts';

export type DurableJsonFileOptions = {
  fs?: StoreFs;
  /**
   * Checked on every read. The raw JSON is returned, not zod's output, so what is read back is exactly what was
   * written (zod would strip or normalise).
   */
  schema?: z.ZodType;
  /**
   * Applied to the parsed JSON before the schema check, and its result is what read() returns: lets a reader drop
   * records it would discard anyway (expired links) before paying for their validation.
   */
  prepare?: (data: unknown) => unknown;
  /** Given the raw bytes read; true skips the schema check (see partition-integrity.ts for when that is sound). */
  trusted?: (bytes: Uint8Array) => boolean;
  /** Given the exact bytes written, after they are durably on disk (to record their checksum). */
  onWritten?: (bytes: Uint8Array) => void;
};

/**
 * lowdb adapter that survives a crash at any instant: the old file or the new one is on disk, never half of one.
 * lowdb's own JSONFile neither fsyncs nor tells "missing" from "damaged"; this one serialises once, writes a 0600
 * temp file beside the target, fsyncs it, renames it over the target and fsyncs the directory so the rename itself
 * is durable. `read()` returns null only when the file does not exist: an empty, truncated or malformed file is a
 * CorruptFileError, because lowdb would otherwise silently fall back to its default data.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private readonly fs: StoreFs;

  constructor(
    readonly file: string,
    private readonly options: DurableJsonFileOptions = {},
  ) {
    this.fs = options.fs ?? nodeStoreFs;
  }

  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.file);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw err;
    }
    const name = path.basename(this.file);
    if (bytes.length === 0) throw new CorruptFileError(name, 'the file is empty');
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch {
      throw new CorruptFileError(name, 'the file is not complete JSON (truncated or damaged)');
    }
    if (this.options.prepare) data = this.options.prepare(data);
    if (this.options.schema && !this.options.trusted?.(bytes)) {
      const result = this.options.schema.safeParse(data);
      if (!result.success) throw new CorruptFileError(name, describeIssues(result.error));
    }
    return data as T;
  }

  async write(data: T): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(data), 'utf8');
    await writeFileAtomically(this.fs, this.file, bytes);
    this.options.onWritten?.(bytes);
  }
}

/** Temp files a crash left behind (a write that never reached its rename). Safe to delete at start-up. */
export const isTempFileName = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

/**
 * Reads a file through lowdb's `Low`. Low keeps its default data when the adapter returns null, so a null default
 * is how "the file does not exist" comes back to the caller, distinct from any real content.
 */
export async function readWithLow<T>(file: DurableJsonFile<T>): Promise<T | null> {
  const db = new Low<T | null>(file as Adapter<T | null>, null);
  await db.read();
  return db.data;
}

/** Writes `data` through lowdb's `Low`, i.e. through the durable adapter. */
export async function writeWithLow<T>(file: DurableJsonFile<T>, data: T): Promise<void> {
  const db = new Low<T>(file, data);
  await db.write();
}
