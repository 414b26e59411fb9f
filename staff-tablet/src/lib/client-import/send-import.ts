import { IMPORT_CHUNK_ROWS, type AppError, type ImportRow, type RefusedRow } from '@glow/shared';
import type { StaffClient } from '../staff-client.svelte.ts';

export type Checked = { importId: string; accepted: number; refused: RefusedRow[] };

const newImportId = () => `imp-${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;

/**
 * Sends the mapped rows to the hub in chunks, in order, each answered before the next goes (so the hub checks one
 * small chunk per turn and the floor keeps answering); the hub checks every row itself. Sent once, never through the
 * outbox: a check that fails is simply run again.
 */
export async function checkRows(client: StaffClient, rows: readonly ImportRow[], progress: (done: number) => void): Promise<Checked | AppError> {
  const importId = newImportId();
  const refused: RefusedRow[] = [];
  let accepted = 0;
  for (let part = 0, at = 0; at < rows.length; part++, at += IMPORT_CHUNK_ROWS) {
    const ack = await client.send('clients:importCheck', { importId, part, rows: rows.slice(at, at + IMPORT_CHUNK_ROWS) });
    if (!ack.ok) return ack.error;
    accepted = ack.data.accepted;
    refused.push(...ack.data.refused);
    progress(Math.min(rows.length, at + IMPORT_CHUNK_ROWS));
  }
  return { importId, accepted, refused };
}

/** Adds every accepted row, or none (the hub's one command). */
export async function importChecked(client: StaffClient, checked: Checked): Promise<{ added: number } | AppError> {
  const ack = await client.send('clients:import', { importId: checked.importId, expected: checked.accepted });
  return ack.ok ? ack.data : ack.error;
}
