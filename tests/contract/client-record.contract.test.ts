import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { KIOSK_COMMANDS, type StaffPatch } from '@glow/shared';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { checkIn, connectKiosk, connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

/**
 * The client's record over real sockets (#16), on the real store restarted so that five years back is a month left
 * on disk: who finds and opens whom, health data only to who may see it, the desk's corrections logged, a number of
 * another client refused, and a merge that keeps everything.
 */
describe('client record', () => {
  const now = Date.now();
  let dir: string;
  let t: TestHub;
  let desk: StaffSocket;
  let boss: StaffSocket;
  let mei: StaffSocket;
  const state = () => t.hub.core.engine.state;
  const start = () =>
    startHub({
      store: new LowdbStore({ dir, now: () => now }),
      clock: () => now,
      seed: () => clientRecordSalon(now, 'Etc/UTC'),
      timeZone: 'Etc/UTC',
      floorTickMs: 3_600_000,
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glow-record-'));
    // First start seeds and checkpoints; the restart leaves the old months on disk.
    const first = await start();
    await first.stop();
    t = await start();
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens five years of history after a restart, the old visit read from a month left on disk', async () => {
    expect(state().visits['v-old']).toBeUndefined(); // not loaded: its month stayed on disk
    const record = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
    expect(record.visits.map((v) => v.id)).toEqual(['v-recent', 'v-old']);
    expect(record.visits[1]).toMatchObject({ staffName: expect.any(String), rating: { csat: 5, comment: '很舒服' } });
    expect(record.consents.map((c) => `${c.kind}${c.version}`)).toEqual(['terms1', 'health1']);
    expect(record.dates.firstVisit).toBe(record.visits[1]!.at);
  });

  it('shows the desk that a contraindication is on file, never what; the manager sees it on top', async () => {
    const forDesk = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
    expect(forDesk.hasHealthFlags).toBe(true);
    expect(forDesk.flags).toEqual([]);
    expect(forDesk.visits.every((v) => v.consultation.status === 'withheld' && v.consultation.answers.length === 0)).toBe(true);
    const forBoss = expectOk(await send(boss, 'clients:record', { clientId: 'c-wang' }));
    expect(forBoss.flags.length).toBeGreaterThan(0);
    expect(forBoss.visits.find((v) => v.id === 'v-old')!.consultation.status).toBe('done');
  });

  it('lets a beautician find and open only the clients assigned to her today; the kiosk has no such command', async () => {
    expect(expectOk(await send(mei, 'clients:search', { query: 'wml' })).hits).toEqual([]);
    expect(await send(mei, 'clients:record', { clientId: 'c-wang' })).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'not_your_client' } });
    expect(expectOk(await send(mei, 'clients:search', { query: '李雷' })).hits.map((h) => h.id)).toEqual(['c-li']);
    const li = expectOk(await send(mei, 'clients:record', { clientId: 'c-li' }));
    expect(li.changes).toEqual([]);
    expect(await send(mei, 'clients:edit', { clientId: 'c-li', changes: { notes: 'x' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(Object.keys(KIOSK_COMMANDS).filter((name) => name.startsWith('clients:'))).toEqual([]);
  });

  it('finds by pinyin, initials, characters, digits and folded Latin; the whole number first', async () => {
    const ids = async (query: string) => expectOk(await send(desk, 'clients:search', { query })).hits.map((h) => h.id);
    expect(await ids('wml')).toEqual(['c-wang', 'c-wang2']);
    expect(await ids('wangmeili')).toEqual(['c-wang', 'c-wang2']);
    expect(await ids('王美丽')).toEqual(['c-wang', 'c-wang2']);
    expect(await ids('zoe muller')).toEqual(['c-zoe']);
    expect(await ids('13800138000')).toEqual(['c-wang']);
    expect(expectOk(await send(desk, 'clients:search', { query: '8000' })).hits[0]).toMatchObject({ id: 'c-wang' });
    expect(await send(desk, 'clients:search', { query: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it("logs the desk's corrections with who and when; refuses an impossible date and another client's number", async () => {
    const impossible = await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { birthday: '1990-02-30' } });
    expect(impossible).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const taken = await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { phone: '139 0013 9000' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'client_phone_taken' } });
    expect(!taken.ok && taken.error.message).toContain('李');
    const edited = expectOk(await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { birthday: '1988-03-21', phone: '138 0013 8888', notes: 'Prefers mornings' } }));
    expect(edited.changed.sort()).toEqual(['birthday', 'notes', 'phone']);
    expect(state().clients['c-wang']).toMatchObject({ birthday: '1988-03-21', phone: '+8613800138888', notes: 'Prefers mornings' });
    const record = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
    expect(record.changes[0]).toMatchObject({ kind: 'edit', by: 'grace', at: now, fields: expect.arrayContaining([{ field: 'birthday', from: '1988-03-12', to: '1988-03-21' }]) });
    expect(expectOk(await send(desk, 'clients:search', { query: '8888' })).hits[0]).toMatchObject({ id: 'c-wang', match: 'phone' });
  });

  it('merges two records of one person on the manager’s word, keeping every visit and consent; refuses a merge with itself', async () => {
    expect(expectOk(await send(desk, 'clients:proposeMerge', { keepId: 'c-wang', mergeId: 'c-wang2' }))).toEqual({ proposed: true });
    expect(await send(desk, 'clients:merge', { keepId: 'c-wang', mergeId: 'c-wang2' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(boss, 'clients:merge', { keepId: 'c-wang', mergeId: 'c-wang' })).toMatchObject({ ok: false, error: { reason: 'merge_self' } });
    expect(await send(boss, 'clients:merge', { keepId: 'c-wang', mergeId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(expectOk(await send(boss, 'clients:merge', { keepId: 'c-wang', mergeId: 'c-wang2' }))).toEqual({ keptId: 'c-wang' });
    const record = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
    expect(record.visits.map((v) => v.id)).toEqual(['v-recent', 'v-wang2', 'v-old']);
    expect(record.consents.map((c) => c.kind)).toEqual(['terms', 'health', 'marketing']);
    expect(record.mergedFrom).toEqual([{ id: 'c-wang2', name: '王美丽' }]);
    expect(record.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['merge', 'merge_proposed']));
    // The merged record leads to the kept one and is found no more.
    expect(expectOk(await send(desk, 'clients:record', { clientId: 'c-wang2' })).client.id).toBe('c-wang');
    expect(expectOk(await send(desk, 'clients:search', { query: 'wml' })).hits.map((h) => h.id)).toEqual(['c-wang']);
    expect(await send(boss, 'clients:merge', { keepId: 'c-wang', mergeId: 'c-wang2' })).toMatchObject({ ok: false, error: { reason: 'client_merged' } });
  });
});

describe('client class badges', () => {
  it('answers the classes of the clients a reader may open, by the salon rules', async () => {
    const now = Date.now();
    const t = await startHub({ clock: () => now, seed: () => clientRecordSalon(now, 'Etc/UTC'), timeZone: 'Etc/UTC', floorTickMs: 3_600_000 });
    try {
      const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
      const mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
      const forDesk = expectOk(await send(desk, 'clients:classes', { clientIds: ['c-wang', 'c-li', 'c-zoe', 'nobody'] })).classes;
      expect(Object.keys(forDesk).sort()).toEqual(['c-li', 'c-wang', 'c-zoe']);
      expect(forDesk['c-zoe']).toBe('new'); // never came
      expect(expectOk(await send(mei, 'clients:classes', { clientIds: ['c-wang', 'c-li'] })).classes).toEqual({ 'c-li': forDesk['c-li'] });
      const record = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
      expect(record.clientClass).toBe(forDesk['c-wang']);
    } finally {
      await t.stop();
    }
  });
});

describe('client corrections reach the floor live', () => {
  it("sends the desk's board the new name of a client waiting on the floor", async () => {
    const t = await startHub({ floorTickMs: 3_600_000 });
    try {
      const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
      const { socket: kiosk } = await connectKiosk(t.url);
      const checkedIn = expectOk(await checkIn(kiosk, { firstName: 'Lina', lastName: 'Zhou', phone: '13912345678' }));
      const visit = t.hub.core.engine.state.visits[checkedIn.visitId]!;
      const seen: StaffPatch[] = [];
      (desk as unknown as Socket).on('sync:patch', (p: StaffPatch) => seen.push(p));
      expectOk(await send(desk, 'clients:edit', { clientId: visit.clientId, changes: { firstName: 'Linda' } }));
      await expect.poll(() => seen.some((p) => p.set.visits?.[visit.id]?.clientName.startsWith('Linda'))).toBe(true);
    } finally {
      await t.stop();
    }
  });
});
