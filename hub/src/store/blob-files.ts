import path from 'node:path';
import { BLOB_ID, checkBlobId } from './store.port.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { errorCode, type StoreFs } from './store-fs.ts';

export const BLOB_DIR = 'blobs';

/**
 * Blobs as files in `<data dir>/blobs/`, one per id, 0600. A blob is written like a snapshot file (atomic-write.ts),
 * so that after a crash it is either whole or absent — and when `put` resolves it is on disk, before the journal
 * entry that names it.
 */
export class BlobFiles {
  private readonly dir: string;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly fs: StoreFs,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, BLOB_DIR);
  }

  async put(id: string, bytes: Uint8Array): Promise<void> {
    checkBlobId(id);
    await this.ensureDir();
    await writeFileAtomically(this.fs, path.join(this.dir, id), bytes);
  }

  async get(id: string): Promise<Uint8Array | null> {
    checkBlobId(id);
    try {
      const bytes = await this.fs.readFile(path.join(this.dir, id));
      // A plain Uint8Array (not a Buffer), as the memory store answers.
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(id: string): Promise<void> {
    checkBlobId(id);
    await this.fs.unlink(path.join(this.dir, id)).catch((err: unknown) => {
      if (errorCode(err) !== 'ENOENT') throw err;
    });
  }

  /**
   * The ids of the whole blobs. A blob cut off by a crash before its rename (atomic-write.ts) is never listed and is
   * removed here: it is part of a client's photo that no record can come to name.
   */
  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return [];
      throw err;
    }
    const cutOff = names.filter((name) => name.startsWith('.') && name.endsWith('.tmp'));
    for (const name of cutOff) await this.fs.unlink(path.join(this.dir, name)).catch(() => {});
    return names.filter((name) => BLOB_ID.test(name));
  }

  /** Creates the blob directory once, and makes its entry in the data directory durable. */
  private ensureDir(): Promise<void> {
    this.ready ??= (async () => {
      await this.fs.mkdir(this.dir, 0o700);
      await this.fs.syncDir(path.dirname(this.dir));
    })().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }
}
