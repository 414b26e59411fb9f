import { rm } from 'node:fs/promises';
import { IMPORT_CHUNK_ROWS, type ImportRow } from '@glow/shared';
import type { LoopDelay } from '../lib/child-protocol.ts';
import { HubChild } from '../lib/hub-control.ts';
import { command, connectStaff, expectOk, pairDevice } from '../lib/sockets.ts';
import { nowMs } from '../lib/stats.ts';

/** The import the budget is about (#13): 20,000 rows, under 10 s, the hub's event loop p99 under 50 ms meanwhile. */
export const IMPORT_ROWS = 20_000;

export type ClientImportRun = { rows: number; added: number; refused: number; checkMs: number; importMs: number; totalMs: number; loop: LoopDelay | null };

/**
 * A manager's tablet imports a 20,000-row client file into the large salon, as the tablet does it: the rows (already
 * read and mapped on the tablet) go to the hub in chunks of IMPORT_CHUNK_ROWS, each checked by the hub, then one
 * `clients:import` adds them all. The hub runs in its own process on a fresh copy of the data set; its event loop is
 * watched from inside (monitorEventLoopDelay) for the whole import.
 */
export async function clientImportRun(opts: { dataDir: string; clockOffsetMs: number; pins: Record<string, string> }): Promise<ClientImportRun> {
  const hub = await HubChild.start({ dataDir: opts.dataDir, clockOffsetMs: opts.clockOffsetMs });
  try {
    const device = await pairDevice(hub.url, (await hub.pairingCode()).code, 'Bench import');
    const { socket } = await connectStaff(hub.url, device, { staffId: 'olivia', pin: opts.pins.olivia! });
    // Chinese mobile numbers in the 166 range (the data set's clients use others), a birthday on every other row.
    const rows: ImportRow[] = Array.from({ length: IMPORT_ROWS }, (_, i) => ({
      line: i + 2,
      firstName: `导入${i}`,
      lastName: 'Import',
      phone: `+86 166 ${String(i).padStart(8, '0').replace(/(\d{4})(\d{4})/, '$1 $2')}`,
      birthday: i % 2 ? `19${String(50 + (i % 50)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}` : '',
    }));
    const importId = `bench-${Date.now()}`;
    await hub.loopStart();
    const started = nowMs();
    let refused = 0;
    let accepted = 0;
    for (let part = 0, at = 0; at < rows.length; part++, at += IMPORT_CHUNK_ROWS) {
      const checked = expectOk(
        await command<{ accepted: number; refused: unknown[] }>(socket, 'clients:importCheck', { importId, part, rows: rows.slice(at, at + IMPORT_CHUNK_ROWS) }),
        'import check',
      );
      accepted = checked.accepted;
      refused += checked.refused.length;
    }
    const checkedAt = nowMs();
    const { added } = expectOk(await command<{ added: number }>(socket, 'clients:import', { importId, expected: accepted }, 60_000), 'import');
    const done = nowMs();
    const loop = await hub.loopStop().catch(() => null);
    socket.disconnect();
    return { rows: rows.length, added, refused, checkMs: checkedAt - started, importMs: done - checkedAt, totalMs: done - started, loop };
  } finally {
    await hub.kill();
    await rm(opts.dataDir, { recursive: true, force: true });
  }
}
