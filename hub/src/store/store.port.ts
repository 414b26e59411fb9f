import type { Visit } from '@glow/shared';
import type { HubState, JournalEntry } from './hub-state.ts';

/** The one storage port. The hub never touches files: it hands entries to the store and asks it for state. */
export interface StorePort {
  /**
   * Takes the data directory (exclusive lock), reads the last snapshot and replays the journal. Returns `null` when
   * the store is empty (first start). Throws a StoreError with a message a person can act on when the data is
   * corrupt or the directory is in use; never falls back to defaults.
   */
  open(): Promise<{ state: HubState; revision: number } | null>;
  /**
   * Durably records one committed command. Resolves only when the entry is on disk (entries arriving together are
   * written and fsync'd as one group); rejects if it could not be written, in which case nothing of it counts.
   */
  append(entry: JournalEntry): Promise<void>;
  /** Writes a snapshot of `state` as of `revision` (only the partitions that changed) and trims the journal. */
  checkpoint(state: HubState, revision: number): Promise<void>;
  /** Re-reads the state from disk (after a failed append, to drop what never became durable). */
  reload(): Promise<{ state: HubState; revision: number } | null>;
  /** Finishes pending writes, writes a final checkpoint if given the state, and releases the lock. */
  close(final?: { state: HubState; revision: number }): Promise<void>;
  /**
   * Blobs: bytes too big for the state (a client's photo), named by an id the state refers to. `putBlob` resolves
   * only once the bytes are durably on disk, so a command that names the blob is journaled after it; a blob no
   * command came to name (a refused report) is deleted again with `deleteBlob`. Ids are `[A-Za-z0-9_-]{1,64}`.
   */
  putBlob(id: string, bytes: Uint8Array): Promise<void>;
  /** The blob's bytes, or null when there is none of that id. */
  getBlob(id: string): Promise<Uint8Array | null>;
  deleteBlob(id: string): Promise<void>;
  /** The ids of every blob kept, for the start-up sweep of blobs no record names (services/photo-store.ts). */
  listBlobs(): Promise<string[]>;
  /**
   * The client's record (#16): the finished visits of these clients that are on disk, including months left cold at
   * start-up (cold-months.ts) that the state handed out does not hold. Found through a per-client index of month
   * files, read and parsed off the event loop, cached briefly. A visit may also be in the state: the caller lays the
   * state's visits over these (the state wins, it is newer). Never blocks a command.
   */
  clientHistory(clientIds: string | readonly string[]): Promise<Visit[]>;
  /**
   * For every client with a visit in a month left on disk, the start (UTC) of the latest such month, from the same
   * per-client index (no month is read): search ranks her as a recent visitor by it, not as never seen (#16).
   */
  clientLastMonths(): Promise<ReadonlyMap<string, number>>;
  /**
   * What the daily follow-up sweep needs of these clients' finished visits in months left on disk (#16), from the same
   * per-client index, kept in memory since the month was indexed in the worker: no month file is read. Each is the
   * visit's id, client, service, beautician and the one instant its salon day is read from (`times.closed`: when it
   * closed, or when it began for one closed without that time; see closedDay). Enough for summarizeClientVisits.
   */
  clientVisitDigests(clientIds: readonly string[]): Promise<VisitDigest[]>;
  /**
   * Whether the latest write reached the disk (a journal group, a checkpoint, a blob); when it did not, why. The hub
   * reports it on /api/health: a hub that cannot write must not look healthy.
   */
  writeStatus(): StoreWriteStatus;
}

/** A finished visit as the follow-up sweep sums it up (clientVisitDigests). */
export type VisitDigest = Pick<Visit, 'id' | 'clientId' | 'state' | 'serviceId' | 'staffId'> & { times: { closed: number } };

export type StoreWriteStatus = { writable: true } | { writable: false; reason: string };

/** Blob ids name files: a tight alphabet keeps them inside the blob directory. */
export const BLOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function checkBlobId(id: string): void {
  if (!BLOB_ID.test(id)) throw new StoreError('io', `Not a blob id: ${JSON.stringify(id).slice(0, 80)}`);
}

/** `newer`: the data directory was written by a newer Glow (its data version is beyond this hub's migrations). */
export type StoreErrorKind = 'in_use' | 'corrupt' | 'io' | 'newer';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    /**
     * `canAcceptLoss`: the store could start from what is left if the person running it explicitly accepts that
     * acknowledged changes are lost (LowdbStoreOptions.acceptDataLoss); main.ts then says how.
     */
    readonly details: { canAcceptLoss?: boolean } = {},
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
