import path from 'node:path';
import { z } from 'zod';
import { DurableJsonFile, readWithLow, writeWithLow } from './durable-json-file.ts';
import { errorCode, type StoreFs } from './store-fs.ts';
import type { VisitDigest } from './store.port.ts';

/** Beside the snapshots: one small file per month partition file. Derived data only (rebuilt when missing). */
export const CLIENT_MONTHS_DIR = 'client-months';

/** Per client: the byte ranges [start, length] of her visits in the month file, or null where they are not known. */
/**
 * Per client: her closed visits in the file as the daily follow-up sweep sums them up (id, instant of the salon day,
 * service, beautician): the sweep reads them here, not the month (#16). An entry written before digests existed
 * fails this schema and is rebuilt at the next start, like a damaged one.
 */
const DigestSchema = z.tuple([z.string(), z.number(), z.string(), z.string().nullable()]);
export type MonthDigests = Record<string, Array<z.infer<typeof DigestSchema>>>;
const EntrySchema = z.object({
  file: z.string(),
  clients: z.record(z.string(), z.array(z.tuple([z.number().int().min(0), z.number().int().min(1)])).nullable()),
  digests: z.record(z.string(), z.array(DigestSchema)),
});
const RUN = 1024;
/** One month file's digests in columns (see ClientMonthIndex.digests). */
type FileDigests = {
  /** Each client's rows: first row × RUN + count (one small integer, no array per client), or [first, end]. */
  runs: Map<string, number | readonly [number, number]>;
  ids: string[];
  at: Float64Array;
  service: Uint32Array;
  staff: Uint32Array;
};
export type MonthRanges = ReadonlyArray<readonly [number, number]>;

/**
 * Which month partition files hold visits of which client, and where in the file (#16): how the client's record
 * finds five years of history without loading it, reading only the bytes of her visits. Keyed by partition file name, not by month: a file is written once and never changes, so an
 * entry can never be stale — a rewritten month is a new file with an entry of its own. One small entry file per month
 * file (`client-months/<partition file>`). Entries are made off the main thread (month-reader.ts) for the months left
 * on disk: at start-up for those without one, and after a checkpoint for a cold month it rewrote. Entries of files no generation lists are removed with them.
 * What is missing (the first start with the index, an entry lost or damaged) is rebuilt at start-up by reading the
 * months off the main thread (month-reader.ts).
 */
export class ClientMonthIndex {
  private files = new Map<string, ReadonlyMap<string, MonthRanges | null>>();
  /**
   * Per file, the digests in columns (~180,000 visits on the large salon, kept for the life of the hub: as parsed
   * they took 41 MB of heap): each client's run of rows, the visit ids, instants, and service and beautician ids as
   * numbers into `names` (0: no beautician).
   */
  private digests = new Map<string, FileDigests>();
  private readonly names: string[] = [''];
  private readonly nameIds = new Map<string, number>();

  constructor(
    private readonly fs: StoreFs,
    private readonly dir: string,
  ) {}

  has(file: string): boolean {
    return this.files.has(file);
  }

  /**
   * Of these partition files, the ones holding a visit of any of these clients, with where those visits lie (null:
   * the file must be read whole).
   */
  filesOf(clientIds: readonly string[], among: Iterable<string>): Array<{ file: string; ranges: Array<readonly [number, number]> | null }> {
    const found: Array<{ file: string; ranges: Array<readonly [number, number]> | null }> = [];
    for (const file of among) {
      const held = this.files.get(file);
      if (!held) continue;
      let ranges: Array<readonly [number, number]> | null = [];
      let any = false;
      for (const id of clientIds) {
        if (!held.has(id)) continue;
        any = true;
        const theirs = held.get(id);
        ranges = theirs && ranges ? [...ranges, ...theirs] : null;
      }
      if (any) found.push({ file, ranges });
    }
    return found;
  }

  /** The closed-visit digests of these clients in these partition files (in memory: no file is read). */
  digestsOf(clientIds: readonly string[], among: Iterable<string>): VisitDigest[] {
    const out: VisitDigest[] = [];
    for (const file of among) {
      const held = this.digests.get(file);
      if (!held) continue;
      for (const clientId of clientIds) {
        const run = held.runs.get(clientId);
        if (run === undefined) continue;
        const [from, to] = typeof run === 'number' ? [Math.floor(run / RUN), Math.floor(run / RUN) + (run % RUN)] : run;
        for (let i = from; i < to; i++) {
          const staff = held.staff[i]!;
          out.push({ id: held.ids[i]!, clientId, state: 'closed', serviceId: this.names[held.service[i]!]!, staffId: staff === 0 ? null : this.names[staff]!, times: { closed: held.at[i]! } });
        }
      }
    }
    return out;
  }

  /** The clients with visits in this partition file (none when the file has no entry yet). */
  clientsIn(file: string): Iterable<string> {
    return this.files.get(file)?.keys() ?? [];
  }

  get size(): number {
    return this.files.size;
  }

  /** Reads every entry on disk; a damaged one is skipped (and so rebuilt), never a reason to refuse a start. */
  async load(): Promise<void> {
    const folder = path.join(this.dir, CLIENT_MONTHS_DIR);
    let names: string[];
    try {
      names = await this.fs.readdir(folder);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return;
      throw err;
    }
    for (const name of names) {
      // A temporary file a crash left half-written: the entry it was becoming is rebuilt.
      if (name.startsWith('.')) await this.fs.unlink(path.join(folder, name)).catch(() => {});
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      try {
        const entry = await readWithLow(new DurableJsonFile<z.infer<typeof EntrySchema>>(path.join(folder, name), { fs: this.fs, schema: EntrySchema }));
        if (entry && entry.file === name) {
          this.files.set(entry.file, new Map(Object.entries(entry.clients)));
          this.digests.set(entry.file, this.compact(entry.digests));
        }
      } catch {
        // Rebuilt from the month file itself.
      }
    }
  }

  /**
   * Records (in memory and on disk) where each client's visits lie in a partition file; a client given null ranges
   * is known to be in it, and the file is then read whole for her.
   */
  async record(file: string, clients: Readonly<Record<string, Array<[number, number]> | null>>, digests: MonthDigests): Promise<void> {
    this.files.set(file, new Map(Object.entries(clients)));
    this.digests.set(file, this.compact(digests));
    const folder = path.join(this.dir, CLIENT_MONTHS_DIR);
    await this.fs.mkdir(folder, 0o700);
    await writeWithLow(new DurableJsonFile(path.join(folder, file), { fs: this.fs }), { file, clients, digests });
  }

  private compact(digests: MonthDigests): FileDigests {
    const name = (id: string) => {
      let n = this.nameIds.get(id);
      if (n === undefined) {
        n = this.names.push(id) - 1;
        this.nameIds.set(id, n);
      }
      return n;
    };
    let rows = 0;
    for (const list of Object.values(digests)) rows += list.length;
    const out: FileDigests = { runs: new Map(), ids: new Array<string>(rows), at: new Float64Array(rows), service: new Uint32Array(rows), staff: new Uint32Array(rows) };
    let row = 0;
    for (const [clientId, list] of Object.entries(digests)) {
      // The client's id shared with her other months (one string, not one per month file).
      out.runs.set(this.names[name(clientId)]!, list.length < RUN ? row * RUN + list.length : [row, row + list.length]);
      for (const [id, closed, serviceId, staffId] of list) {
        out.ids[row] = id;
        out.at[row] = closed;
        out.service[row] = name(serviceId);
        out.staff[row] = staffId === null ? 0 : name(staffId);
        row++;
      }
    }
    return out;
  }

  /** Forgets the files no kept generation lists any more (their months were rewritten or emptied). */
  async keepOnly(keep: ReadonlySet<string>): Promise<void> {
    for (const file of [...this.files.keys()]) {
      if (keep.has(file)) continue;
      this.files.delete(file);
      this.digests.delete(file);
      await this.fs.unlink(path.join(this.dir, CLIENT_MONTHS_DIR, file)).catch((err: unknown) => {
        if (errorCode(err) !== 'ENOENT') throw err;
      });
    }
  }
}
