import path from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';

export const OUTBOX_DIR = 'outbox';

/** File names the file sender may write: the message id and an extension, nothing that could leave the folder. */
export const OUTBOX_FILE = /^[A-Za-z0-9_-]{1,64}\.(eml|json)$/;

/**
 * Where the file sender puts each message (#16): the data directory's `outbox` folder. Only the store touches the
 * data directory, so the sender writes through this port; tests use the memory one.
 */
export interface OutboxFolderPort {
  /** Writes the file whole (atomically, 0600) and resolves once it is on disk; the same name again replaces it. */
  write(name: string, content: string): Promise<void>;
}

export class DiskOutboxFolder implements OutboxFolderPort {
  private readonly dir: string;
  private ready: Promise<void> | null = null;

  constructor(dataDir: string, private readonly fs: StoreFs = nodeStoreFs) {
    this.dir = path.join(dataDir, OUTBOX_DIR);
  }

  async write(name: string, content: string): Promise<void> {
    if (!OUTBOX_FILE.test(name)) throw new Error(`Not an outbox file name: ${JSON.stringify(name).slice(0, 80)}`);
    await this.ensureDir();
    await writeFileAtomically(this.fs, path.join(this.dir, name), new TextEncoder().encode(content));
  }

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

/** For tests: the files in memory, by name. */
export class MemoryOutboxFolder implements OutboxFolderPort {
  readonly files = new Map<string, string>();
  failNext: Error | null = null;

  async write(name: string, content: string): Promise<void> {
    if (!OUTBOX_FILE.test(name)) throw new Error(`Not an outbox file name: ${name}`);
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = null;
      throw err;
    }
    this.files.set(name, content);
  }
}
