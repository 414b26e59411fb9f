import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreError } from './store.port.ts';
import type { StoreLogger } from './store-logger.ts';
import { errorCode, writeFully, type StoreFs } from './store-fs.ts';

export const LOCK_FILE = 'glow.lock';

export type LockOptions = {
  fs: StoreFs;
  logger: StoreLogger;
  /** This process's pid (injectable for tests). */
  pid?: number;
  /** Whether a pid is a running process; default asks the OS with signal 0. */
  isPidAlive?: (pid: number) => boolean;
  /**
   * This machine's boot id. A lock written during an earlier boot is stale even if its pid has since been reused
   * by another process — after a power cut the salon's box must restart on its own. Default: Linux's boot_id, or
   * null where there is none (then only the pid is checked).
   */
  bootId?: string | null;
};

type Holder = { pid: number; bootId: string | null };

/**
 * One hub per data directory: two hubs appending to one journal would interleave and corrupt it. The lock is a
 * file created with `wx` (atomic create-if-absent) holding the owner's pid. A lock whose owner is gone (SIGKILL, power
 * cut) is taken over; a live owner — this very process included, so a second store in one process is refused too —
 * gets StoreError('in_use') with a message saying what to do.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    private readonly options: LockOptions,
    readonly file: string,
    private readonly pid: number,
  ) {}

  static async acquire(dir: string, options: LockOptions): Promise<DataDirLock> {
    const { fs, logger } = options;
    const file = path.join(dir, LOCK_FILE);
    const pid = options.pid ?? process.pid;
    const bootId = options.bootId === undefined ? await currentBootId() : options.bootId;
    const isAlive = options.isPidAlive ?? isPidAlive;
    const content = Buffer.from(`${JSON.stringify({ pid, bootId })}\n`, 'utf8');
    // A few rounds only for the race where another starter takes over the same stale lock between our steps.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await tryCreate(fs, file, content)) return new DataDirLock(options, file, pid);
      const holder = await readHolder(fs, file);
      if (holder === 'gone') continue;
      const stale =
        holder === null ||
        !isAlive(holder.pid) ||
        (holder.bootId !== null && bootId !== null && holder.bootId !== bootId);
      if (!stale) {
        throw new StoreError(
          'in_use',
          `The data directory ${dir} is in use by another Glow hub (pid ${holder.pid}). ` +
            'Stop it first, or start this one with a different DATA_DIR.',
        );
      }
      const stalePid = holder?.pid ?? null;
      logger.warn({ file, stalePid }, 'Taking over a lock left by a hub that is no longer running');
      try {
        await fs.unlink(file);
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') throw ioError(file, err);
      }
    }
    throw new StoreError('in_use', `Could not take the lock ${file}: another Glow hub keeps taking it.`);
  }

  /** Removes the lock file if it is still ours. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const holder = await readHolder(this.options.fs, this.file).catch(() => null);
    if (holder === 'gone') return;
    if (holder?.pid !== this.pid) {
      this.options.logger.warn({ file: this.file, holder }, 'The lock file no longer holds our pid; leaving it');
      return;
    }
    await this.options.fs.unlink(this.file).catch((err: unknown) => {
      if (errorCode(err) !== 'ENOENT') throw ioError(this.file, err);
    });
  }
}

async function tryCreate(fs: StoreFs, file: string, content: Uint8Array): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'wx', 0o600);
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw ioError(file, err);
  }
  try {
    await writeFully(handle, content, 0);
    await handle.close();
    return true;
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.unlink(file).catch(() => {});
    throw ioError(file, err);
  }
}

/** The lock's owner; null if the file is unreadable garbage (a crash between create and write); 'gone' if absent. */
async function readHolder(fs: StoreFs, file: string): Promise<Holder | null | 'gone'> {
  let text: string;
  try {
    text = Buffer.from(await fs.readFile(file)).toString('utf8').trim();
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return 'gone';
    throw ioError(file, err);
  }
  // A bare pid is accepted too, so an operator (or a test) can write one by hand.
  if (/^\d+$/.test(text)) return validPid(Number(text)) ? { pid: Number(text), bootId: null } : null;
  try {
    const parsed = JSON.parse(text) as { pid?: unknown; bootId?: unknown };
    if (typeof parsed.pid !== 'number' || !validPid(parsed.pid)) return null;
    return { pid: parsed.pid, bootId: typeof parsed.bootId === 'string' ? parsed.bootId : null };
  } catch {
    return null;
  }
}

const validPid = (pid: number): boolean => Number.isSafeInteger(pid) && pid > 0;

export function isPidAlive(pid: number): boolean {
  if (!validPid(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — still alive.
    return errorCode(err) === 'EPERM';
  }
}

async function currentBootId(): Promise<string | null> {
  try {
    return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

function ioError(file: string, err: unknown): StoreError {
  return new StoreError('io', `Could not use the lock file ${file}: ${(err as Error).message}`);
}
