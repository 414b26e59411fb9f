import {
  checkImportRows,
  IMPORT_MAX_ROWS,
  phoneCountryOf,
  type AcceptedRow,
  type ImportCheckInput,
  type ImportCheckResult,
} from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { ClientIndex } from '../client-index.ts';

/** A checked file waits this long for its import; then it is forgotten (names and numbers are not kept in memory). */
export const STAGED_IMPORT_TTL_MS = 30 * 60 * 1000;

type Staged = { importId: string; nextPart: number; received: number; rows: AcceptedRow[]; seen: Map<string, number>; touchedAt: number };

/**
 * The rows of a client file being imported (#13), checked chunk by chunk as the manager's tablet sends them, kept in
 * memory per tablet until `clients:import` adds them all in one command. Each chunk is at most IMPORT_CHUNK_ROWS
 * rows, checked in one short synchronous turn, so the floor keeps answering between chunks. One file per tablet at a
 * time (a new importId starts over); a file is forgotten once imported, after STAGED_IMPORT_TTL_MS, or when the hub
 * stops. Who reads it: only the tablet that sent it, through the import. Nothing of it is written to disk until the
 * import, which journals the new clients like any other.
 */
export class ClientImportStaging {
  private readonly bySender = new Map<string, Staged>();

  constructor(private readonly deps: { state: () => Readonly<HubState>; clients: ClientIndex; clock: () => number }) {}

  check(sender: string, input: ImportCheckInput): ImportCheckResult | Refusal {
    const now = this.deps.clock();
    this.forgetExpired(now);
    let staged = this.bySender.get(sender);
    if (input.part === 0) {
      staged = { importId: input.importId, nextPart: 0, received: 0, rows: [], seen: new Map(), touchedAt: now };
      this.bySender.set(sender, staged);
    }
    if (!staged || staged.importId !== input.importId || staged.nextPart !== input.part) return refuse('conflict', 'import_out_of_order');
    if (staged.received + input.rows.length > IMPORT_MAX_ROWS) return refuse('invalid_input', 'import_too_many_rows', { max: IMPORT_MAX_ROWS });
    const state = this.deps.state();
    const { accepted, refused } = checkImportRows(
      input.rows,
      {
        country: phoneCountryOf(state.meta.salon),
        now,
        timeZone: state.meta.floor.timeZone,
        isClientPhone: (phone) => this.deps.clients.find(phone) !== undefined,
      },
      staged.seen,
    );
    staged.rows.push(...accepted);
    staged.nextPart += 1;
    staged.received += input.rows.length;
    staged.touchedAt = now;
    return { accepted: staged.rows.length, refused };
  }

  /** The accepted rows of a checked file, if this tablet checked it and it has not expired. */
  rows(sender: string, importId: string): readonly AcceptedRow[] | undefined {
    this.forgetExpired(this.deps.clock());
    const staged = this.bySender.get(sender);
    return staged?.importId === importId ? staged.rows : undefined;
  }

  forget(sender: string, importId: string): void {
    if (this.bySender.get(sender)?.importId === importId) this.bySender.delete(sender);
  }

  private forgetExpired(now: number): void {
    for (const [sender, staged] of this.bySender) if (now - staged.touchedAt > STAGED_IMPORT_TTL_MS) this.bySender.delete(sender);
  }
}
