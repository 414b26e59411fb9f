import { nodeStoreFs, type OpenFlags, type StoreFileHandle, type StoreFs } from '../store-fs.ts';

export type FsOp =
  | 'mkdir'
  | 'open'
  | 'readFile'
  | 'readdir'
  | 'rename'
  | 'unlink'
  | 'syncDir'
  | 'write'
  | 'datasync'
  | 'sync'
  | 'truncate'
  | 'close';

type Fault = { op: FsOp; match: RegExp; code: string; partialBytes: number; times: number };

/**
 * Wraps a StoreFs (the real disk by default), records every call and fails chosen ones: ENOSPC on a journal write
 * (optionally after writing part of the data, as a disk filling up does), EIO on fsync, EXDEV on rename... `crash()`
 * makes every later call fail, as if the process had died at that instant (pair it with SimFs.powerCut()).
 */
export class FaultFs implements StoreFs {
  readonly calls: Array<{ op: FsOp; path: string }> = [];
  private faults: Fault[] = [];
  private crashAt: number | null = null;

  constructor(private readonly inner: StoreFs = nodeStoreFs) {}

  /** Number of recorded calls of `op`, optionally only on paths matching `match`. */
  count(op: FsOp, match?: RegExp): number {
    return this.calls.filter((c) => c.op === op && (!match || match.test(c.path))).length;
  }

  failNext(op: FsOp, options: { match?: RegExp; code?: string; partialBytes?: number; times?: number } = {}): void {
    this.faults.push({
      op,
      match: options.match ?? /.*/,
      code: options.code ?? (op === 'write' ? 'ENOSPC' : 'EIO'),
      partialBytes: options.partialBytes ?? 0,
      times: options.times ?? 1,
    });
  }

  /** After `calls` more calls, every call fails (the process is gone). */
  crashAfter(calls: number): void {
    this.crashAt = this.calls.length + calls;
  }

  clearFaults(): void {
    this.faults = [];
    this.crashAt = null;
  }

  mkdir(dir: string, mode: number): Promise<void> {
    return this.run('mkdir', dir, () => this.inner.mkdir(dir, mode));
  }
  async open(file: string, flags: OpenFlags, mode?: number): Promise<StoreFileHandle> {
    const handle = await this.run('open', file, () => this.inner.open(file, flags, mode));
    return this.wrap(file, handle);
  }
  readFile(file: string): Promise<Uint8Array> {
    return this.run('readFile', file, () => this.inner.readFile(file));
  }
  readdir(dir: string): Promise<string[]> {
    return this.run('readdir', dir, () => this.inner.readdir(dir));
  }
  rename(from: string, to: string): Promise<void> {
    return this.run('rename', to, () => this.inner.rename(from, to));
  }
  unlink(file: string): Promise<void> {
    return this.run('unlink', file, () => this.inner.unlink(file));
  }
  syncDir(dir: string): Promise<void> {
    return this.run('syncDir', dir, () => this.inner.syncDir(dir));
  }

  private wrap(file: string, handle: StoreFileHandle): StoreFileHandle {
    return {
      write: async (data, position) => {
        this.calls.push({ op: 'write', path: file });
        this.checkCrash('write', file);
        const fault = this.take('write', file);
        if (fault) {
          const partial = data.subarray(0, Math.min(fault.partialBytes, data.length));
          if (partial.length > 0) await handle.write(partial, position);
          throw simulated(fault.code, 'write', file);
        }
        return handle.write(data, position);
      },
      datasync: () => this.run('datasync', file, () => handle.datasync()),
      sync: () => this.run('sync', file, () => handle.sync()),
      truncate: (length) => this.run('truncate', file, () => handle.truncate(length)),
      // Closing never fails: the store does not depend on it and a dead process's handles close anyway.
      close: () => {
        this.calls.push({ op: 'close', path: file });
        return handle.close();
      },
    };
  }

  private async run<T>(op: FsOp, file: string, call: () => Promise<T>): Promise<T> {
    this.calls.push({ op, path: file });
    this.checkCrash(op, file);
    const fault = this.take(op, file);
    if (fault) throw simulated(fault.code, op, file);
    return call();
  }

  private checkCrash(op: FsOp, file: string): void {
    if (this.crashAt !== null && this.calls.length > this.crashAt) throw simulated('ECRASHED', op, file);
  }

  private take(op: FsOp, file: string): Fault | null {
    const fault = this.faults.find((f) => f.op === op && f.match.test(file));
    if (!fault) return null;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }
}

function simulated(code: string, op: FsOp, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated ${op} failure on ${file}`), { code });
}
