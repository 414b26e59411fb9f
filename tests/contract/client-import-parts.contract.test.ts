import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_ROWS, type ImportRow } from '@glow/shared';
import { decideImportPart, decideImportStart, WRITE_CHUNK_ROWS } from '../../hub/src/services/client-import/import-writer.ts';
import { emptyMemoryDisk, MemoryStore } from '../../hub/src/store/memory.store.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 23 November 2026, 09:30 in the salon (UTC here). */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const rowsOf = (n: number): ImportRow[] =>
  Array.from({ length: n }, (_, i) => ({ line: i + 2, firstName: `Client${i}`, lastName: '', phone: `1390${String(i).padStart(7, '0')}`, birthday: '' }));

/**
 * A client import is written in parts (#13): the floor's commands are journaled between them (the floor keeps
 * answering during a 20,000-row import), and an import the hub did not finish is undone at the next start.
 */
describe('client import in parts', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  const checkAll = async (socket: Parameters<typeof send>[0], importId: string, rows: ImportRow[]) => {
    for (let part = 0; part * IMPORT_CHUNK_ROWS < rows.length; part++) {
      expectOk(await send(socket, 'clients:importCheck', { importId, part, rows: rows.slice(part * IMPORT_CHUNK_ROWS, (part + 1) * IMPORT_CHUNK_ROWS) }));
    }
  };

  it('journals the clients in parts, and a desk command sent meanwhile is journaled between them', async () => {
    const disk = emptyMemoryDisk();
    h = await startHub({ store: new MemoryStore(disk), clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const rows = rowsOf(5_000);
    await checkAll(boss.socket, 'f5k', rows);
    const before = Object.keys(h.hub.core.engine.state.clients).length;
    const from = disk.journal.length;

    const importing = send(boss.socket, 'clients:import', { importId: 'f5k', expected: rows.length }, 20_000);
    // The desk pauses auto-assignment while the import is being written.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const desks = send(desk.socket, 'floor:setAutoAssign', { enabled: false });
    expect(expectOk(await importing)).toEqual({ added: 5_000 });
    expectOk(await desks);

    const commands = disk.journal.slice(from).map((e) => e.command);
    expect(commands.filter((c) => c === 'clients:importPart')).toHaveLength(5_000 / WRITE_CHUNK_ROWS);
    const first = commands.indexOf('clients:import');
    const last = commands.lastIndexOf('clients:import');
    expect(last).toBeGreaterThan(first);
    // The desk's command did not wait for the whole import: it is journaled between the import's first and last entries.
    expect(commands.indexOf('floor:setAutoAssign')).toBeGreaterThan(first);
    expect(commands.indexOf('floor:setAutoAssign')).toBeLessThan(last);
    expect(Object.keys(h.hub.core.engine.state.clients).length).toBe(before + 5_000);
    expect(h.hub.core.engine.state.meta.clientImport).toBeNull();
  });

  it('an import cut off after some of its parts leaves nothing once the hub starts again', async () => {
    const disk = emptyMemoryDisk();
    h = await startHub({ store: new MemoryStore(disk), clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const engine = h.hub.core.engine;
    const before = Object.keys(engine.state.clients).length;
    const accepted = rowsOf(3_000).map((r, i) => ({ line: r.line, firstName: r.firstName, lastName: '', phone: `+86139${String(i).padStart(8, '0')}`, birthday: null }));
    // The hub wrote the start and one part of three, then the power went.
    const started = await engine.execute({ command: 'clients:import', commandId: null, language: 'en' }, (s, now) =>
      decideImportStart(s, now, accepted, accepted.length, () => false, 'cutoff'),
    );
    if (!started.ok) throw new Error(started.error.message);
    expectOk(await engine.execute({ command: 'clients:importPart', commandId: null, language: 'en' }, (s) => decideImportPart(s, accepted, 0, 1_000, started.data, () => false)));
    expect(Object.keys(engine.state.clients).length).toBe(before + 1_000);
    await h.hub.stop();

    h = await startHub({ store: new MemoryStore(disk), clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const state = h.hub.core.engine.state;
    expect(Object.keys(state.clients).length).toBe(before);
    expect(state.meta.clientImport).toBeNull();
    expect(disk.journal.at(-1)?.command).toBe('clients:importDiscard');
    // The manager checks the file again and imports it whole.
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    await checkAll(boss.socket, 'again', rowsOf(3_000));
    expect(expectOk(await send(boss.socket, 'clients:import', { importId: 'again', expected: 3_000 }, 20_000))).toEqual({ added: 3_000 });
  });
});
