import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Booking, Complaint, FollowUpTask, OutboxMessage, StaffPatch, Visit } from '@glow/shared';
import { newVisit } from '@glow/shared';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

const DAY = 86_400_000;
const TODAY = (now: number) => new Date(now).toISOString().slice(0, 10);

function booking(id: string, clientId: string, startsAt: number, now: number, state: Booking['state'] = 'booked'): Booking {
  return {
    id,
    clientId,
    serviceId: 'facial-classic',
    staffId: 'anna',
    anyStaff: false,
    roomId: null,
    startsAt,
    endsAt: startsAt + 3_600_000,
    state,
    holdExpiresAt: null,
    source: 'phone',
    visitId: null,
    createdAt: now - 2 * DAY,
    cancelledAt: null,
    reminder: { dueAt: startsAt - DAY, doneAt: null, doneBy: null },
  };
}
function task(id: string, clientId: string, now: number): FollowUpTask {
  return { id, clientId, visitId: null, bookingId: null, productId: null, rule: 'day1', dueDate: TODAY(now), assigneeId: null, dedupeKey: `day1:${id}`, state: 'open', createdAt: now - DAY, attempts: [] };
}
function message(id: string, clientId: string, now: number, state: OutboxMessage['state'] = 'queued'): OutboxMessage {
  return {
    id,
    clientId,
    purpose: 'service',
    kind: 'booking_eve',
    language: 'zh-CN',
    subject: '明天的预约提醒',
    body: '您好：提醒您明天的预约。',
    dedupeKey: `eve:${id}`,
    // Held back until tomorrow: the delivery loop leaves it alone during the test.
    notBefore: now + 2 * DAY,
    createdAt: now - 60_000,
    state,
    attempts: 0,
    nextAttemptAt: now + 2 * DAY,
    channel: null,
    to: null,
    lastError: null,
    sentAt: null,
    settledAt: null,
    reduced: false,
  };
}
function complaint(id: string, clientId: string, visitId: string, now: number): Complaint {
  return {
    id,
    visitId,
    clientId,
    severity: 'complaint',
    kind: 'result',
    since: 'next_day',
    description: 'Redness after the facial',
    contact: 'call',
    photo: null,
    language: 'zh-CN',
    createdAt: now - 3_600_000,
    status: 'received',
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolution: '',
  };
}

/**
 * The record tests' salon, plus what the merged-away record 王美丽 (c-wang2) has beyond her visit on disk: a visit
 * today (in the live state), a booking tomorrow, a follow-up call, a message waiting, a complaint. And for the live
 * record test, Zoë's booking, call, message and complaint.
 */
async function salon(now: number): Promise<HubState> {
  const state = await clientRecordSalon(now, 'Etc/UTC');
  const today: Visit = {
    ...newVisit({ id: 'v-wang2-today', ticket: 'A009', clientId: 'c-wang2', serviceId: 'facial-classic', language: 'zh-CN', at: now - 2 * 3_600_000 }),
    state: 'closed',
    staffId: 'anna',
    times: { checked_in: now - 2 * 3_600_000, closed: now - 3_600_000 },
  };
  state.visits[today.id] = today;
  state.bookings['bk-wang2'] = booking('bk-wang2', 'c-wang2', now + DAY, now);
  state.followUpTasks['fu-wang2'] = task('fu-wang2', 'c-wang2', now);
  state.outbox['ms-wang2'] = message('ms-wang2', 'c-wang2', now);
  state.complaints['cp-wang2'] = complaint('cp-wang2', 'c-wang2', 'v-wang2-today', now);
  state.bookings['bk-zoe'] = booking('bk-zoe', 'c-zoe', now + 2 * DAY, now);
  state.followUpTasks['fu-zoe'] = task('fu-zoe', 'c-zoe', now);
  state.outbox['ms-zoe'] = message('ms-zoe', 'c-zoe', now);
  state.visits['v-zoe'] = { ...today, id: 'v-zoe', clientId: 'c-zoe', ticket: 'A010' };
  state.complaints['cp-zoe'] = complaint('cp-zoe', 'c-zoe', 'v-zoe', now);
  return state;
}

const patchesOf = (socket: StaffSocket) => {
  const seen: StaffPatch[] = [];
  (socket as unknown as Socket).on('sync:patch', (p: StaffPatch) => seen.push(p));
  return seen;
};

/**
 * A merge keeps everything, for every reader (#16): two records with visits on disk and in the live state merged, then
 * the record, the history, the search, the class badge, the bookings, the calls, the messages and the complaints
 * all read as one client. The manager's queue of proposals, declines with a reason, and the live views that tell an
 * open record and the Messages screen that something changed.
 */
describe('a merge, as every reader sees it', () => {
  const now = Date.now();
  let dir: string;
  let t: TestHub;
  let desk: StaffSocket;
  let boss: StaffSocket;
  let bossSnapshot: Awaited<ReturnType<typeof connectStaff>>['snapshot'];
  let deskSnapshot: Awaited<ReturnType<typeof connectStaff>>['snapshot'];
  const state = () => t.hub.core.engine.state;
  const start = () => startHub({ store: new LowdbStore({ dir, now: () => now }), clock: () => now, seed: () => salon(now), timeZone: 'Etc/UTC', floorTickMs: 3_600_000 });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glow-merge-'));
    const first = await start();
    await first.stop();
    t = await start();
    const d = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const b = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    desk = d.socket;
    deskSnapshot = d.snapshot;
    boss = b.socket;
    bossSnapshot = b.snapshot;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('queues the desk’s proposal for the manager only, shows it pending on the record, and logs a decline’s reason', async () => {
    expect(bossSnapshot.view.mergeProposals).toEqual({});
    const onBoss = patchesOf(boss);
    const onDesk = patchesOf(desk);
    expectOk(await send(desk, 'clients:proposeMerge', { keepId: 'c-wang', mergeId: 'c-wang2' }));
    await expect.poll(() => onBoss.flatMap((p) => Object.values(p.set.mergeProposals ?? {}))).toEqual([
      expect.objectContaining({ keep: { id: 'c-wang', firstName: '美丽', lastName: '王' }, merge: expect.objectContaining({ id: 'c-wang2' }), byName: expect.any(String) }),
    ]);
    expect(onDesk.some((p) => p.set.mergeProposals !== undefined)).toBe(false);
    const forDesk = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang2' }));
    expect(forDesk.pendingMerges).toEqual([expect.objectContaining({ other: { id: 'c-wang', firstName: '美丽', lastName: '王' } })]);
    // The desk may not decline; an empty reason is refused in words; a pair nobody proposed is refused.
    expect(await send(desk, 'clients:declineMerge', { keepId: 'c-wang', mergeId: 'c-wang2', reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(boss, 'clients:declineMerge', { keepId: 'c-wang', mergeId: 'c-wang2', reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('not the same person') },
    });
    expect(await send(boss, 'clients:declineMerge', { keepId: 'c-wang', mergeId: 'c-zoe', reason: 'x' })).toMatchObject({ ok: false, error: { reason: 'merge_not_proposed' } });
    const proposalId = Object.keys(onBoss.find((p) => p.set.mergeProposals)!.set.mergeProposals!)[0]!;
    expectOk(await send(boss, 'clients:declineMerge', { keepId: 'c-wang2', mergeId: 'c-wang', reason: 'Same name, different person' }));
    await expect.poll(() => onBoss.some((p) => p.del.mergeProposals?.includes(proposalId))).toBe(true);
    const after = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
    expect(after.pendingMerges).toEqual([]);
    expect(after.changes[0]).toMatchObject({ kind: 'merge_declined', reason: 'Same name, different person' });
    // Proposed again: back in the queue, to be confirmed below.
    expectOk(await send(desk, 'clients:proposeMerge', { keepId: 'c-wang', mergeId: 'c-wang2' }));
    await expect.poll(async () => Object.keys((await connectStaff(t, { staffId: 'olivia', pin: '9999' })).snapshot.view.mergeProposals).length).toBe(1);
  });

  it('after the merge every reader sees one client: record, disk history, search, badge, bookings, calls, messages', async () => {
    const classesBefore = expectOk(await send(desk, 'clients:classes', { clientIds: ['c-wang'] })).classes;
    expect(state().visits['v-old']).toBeUndefined(); // on disk
    const onBoss = patchesOf(boss);
    expectOk(await send(boss, 'clients:merge', { keepId: 'c-wang', mergeId: 'c-wang2' }));
    // The proposal leaves the manager's queue.
    await expect.poll(() => onBoss.some((p) => (p.del.mergeProposals ?? []).length > 0)).toBe(true);

    const record = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
    expect(record.visits.map((v) => v.id)).toEqual(['v-wang2-today', 'v-recent', 'v-wang2', 'v-old']);
    expect(record.dates.lastVisit).toBe(now - 2 * 3_600_000);
    expect(record.bookings.map((b) => b.id)).toEqual(['bk-wang2']);
    expect(record.followUps.map((f) => f.id)).toEqual(['fu-wang2']);
    expect(record.messages.map((m) => m.id)).toEqual(['ms-wang2']);
    expect(record.complaints.map((c) => c.id)).toEqual(['cp-wang2']);
    // The old id opens the kept record.
    expect(expectOk(await send(desk, 'clients:record', { clientId: 'c-wang2' })).client.id).toBe('c-wang');

    // Search: no separate hit for the merged record, by name or by its own number; the kept one's last visit is today's.
    const byName = expectOk(await send(desk, 'clients:search', { query: 'wml' })).hits;
    expect(byName.map((h) => h.id)).toEqual(['c-wang']);
    expect(byName[0]!.lastVisitAt).toBe(now - 2 * 3_600_000);
    expect(expectOk(await send(desk, 'clients:search', { query: '13700137000' })).hits.map((h) => h.id)).not.toContain('c-wang2');

    // The badge counts the visits of both; asked by either id, the same.
    const classes = expectOk(await send(desk, 'clients:classes', { clientIds: ['c-wang', 'c-wang2'] })).classes;
    expect(classes['c-wang2']).toBe(classes['c-wang']);
    expect(record.clientClass).toBe(classes['c-wang']);
    expect(classesBefore['c-wang']).toBeDefined();

    // What is still to come moved to the kept record: the booking (the board and its reminder name her), the call,
    // the waiting message (it goes to her contact); the complaint of a past visit stays where it was made.
    expect(state().bookings['bk-wang2']!.clientId).toBe('c-wang');
    expect(state().followUpTasks['fu-wang2']!.clientId).toBe('c-wang');
    expect(state().outbox['ms-wang2']!.clientId).toBe('c-wang');
    const board = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).snapshot.view;
    expect(JSON.stringify(board.bookings['bk-wang2'])).toContain('王');
    expect(board.followUpTasks['fu-wang2']!.clientId).toBe('c-wang');
    const outbox = expectOk(await send(boss, 'outbox:list', { state: null, limit: 50 }));
    expect(outbox.messages.find((m) => m.id === 'ms-wang2')).toMatchObject({ clientId: 'c-wang', clientName: expect.stringContaining('美丽') });
  });

  it("tells an open record's tablets of her bookings, calls, messages and complaints changed elsewhere; a beautician nothing", async () => {
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const other = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    const onDesk = patchesOf(desk);
    const onMei = patchesOf(mei.socket);
    const about = (kind: string) => onDesk.flatMap((p) => Object.values(p.set.recordChanges ?? {}).filter((c) => c.about === kind && c.clientIds.includes('c-zoe')));
    expect(Object.values(deskSnapshot.view.recordChanges).some((c) => c.about === 'booking' && c.clientIds.includes('c-zoe'))).toBe(true);
    const before = Object.entries(deskSnapshot.view.recordChanges).find(([id]) => id === 'b-bk-zoe')?.[1];
    expectOk(await send(other, 'desk:cancel', { bookingId: 'bk-zoe', reason: 'Called to cancel' }));
    await expect.poll(() => about('booking').length).toBeGreaterThan(0);
    expect(about('booking')[0]!.version).not.toBe(before?.version);
    expectOk(await send(other, 'followUp:record', { taskId: 'fu-zoe', outcome: 'reached', note: 'All good' }));
    await expect.poll(() => about('followUp').length).toBeGreaterThan(0);
    expectOk(await send(boss, 'outbox:cancel', { messageId: 'ms-zoe' }));
    await expect.poll(() => about('message').length).toBeGreaterThan(0);
    expectOk(await send(other, 'complaint:acknowledge', { complaintId: 'cp-zoe' }));
    await expect.poll(() => about('complaint').length).toBeGreaterThan(0);
    // What changed is not in the view: only that it did.
    expect(JSON.stringify(onDesk.map((p) => p.set.recordChanges ?? {}))).not.toContain('Called to cancel');
    expect(onMei.some((p) => p.set.recordChanges !== undefined)).toBe(false);
    expect(mei.snapshot.view.recordChanges).toEqual({});
    // The record read again shows it.
    const zoe = expectOk(await send(desk, 'clients:record', { clientId: 'c-zoe' }));
    expect(zoe.bookings.find((b) => b.id === 'bk-zoe')!.state).toBe('cancelled');
    expect(zoe.followUps.find((f) => f.id === 'fu-zoe')!.lastOutcome).toBe('reached');
  });

  it("pushes the outbox's counts to the manager the moment a message changes, to nobody else", async () => {
    const b = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const counts = b.snapshot.view.outboxStatus.status!.counts;
    expect(deskSnapshot.view.outboxStatus).toEqual({});
    const onBoss = patchesOf(b.socket);
    const onDesk = patchesOf(desk);
    expectOk(await send(boss, 'outbox:cancel', { messageId: 'ms-wang2' }));
    await expect.poll(() => onBoss.map((p) => p.set.outboxStatus?.status?.counts.cancelled).find((n) => n !== undefined)).toBe((counts.cancelled ?? 0) + 1);
    const status = onBoss.find((p) => p.set.outboxStatus)!.set.outboxStatus!.status!;
    expect(status.version).not.toBe(b.snapshot.view.outboxStatus.status!.version);
    expect(JSON.stringify(status)).not.toContain('预约');
    expect(onDesk.some((p) => p.set.outboxStatus !== undefined)).toBe(false);
  });
});
