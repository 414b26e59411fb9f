import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Visit } from '@glow/shared';
import type { HubState, JournalEntry } from '../../../hub/src/store/hub-state.ts';
import { StoreError, type StorePort, type StoreWriteStatus, type VisitDigest } from '../../../hub/src/store/store.port.ts';

/**
 * The baseline of DESIGN §5: lowdb used the stock way. One `Low` over one `JSONFile` holds the whole state, and every
 * committed command is made durable by `db.write()`, which re-serialises the whole state (JSON.stringify with
 * indentation, on the event loop) and rewrites the whole file (steno: temp file + rename, no fsync; writes arriving
 * while one is in flight are coalesced into the next).
 *
 * The object `open()` returns is `db.data` itself: the hub applies each command to it in place before it calls
 * `append`, so `db.write()` writes the state including that command, as an app that mutates `db.data` and calls
 * `db.write()` would. `load` supplies the starting state (the bench reads the large salon from its data directory).
 */
export class StockJsonFileStore implements StorePort {
  private db: Low<HubState> | null = null;
  private revision = 0;
  /** Time spent inside `db.write()` calls (serialising and queueing), to show where the ack latency goes. */
  readonly writeCalls: number[] = [];

  constructor(
    private readonly file: string,
    private readonly load: () => Promise<{ state: HubState; revision: number } | null>,
  ) {}

  async open(): Promise<{ state: HubState; revision: number } | null> {
    const loaded = await this.load();
    if (!loaded) return null;
    this.db = new Low<HubState>(new JSONFile<HubState>(this.file), loaded.state);
    this.revision = loaded.revision;
    return { state: this.db.data, revision: loaded.revision };
  }

  async append(entry: JournalEntry): Promise<void> {
    const db = this.requireDb();
    this.revision = entry.seq;
    const started = performance.now();
    const written = db.write();
    this.writeCalls.push(performance.now() - started);
    await written;
  }

  async checkpoint(): Promise<void> {
    // Stock lowdb has no snapshots: every append already wrote the whole file.
  }

  async reload(): Promise<{ state: HubState; revision: number } | null> {
    const db = this.requireDb();
    await db.read();
    return { state: db.data, revision: this.revision };
  }

  async close(): Promise<void> {
    this.db = null;
  }

  /** The bench sends no photos: blobs only need to behave (kept in memory). */
  private readonly blobs = new Map<string, Uint8Array>();
  async putBlob(id: string, bytes: Uint8Array): Promise<void> {
    this.blobs.set(id, bytes);
  }
  async getBlob(id: string): Promise<Uint8Array | null> {
    return this.blobs.get(id) ?? null;
  }
  async deleteBlob(id: string): Promise<void> {
    this.blobs.delete(id);
  }
  async listBlobs(): Promise<string[]> {
    return [...this.blobs.keys()];
  }
  /** The baseline keeps every visit in the one file it loads whole: nothing is left on disk to read. */
  async clientHistory(): Promise<Visit[]> {
    return [];
  }
  async clientLastMonths(): Promise<ReadonlyMap<string, number>> {
    return new Map();
  }
  async clientVisitDigests(): Promise<VisitDigest[]> {
    return [];
  }
  /** The baseline store keeps no write status: the bench does not look at /api/health. */
  writeStatus(): StoreWriteStatus {
    return { writable: true };
  }

  private requireDb(): Low<HubState> {
    if (!this.db) throw new StoreError('io', 'The stock store is not open.');
    return this.db;
  }
}
