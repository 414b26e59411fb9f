import * as fsp from 'node:fs/promises';

/**
 * The few filesystem calls the store makes, behind an interface so that fault tests can stand in for the disk:
 * drop whatever was not fsync'd (power cut), answer ENOSPC to a write (full disk), fail a rename. Writes are
 * positional (like pwrite) so the journal can overwrite a failed group's bytes instead of appending after them.
 */
export interface StoreFileHandle {
  /** Writes `data` at byte `position`; may write fewer bytes than asked, like pwrite. Returns how many it wrote. */
  write(data: Uint8Array, position: number): Promise<number>;
  /** fdatasync: the data and the size are on disk when this resolves. */
  datasync(): Promise<void>;
  /** fsync: data and all metadata. */
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** `wx`: create, fail if it exists (lock, temp files, new journal segments). `r+`: reopen an existing file. */
export type OpenFlags = 'wx' | 'r+';

export interface StoreFs {
  /** Creates the directory and its missing parents; no error if it exists. */
  mkdir(dir: string, mode: number): Promise<void>;
  open(file: string, flags: OpenFlags, mode?: number): Promise<StoreFileHandle>;
  readFile(file: string): Promise<Uint8Array>;
  readdir(dir: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Makes the directory's entries (files created, renamed, removed) durable. */
  syncDir(dir: string): Promise<void>;
}

/** The node error code of a failed call, if any (ENOENT, EEXIST, ENOSPC…). */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** pwrite can write less than asked (a full disk can do that before it fails outright), so loop until done. */
export async function writeFully(handle: StoreFileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const n = await handle.write(data.subarray(done), position + done);
    if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += n;
  }
}

class NodeFileHandle implements StoreFileHandle {
  constructor(private readonly handle: fsp.FileHandle) {}
  async write(data: Uint8Array, position: number): Promise<number> {
    const { bytesWritten } = await this.handle.write(data, 0, data.length, position);
    return bytesWritten;
  }
  datasync(): Promise<void> {
    return this.handle.datasync();
  }
  sync(): Promise<void> {
    return this.handle.sync();
  }
  truncate(length: number): Promise<void> {
    return this.handle.truncate(length);
  }
  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The real disk: node:fs/promises, plus fsync of a directory handle. */
export const nodeStoreFs: StoreFs = {
  async mkdir(dir, mode) {
    await fsp.mkdir(dir, { recursive: true, mode });
  },
  async open(file, flags, mode) {
    return new NodeFileHandle(await fsp.open(file, flags, mode));
  },
  readFile: (file) => fsp.readFile(file),
  readdir: (dir) => fsp.readdir(dir),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  async syncDir(dir) {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(dir, 'r');
    } catch (err) {
      // Windows cannot open a directory; its rename is already durable enough there and there is nothing to sync.
      if (process.platform === 'win32') return;
      throw err;
    }
    try {
      await handle.sync();
    } catch (err) {
      if (!(process.platform === 'win32' && ['EPERM', 'EISDIR'].includes(errorCode(err) ?? ''))) throw err;
    } finally {
      await handle.close();
    }
  },
};
