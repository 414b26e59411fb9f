import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FollowUpTask } from '@glow/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { FACIAL_ANSWERS } from '../support/aftercare-visit.ts';
import { connectKiosk, connectStaff, expectOk, nextEvent, send, startHub, workingHoursZone, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';

/**
 * "Problem found" on a follow-up call about a visit the hub keeps only on disk (#16): a client served three years ago
 * (her month left on disk at start-up, cold-months.ts), called today (a win-back), says something went wrong. The
 * call's notes open a complaint about that visit, read from her history, on the front desk's board with the visit's
 * service and ticket, and the complaint is worked as any other (acknowledged, resolved). The same through a merge:
 * the visit on disk belongs to an old record merged into the one the task is for. A client never served anywhere is
 * refused with a clear message in the caller's language. The caller's context before dialling shows that visit too.
 * Real LowdbStore data directory, restarted years later.
 */
const YEAR = 365 * 86_400_000;
const THEN = Date.parse('2023-03-07T02:00:00Z');
const TODAY = THEN + 3 * YEAR;
const ZONE = workingHoursZone(THEN);
let now = THEN;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = THEN;
});

/** A client through a whole facial (kiosk, desk, close); returns her id and the visit's. */
async function servedClient(t: TestHub, desk: StaffSocket, who: { firstName: string; lastName: string; phone: string }) {
  const kiosk = await connectKiosk(t.url, 'en');
  const ticket = expectOk(
    await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({ client: who, serviceId: 'facial-classic', language: 'en', answers: { ...FACIAL_ANSWERS, pregnant: false, concerns: [...FACIAL_ANSWERS.concerns] } })),
  );
  kiosk.socket.disconnect();
  const visitId = ticket.visitId;
  if (t.hub.core.engine.state.visits[visitId]!.state === 'queued') expectOk(await send(desk, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
  const plan = expectOk(await send(desk, 'plan:update', { visitId, plan: { serviceIds: ['facial-classic'], products: [], durationMin: 60 } }));
  expectOk(await send(desk, 'plan:confirm', { visitId, planVersion: plan.version }));
  expectOk(await send(desk, 'visit:start', { visitId }));
  expectOk(await send(desk, 'visit:finish', { visitId }));
  expectOk(await send(desk, 'visit:close', { visitId, rating: { csat: 4 }, aftercare: { notes: '', homeProducts: [] } }));
  const roomId = t.hub.core.engine.state.visits[visitId]?.roomId;
  if (roomId && t.hub.core.engine.state.rooms[roomId]?.state === 'cleaning') expectOk(await send(desk, 'room:ready', { roomId }));
  const visit = t.hub.core.engine.state.visits[visitId]!;
  return { clientId: visit.clientId, visitId, ticket: visit.ticket };
}

/** Three years ago: Lin and her old record (another number) each had a facial; then the hub is restarted today. */
async function salonYearsLater() {
  const dataDir = await mkdtemp(join(tmpdir(), 'glow-problem-history-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  // The store's clock is the test's: at the restart, months older than the links' reach are left on disk.
  const store = () => new LowdbStore({ dir: dataDir, now: () => now });
  const first = await startHub({ store: store(), clock: () => now, timeZone: ZONE, outbox: { outboxTickMs: 3_600_000 } });
  const desk = (await connectStaff(first, { staffId: 'grace', pin: '4444' })).socket;
  const lin = await servedClient(first, desk, { firstName: 'Lin', lastName: 'Zhou', phone: '+8613800138011' });
  now += 3_600_000;
  const old = await servedClient(first, desk, { firstName: 'Lin', lastName: 'Zhou', phone: '+8613800138012' });
  await first.stop();
  now = TODAY;
  const t = await startHub({ store: store(), clock: () => now, timeZone: ZONE, outbox: { outboxTickMs: 3_600_000 } });
  cleanups.push(() => t.stop());
  // Her month is on disk only: the hub holds none of these visits.
  expect(t.hub.core.engine.state.visits[lin.visitId]).toBeUndefined();
  expect(t.hub.core.engine.state.visits[old.visitId]).toBeUndefined();
  return { t, lin, old };
}

/** An open desk call for the client (as the sweep makes a win-back), journaled on the hub's one command path. */
async function openCall(t: TestHub, clientId: string, visitId: string | null, id: string): Promise<void> {
  const task: FollowUpTask = {
    id,
    clientId,
    visitId,
    bookingId: null,
    productId: null,
    rule: 'win_back',
    dueDate: new Date(TODAY).toISOString().slice(0, 10),
    assigneeId: null,
    dedupeKey: `test:${id}`,
    state: 'open',
    createdAt: TODAY,
    attempts: [],
  };
  expectOk(await t.hub.core.engine.execute({ command: 'test:task', commandId: null, language: 'en' }, () => ({ changes: { followUpTasks: { [id]: task } }, result: {} })));
}

describe('problem found on a call about a visit on disk', () => {
  it('opens a complaint about that visit, shown on the board with its service and ticket, and worked to resolved', async () => {
    const { t, lin } = await salonYearsLater();
    await openCall(t, lin.clientId, null, 'fu-lin');
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    // Before dialling, the caller sees that visit: read from her history, as the call is about it.
    const [context] = expectOk(await send(desk.socket, 'followUp:context', { taskIds: ['fu-lin'] })).contexts;
    expect(context).toMatchObject({ taskId: 'fu-lin', client: { id: lin.clientId, visits: 1 }, lastVisit: { visitId: lin.visitId, serviceId: 'facial-classic', staffId: 'mei' } });
    const note = 'Says the redness after the facial never fully went away';
    const result = expectOk(await send(desk.socket, 'followUp:record', { taskId: 'fu-lin', outcome: 'problem', note, problemKind: 'result' }));
    expect(result).toMatchObject({ state: 'done' });
    const complaint = t.hub.core.engine.state.complaints[result.complaintId!]!;
    expect(complaint).toMatchObject({
      visitId: lin.visitId,
      clientId: lin.clientId,
      description: note,
      since: 'days_later',
      status: 'received',
      contact: 'call',
      visitAbout: { serviceId: 'facial-classic', ticket: lin.ticket },
    });
    // The board (a desk signing in now) lists it with the visit's service and ticket.
    const board = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    expect(board.snapshot.view.complaints[complaint.id]).toMatchObject({ serviceId: 'facial-classic', ticket: lin.ticket, clientName: expect.stringContaining('Lin'), description: note });
    expectOk(await send(board.socket, 'complaint:acknowledge', { complaintId: complaint.id }));
    expectOk(await send(board.socket, 'complaint:resolve', { complaintId: complaint.id, resolution: 'Free calming treatment booked' }));
    expect(t.hub.core.engine.state.complaints[complaint.id]).toMatchObject({ status: 'resolved', acknowledgedBy: 'grace', resolvedBy: 'grace' });
    // The call is logged on the task with the complaint it opened.
    expect(t.hub.core.engine.state.followUpTasks['fu-lin']!.attempts).toEqual([expect.objectContaining({ outcome: 'problem', complaintId: complaint.id, note })]);
  });

  it('through a merge: the visit on disk belongs to her old record, merged into the one the call is for', async () => {
    const { t, lin, old } = await salonYearsLater();
    await openCall(t, lin.clientId, null, 'fu-merged');
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(boss.socket, 'clients:merge', { keepId: lin.clientId, mergeId: old.clientId }));
    const [context] = expectOk(await send(boss.socket, 'followUp:context', { taskIds: ['fu-merged'] })).contexts;
    expect(context).toMatchObject({ client: { id: lin.clientId, visits: 2 }, lastVisit: { visitId: old.visitId } });
    // Her own visit is on disk too: the complaint is about the latest of the two (the old record's, closed after).
    const answer = expectOk(await send(boss.socket, 'followUp:record', { taskId: 'fu-merged', outcome: 'problem', note: 'Product made her skin dry', problemKind: 'product' }));
    const complaint = t.hub.core.engine.state.complaints[answer.complaintId!]!;
    expect(complaint).toMatchObject({ visitId: old.visitId, clientId: lin.clientId, kind: 'product', visitAbout: { serviceId: 'facial-classic', ticket: old.ticket } });
  });

  it('refuses a problem for a client never served, in the caller’s language, and keeps the call open', async () => {
    const { t } = await salonYearsLater();
    expectOk(
      await t.hub.core.engine.execute({ command: 'test:client', commandId: null, language: 'en' }, () => ({
        changes: { clients: { newbie: { id: 'newbie', firstName: 'Ada', lastName: 'Ng', phone: '+8613800138019', language: 'en', createdAt: TODAY, referredBy: null } } },
        result: {},
      })),
    );
    await openCall(t, 'newbie', null, 'fu-newbie');
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const en = await send(desk.socket, 'followUp:record', { taskId: 'fu-newbie', outcome: 'problem', note: 'Unhappy with a product bought elsewhere' });
    expect(en).toMatchObject({ ok: false, error: { reason: 'follow_up_no_visit', message: 'No visit of this client is on file to attach a complaint to. Tell the manager what the client said.' } });
    // The same tablet switched to Chinese (the language rides in the handshake; the session token too).
    (desk.socket.auth as Record<string, unknown>).language = 'zh-CN';
    desk.socket.disconnect();
    const again = nextEvent(desk.socket as never, 'sync:snapshot');
    desk.socket.connect();
    await again;
    const zh = await send(desk.socket, 'followUp:record', { taskId: 'fu-newbie', outcome: 'problem', note: '不满意' });
    expect(zh).toMatchObject({ ok: false, error: { reason: 'follow_up_no_visit', message: '没有该客人的到店记录可以关联投诉。请把客人说的情况告诉店长。' } });
    expect(t.hub.core.engine.state.followUpTasks['fu-newbie']).toMatchObject({ state: 'open', attempts: [] });
    expect(Object.keys(t.hub.core.engine.state.complaints)).toEqual([]);
  });
});
