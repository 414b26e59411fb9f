import type { AcceptedRow, Ack, Client, Language } from '@glow/shared';
import type { Logger } from '../../logger.ts';
import type { Changes, ClientImportMarker, HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Decision, HubEngine } from '../hub-engine.ts';

/**
 * Writing an imported client file (#13) without holding up the floor. Adding 20,000 clients in one journal entry
 * took one synchronous turn of 0.3–0.7 s (the entry's schema check, its serialisation, applying it, the phone index),
 * and every check-in meanwhile waited for it. So the import is journaled in parts of WRITE_CHUNK_ROWS clients, each its
 * own short turn, with the floor's commands running in between:
 *
 *   1. `clients:import` (start): every row checked again against today's clients (a number taken since the check
 *      refuses the whole file, as before) and a marker in meta, `clientImport`: which ids this import writes.
 *   2. `clients:importPart` × n: the clients, a part at a time (a number a client registered meanwhile at the kiosk
 *      is left out: that person is a client already, and a second record would only duplicate them).
 *   3. `clients:import` (done): the marker cleared, the answer recorded under the tablet's command id.
 *
 * All or nothing: an import the hub did not finish — a crash, a power cut, a failed write — still has its marker,
 * and `discardUnfinishedImport` (run at start-up, and after a failed write) removes the clients it wrote and the
 * marker in one journaled change, so the salon is as before the import and the manager checks the file again. A
 * client someone booked or checked in during those seconds is kept (`kept` in the log): they came in person.
 */
export const WRITE_CHUNK_ROWS = 250;

const idOf = (base: string, i: number): string => `${base}-${i.toString(36)}`;

/** The start: the checks that need today's clients, and the marker. */
export function decideImportStart(
  state: Readonly<HubState>,
  now: number,
  rows: readonly AcceptedRow[] | undefined,
  expected: number,
  isClientPhone: (phone: string) => boolean,
  base: string,
): Decision<ClientImportMarker> | Refusal {
  if (!rows) return refuse('not_found', 'import_not_checked');
  if (rows.length !== expected) return refuse('conflict', 'import_changed', { expected, accepted: rows.length });
  if (state.meta.clientImport) return refuse('conflict', 'import_busy');
  const taken = rows.filter((r) => isClientPhone(r.phone));
  if (taken.length) {
    return refuse('conflict', 'import_phone_taken', { lines: taken.slice(0, 10).map((r) => r.line).join(', '), n: taken.length });
  }
  const marker: ClientImportMarker = { id: base, count: rows.length, at: now };
  return { changes: { meta: { clientImport: marker } }, result: marker };
}

/** One part of the clients, rows [from, to) of the file; a number that became a client's meanwhile is skipped. */
export function decideImportPart(
  state: Readonly<HubState>,
  rows: readonly AcceptedRow[],
  from: number,
  to: number,
  marker: ClientImportMarker,
  isClientPhone: (phone: string) => boolean,
): Decision<{ added: number; skipped: number[] }> | Refusal {
  if (state.meta.clientImport?.id !== marker.id) return refuse('conflict', 'import_interrupted');
  const language = state.meta.salon.defaultLanguage;
  const clients: Record<string, Client> = {};
  const skipped: number[] = [];
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    if (isClientPhone(r.phone)) {
      skipped.push(r.line);
      continue;
    }
    const id = idOf(marker.id, i);
    clients[id] = { id, firstName: r.firstName, lastName: r.lastName, phone: r.phone, language, createdAt: marker.at, referredBy: null, birthday: r.birthday };
  }
  return { changes: { clients }, result: { added: to - from - skipped.length, skipped } };
}

/** The end: the marker cleared; the engine records the answer under the tablet's command id. */
export function decideImportDone(state: Readonly<HubState>, marker: ClientImportMarker, added: number): Decision<{ added: number }> | Refusal {
  if (state.meta.clientImport?.id !== marker.id) return refuse('conflict', 'import_interrupted');
  return { changes: { meta: { clientImport: null } }, result: { added } };
}

/**
 * The change that undoes an import left unfinished (null when none is): its clients removed — but for one a visit
 * or a booking now names — and the marker cleared.
 */
export function discardUnfinishedImport(state: Readonly<HubState>): { changes: Changes; removed: number; kept: string[] } | null {
  const marker = state.meta.clientImport;
  if (!marker) return null;
  const named = new Set<string>();
  for (const v of Object.values(state.visits)) if (v.clientId) named.add(v.clientId);
  for (const b of Object.values(state.bookings)) if (b.clientId) named.add(b.clientId);
  const clients: Record<string, null> = {};
  const kept: string[] = [];
  for (let i = 0; i < marker.count; i++) {
    const id = idOf(marker.id, i);
    if (!state.clients[id]) continue;
    if (named.has(id)) kept.push(id);
    else clients[id] = null;
  }
  return { changes: { clients, meta: { clientImport: null } }, removed: Object.keys(clients).length, kept };
}

type WriteDeps = {
  engine: Pick<HubEngine, 'execute' | 'accepting' | 'state'>;
  isClientPhone: (phone: string) => boolean;
  newId: () => string;
  logger: Logger;
  /** Clients per journal entry (tests make it small). */
  chunkRows?: number;
};

/** Lets the floor's commands run before the next part (a check-in waiting on the socket goes first). */
const yieldToFloor = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes a checked file as above and answers as one command: `{ added }` recorded under `command.commandId` for the
 * tablet, or a refusal with nothing added.
 */
export async function writeClientImport(
  deps: WriteDeps,
  command: { commandId: string; sender: string; language: Language },
  rows: readonly AcceptedRow[] | undefined,
  expected: number,
): Promise<Ack<{ added: number }>> {
  const { engine } = deps;
  const journal = <T>(name: string, decide: (state: Readonly<HubState>, now: number) => Decision<T> | Refusal, answer?: typeof command) =>
    engine.execute<T>(answer ? { command: name, ...answer } : { command: name, commandId: null, language: command.language }, decide);

  // One fresh id for the file and a counter per row (20,000 random ids cost the floor ~150 ms).
  const base = deps.newId();
  const start = await journal('clients:import', (s, now) => decideImportStart(s, now, rows, expected, deps.isClientPhone, base));
  if (!start.ok || !rows) return start as Ack<never>;
  const marker = start.data;
  const size = deps.chunkRows ?? WRITE_CHUNK_ROWS;
  // Each part is decided and applied in its own turn, the floor's commands running in between; the parts' writes are
  // not waited for one by one (the store groups them), only all together before the end.
  const parts: Promise<Ack<{ added: number; skipped: number[] }>>[] = [];
  for (let from = 0; from < rows.length; from += size) {
    await yieldToFloor();
    parts.push(journal('clients:importPart', (s) => decideImportPart(s, rows, from, Math.min(rows.length, from + size), marker, deps.isClientPhone)));
  }
  let added = 0;
  for (const part of await Promise.all(parts)) {
    if (!part.ok) return discardAfterFailure(deps, part);
    added += part.data.added;
    if (part.data.skipped.length) deps.logger.info({ lines: part.data.skipped }, 'client import: numbers registered meanwhile left out');
  }
  await yieldToFloor();
  const done = await journal('clients:import', (s) => decideImportDone(s, marker, added), command);
  if (!done.ok) return discardAfterFailure(deps, done);
  return done;
}

/**
 * A part could not be written (the store failed and the engine is reloading from disk, or the marker is gone): undo
 * what reached the disk once the engine accepts commands again, and answer the tablet with the first refusal.
 */
async function discardAfterFailure(deps: WriteDeps, refusal: Ack<unknown>): Promise<Ack<never>> {
  for (let attempt = 0; attempt < 100 && !deps.engine.accepting; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  const undo = discardUnfinishedImport(deps.engine.state);
  if (undo) {
    const ack = await deps.engine.execute({ command: 'clients:importDiscard', commandId: null, language: 'en' }, () => ({ changes: undo.changes, result: {} }));
    if (!ack.ok) deps.logger.error({ error: ack.error }, 'client import: could not undo an unfinished import now; the next start will');
  }
  return refusal as Ack<never>;
}
