import path from 'node:path';
import type { StoreLogger } from './store-logger.ts';
import { errorCode, writeFully, type StoreFileHandle, type StoreFs } from './store-fs.ts';

/**
 * The journal's high-water mark: a tiny file beside the journal holding the highest revision the hub has
 * acknowledged. The journal cannot vouch for its own end — a deleted newest segment, or one cut back to a line
 * boundary, looks exactly like a journal that simply stopped there — so start-up compares the revision it reached
 * with this one and refuses (or recovers) instead of starting with acknowledged changes missing (load-data-dir.ts).
 *
 * Cheap on purpose: it is rewritten in place (same 17 bytes at offset 0, so no new blocks even on a full disk) after
 * an entry is acknowledged, off the ack path, at most one write in flight; later acknowledgements coalesce into the
 * next write. It is therefore a lower bound: after a power cut it may trail the last acknowledged group by the one
 * write that was in flight, never run ahead of the journal (it is written only after the journal's fdatasync).
 * A clean close waits for it, so after a normal stop it is exact.
 */
export const HIGH_WATER_FILE = 'journal.high-water';

const WIDTH = 16;
const encode = (revision: number): Buffer => Buffer.from(`${String(revision).padStart(WIDTH, '0')}\n`, 'ascii');
const FORMAT = /^(\d{16})\n$/;

export type HighWaterRead =
  | { status: 'ok'; revision: number }
  | { status: 'missing' }
  | { status: 'damaged'; reason: string };

/** Reads the recorded high-water mark; I/O errors other than "missing" are thrown. */
export async function readHighWater(fs: StoreFs, dir: string): Promise<HighWaterRead> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(dir, HIGH_WATER_FILE));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { status: 'missing' };
    throw err;
  }
  const match = FORMAT.exec(Buffer.from(bytes).toString('latin1'));
  if (!match?.[1]) return { status: 'damaged', reason: `${HIGH_WATER_FILE} does not hold a revision` };
  return { status: 'ok', revision: Number(match[1]) };
}

export class HighWaterMark {
  private wanted: number;
  private written: number;
  private writing: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly handle: StoreFileHandle,
    private readonly logger: StoreLogger,
    private readonly onError: (err: unknown) => void,
    revision: number,
  ) {
    this.wanted = revision;
    this.written = revision;
  }

  /**
   * Creates or rewrites the file with `revision` (what start-up reached; after an accepted loss this is what makes
   * the next start agree with it) and makes it durable before the hub takes any command.
   */
  static async open(
    fs: StoreFs,
    dir: string,
    logger: StoreLogger,
    revision: number,
    onError: (err: unknown) => void = () => {},
  ): Promise<HighWaterMark> {
    const file = path.join(dir, HIGH_WATER_FILE);
    let handle: StoreFileHandle;
    let created = false;
    try {
      handle = await fs.open(file, 'r+');
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
      handle = await fs.open(file, 'wx', 0o600);
      created = true;
    }
    try {
      const bytes = encode(revision);
      await writeFully(handle, bytes, 0);
      await handle.truncate(bytes.length);
      await handle.datasync();
      if (created) await fs.syncDir(dir);
    } catch (err) {
      await handle.close().catch(() => {});
      throw err;
    }
    return new HighWaterMark(handle, logger, onError, revision);
  }

  /** The revision on disk now (for tests and health). */
  get durable(): number {
    return this.written;
  }

  /** Called once `revision` is acknowledged (its journal entry is durable); the file follows soon after. */
  note(revision: number): void {
    if (this.closed || revision <= this.wanted) return;
    this.wanted = revision;
    this.writing ??= this.catchUp();
  }

  /** Resolves once the file holds everything noted so far (or the write failed). */
  settled(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.settled();
    this.closed = true;
    await this.handle.close();
  }

  private async catchUp(): Promise<void> {
    try {
      while (this.written < this.wanted) {
        const target = this.wanted;
        await writeFully(this.handle, encode(target), 0);
        await this.handle.datasync();
        this.written = target;
      }
    } catch (err) {
      // Not fatal for the command (it is in the journal); the next acknowledgement tries again.
      this.logger.error({ err, file: HIGH_WATER_FILE }, 'Could not record the journal high-water mark');
      this.onError(err);
    } finally {
      this.writing = null;
    }
  }
}
