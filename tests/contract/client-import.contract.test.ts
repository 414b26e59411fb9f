import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_ROWS, type ImportRow } from '@glow/shared';
import { connectStaff, send, startHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 23 November 2026, 09:30 in the salon (UTC here). */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const row = (line: number, phone: string, over: Partial<ImportRow> = {}): ImportRow => ({
  line,
  firstName: `Client${line}`,
  lastName: '',
  phone,
  birthday: '',
  ...over,
});

/** The file of the tests: three good rows, a bad number, an impossible birthday and a number twice. */
const FILE: ImportRow[] = [
  row(2, '138 0013 8001', { birthday: '1990-04-25' }),
  row(3, '+86 138-0013-8002'),
  row(4, 'not a phone'),
  row(5, '13800138003', { birthday: '1990-02-30' }),
  row(6, '138 0013 8001'),
  row(7, '13800138004', { firstName: '王', lastName: '芳' }),
];

describe('client import (#13)', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  const clientCount = () => Object.keys(h!.hub.core.engine.state.clients).length;

  it('is refused for the front desk and beauticians and changes nothing', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(h, { staffId: 'mei', pin: '1111' });
    const before = clientCount();
    const revision = h.hub.core.engine.revision;
    for (const who of [desk, mei]) {
      const check = await send(who.socket, 'clients:importCheck', { importId: 'f1', part: 0, rows: FILE });
      const add = await send(who.socket, 'clients:import', { importId: 'f1', expected: 3 });
      expect(!check.ok && check.error.code).toBe('forbidden');
      expect(!add.ok && add.error.code).toBe('forbidden');
    }
    expect(h.hub.core.engine.revision).toBe(revision);
    expect(clientCount()).toBe(before);
  });

  it('reports every refused row and why, then adds every accepted row in one command; a retry and a second run add nobody twice', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const before = clientCount();

    const check = await send(boss.socket, 'clients:importCheck', { importId: 'f1', part: 0, rows: FILE });
    expect(check.ok && check.data).toEqual({
      accepted: 3,
      refused: [
        { line: 4, field: 'phone', rule: 'phone_format' },
        { line: 5, field: 'birthday', rule: 'birthday_format' },
        { line: 6, field: 'phone', rule: 'import_duplicate_in_file', firstLine: 2 },
      ],
    });
    expect(clientCount()).toBe(before); // checking adds nobody

    const revision = h.hub.core.engine.revision;
    const commandId = 'import-cmd-0001';
    const added = await send(boss.socket, 'clients:import', { commandId, importId: 'f1', expected: 3 });
    expect(added.ok && added.data).toEqual({ added: 3 });
    // One command, journaled in parts so the floor keeps answering: the start (checks, marker), the clients, the end.
    expect(h.hub.core.engine.revision).toBe(revision + 3);
    expect(h.hub.core.engine.state.meta.clientImport ?? null).toBeNull();
    const phones = Object.values(h.hub.core.engine.state.clients).map((c) => c.phone);
    expect(phones).toEqual(expect.arrayContaining(['+8613800138001', '+8613800138002', '+8613800138004']));
    expect(clientCount()).toBe(before + 3);

    // The same command again (a tablet that lost the answer): the first answer, nothing added.
    const retry = await send(boss.socket, 'clients:import', { commandId, importId: 'f1', expected: 3 });
    expect(retry.ok && retry.data).toEqual({ added: 3 });
    expect(clientCount()).toBe(before + 3);

    // The same file again: every good number is already a client's.
    const again = await send(boss.socket, 'clients:importCheck', { importId: 'f2', part: 0, rows: FILE });
    expect(again.ok && again.data.accepted).toBe(0);
    expect(again.ok && again.data.refused.filter((r) => r.rule === 'import_already_client').map((r) => r.line)).toEqual([2, 3, 6, 7]);
    const none = await send(boss.socket, 'clients:import', { importId: 'f2', expected: 1 });
    expect(none.ok).toBe(false);
    expect(clientCount()).toBe(before + 3);
  });

  it('adds nothing when a number became a client’s between the check and the import (all or nothing)', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const other = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const before = clientCount();
    // Two chunks of one file from the manager's tablet…
    const rows = Array.from({ length: IMPORT_CHUNK_ROWS + 5 }, (_, i) => row(i + 2, `1390000${String(i).padStart(4, '0')}`));
    const first = await send(boss.socket, 'clients:importCheck', { importId: 'big', part: 0, rows: rows.slice(0, IMPORT_CHUNK_ROWS) });
    const second = await send(boss.socket, 'clients:importCheck', { importId: 'big', part: 1, rows: rows.slice(IMPORT_CHUNK_ROWS) });
    expect(first.ok && second.ok && second.data).toEqual({ accepted: IMPORT_CHUNK_ROWS + 5, refused: [] });
    // …meanwhile another tablet imports one of its numbers.
    await send(other.socket, 'clients:importCheck', { importId: 'one', part: 0, rows: [row(2, rows[100]!.phone)] });
    expect((await send(other.socket, 'clients:import', { importId: 'one', expected: 1 })).ok).toBe(true);

    const add = await send(boss.socket, 'clients:import', { importId: 'big', expected: IMPORT_CHUNK_ROWS + 5 });
    expect(!add.ok && add.error.reason).toBe('import_phone_taken');
    expect(!add.ok && add.error.message).toContain('102');
    expect(clientCount()).toBe(before + 1);
  });

  it('refuses chunks out of order, an import never checked, and a count that is not what the preview showed', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const skipped = await send(boss.socket, 'clients:importCheck', { importId: 'f', part: 1, rows: FILE });
    expect(!skipped.ok && skipped.error.reason).toBe('import_out_of_order');
    const unchecked = await send(boss.socket, 'clients:import', { importId: 'nothing', expected: 2 });
    expect(!unchecked.ok && unchecked.error.reason).toBe('import_not_checked');
    await send(boss.socket, 'clients:importCheck', { importId: 'f', part: 0, rows: FILE });
    const wrong = await send(boss.socket, 'clients:import', { importId: 'f', expected: 4 });
    expect(!wrong.ok && wrong.error.reason).toBe('import_changed');
    const tooMany = await send(boss.socket, 'clients:importCheck', { importId: 'g', part: 0, rows: Array.from({ length: IMPORT_CHUNK_ROWS + 1 }, (_, i) => row(i + 2, '13800138000')) });
    expect(!tooMany.ok && tooMany.error.code).toBe('invalid_input');
  });
});
