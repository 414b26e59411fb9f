import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { StaffPatch } from '@glow/shared';
import {
  checkIn,
  connectKiosk,
  connectStaff,
  expectOk,
  newCommandId,
  nextEvent,
  send,
  startHub,
  type TestHub,
} from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/** Collects every patch a socket receives, so a test can ask what it saw. */
function recordPatches(socket: Socket): StaffPatch[] {
  const seen: StaffPatch[] = [];
  socket.on('sync:patch', (p: StaffPatch) => seen.push(p));
  return seen;
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('the thin visit over real sockets', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startHub();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('a walk-in reaches the right tablet only, and goes through to an aftercare page with the first name only', async () => {
    const kiosk = await connectKiosk(t.url);
    expect(kiosk.snapshot.view.services['facial-classic']).toBeDefined();
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const anna = await connectStaff(t, { staffId: 'anna', pin: '2222' });
    expect(mei.snapshot.session?.role).toBe('beautician');
    const meiPatches = recordPatches(mei.socket as unknown as Socket);
    const annaPatches = recordPatches(anna.socket as unknown as Socket);

    const assigned = nextEvent<StaffPatch>(mei.socket as unknown as Socket, 'sync:patch');
    const ticket = expectOk(await checkIn(kiosk.socket, { firstName: 'Lina', lastName: 'Zhou', phone: '138 0013 8000' }));
    expect(ticket.ticket).toMatch(/^A\d{3}$/);
    expect(ticket.firstName).toBe('Lina');

    const patch = await assigned;
    const card = patch.set.visits?.[ticket.visitId];
    expect(card).toMatchObject({ state: 'assigned', staffId: 'mei', roomId: 'room-1', clientName: 'Lina Z.' });
    await settle();
    // Anna's tablet got the revision (so it can detect gaps) but not the visit.
    expect(annaPatches.map((p) => p.revision)).toEqual(meiPatches.map((p) => p.revision));
    expect(annaPatches.some((p) => p.set.visits?.[ticket.visitId])).toBe(false);

    const visitId = ticket.visitId;
    const step = (name: 'plan:confirm' | 'visit:start' | 'visit:finish') => send(mei.socket, name, { visitId });
    expect(expectOk(await step('plan:confirm')).state).toBe('plan_confirmed');
    expect(expectOk(await step('visit:start')).state).toBe('in_service');
    expect(expectOk(await step('visit:finish')).state).toBe('closing');
    const closed = expectOk(
      await send(mei.socket, 'visit:close', { visitId, rating: { csat: 5 } }),
    );
    expect(closed.state).toBe('closed');
    expect(closed.aftercarePath).toMatch(/^\/a\/[A-Za-z0-9_-]{43}$/);

    const page = await fetch(t.url + closed.aftercarePath);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await page.text();
    expect(body).toContain('Lina');
    expect(body).toContain('Classic facial');
    expect(body).toContain('avoid make-up');
    expect(body).not.toContain('Zhou');
    expect(body).not.toContain('13800138000');
    expect(body).not.toContain('138 0013');
  });

  it('a beautician cannot act on another beautician’s visit, and illegal steps are refused with the reason', async () => {
    const kiosk = await connectKiosk(t.url);
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const anna = await connectStaff(t, { staffId: 'anna', pin: '2222' });
    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Ada', phone: '5550001' }));
    await settle();

    const foreign = await send(anna.socket, 'plan:confirm', { visitId });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'not_your_visit' } });

    const early = await send(mei.socket, 'visit:start', { visitId });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'illegal_transition' } });
    if (!early.ok) expect(early.error.message).toBe('A visit that is “assigned” cannot be started.');

    const unclosed = await send(mei.socket, 'visit:close', { visitId, rating: { csat: 4 } });
    expect(unclosed).toMatchObject({ ok: false, error: { reason: 'illegal_transition' } });
  });

  it('the same commandId retried from one kiosk checks in once and answers the same each time; another kiosk reusing it is refused (#10)', async () => {
    const kiosk = await connectKiosk(t.url);
    const other = await connectKiosk(t.url);
    const commandId = newCommandId();
    const client = { firstName: 'Ruth', phone: '+44 20 7946 0958' };
    const answers = await Promise.all([
      ...Array.from({ length: 3 }, () => checkIn(kiosk.socket, client, 'nails-gel', commandId)),
      ...Array.from({ length: 2 }, () => checkIn(other.socket, client, 'nails-gel', commandId)),
    ]);
    const first = expectOk(answers[0]!);
    for (const a of answers.slice(0, 3)) expect(expectOk(a)).toEqual(first);
    for (const a of answers.slice(3)) expect(a).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'command_id_taken' } });
    const floor = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const visits = Object.values(floor.snapshot.view.visits).filter((v) => v.serviceId === 'nails-gel');
    expect(visits).toHaveLength(1);
  });

  it('invalid input is refused with messages naming the field and the rule, in the client’s language', async () => {
    const kiosk = await connectKiosk(t.url, 'zh-CN');
    const bad = await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
      client: { firstName: '', phone: '12ab' },
      serviceId: 'facial-classic',
      language: 'zh-CN',
    }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid_input');
    const byField = Object.fromEntries((bad.error.issues ?? []).map((i) => [i.field, i]));
    expect(byField['client.firstName']).toMatchObject({ rule: 'required', message: '请填写名字。' });
    expect(byField['client.phone']?.rule).toBe('phone_format');
    expect(byField['client.phone']?.message).toContain('手机号码');

    const unknownService = await checkIn(kiosk.socket, { firstName: 'Bo', phone: '5550002' }, 'no-such-service');
    expect(unknownService).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'unknown_service' } });

    // Garbage of every shape gets an answer, never a crash.
    for (const junk of [null, 42, 'x', [], { commandId: 1 }, { commandId: newCommandId(), client: 'no' }]) {
      const res = await (kiosk.socket as unknown as Socket).timeout(5000).emitWithAck('visit:checkIn', junk);
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const health = await fetch(`${t.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, version: 'test' });
  });

  it('staff commands need a signed-in staff member with the right role', async () => {
    const locked = await connectStaff(t);
    const res = await send(locked.socket, 'plan:confirm', { visitId: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(Object.keys(locked.snapshot.view.visits)).toHaveLength(0);
    expect(locked.snapshot.view.staff.mei?.name).toBe('Mei Lin');

    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const code = await send(mei.socket, 'pairing:create', {});
    expect(code).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const olivia = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const made = expectOk(await send(olivia.socket, 'pairing:create', {}));
    expect(made.code).toMatch(/^\d{6}$/);

    const wrong = await send(locked.socket, 'auth:login', { staffId: 'mei', pin: '0000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'bad_pin', message: 'Wrong PIN. Please try again.' } });
  });
});

describe('aftercare links are stored only as their hash', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startHub({ store: 'lowdb' });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('a retried close answers with the same link, and neither the state nor the journal holds the token', async () => {
    const kiosk = await connectKiosk(t.url);
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Hana', phone: '5550777' }));
    await settle();
    for (const name of ['visit:accept', 'plan:confirm', 'visit:start', 'visit:finish'] as const) {
      expectOk(await send(mei.socket, name, { visitId }));
    }
    const commandId = newCommandId();
    const first = expectOk(await send(mei.socket, 'visit:close', { commandId, visitId, rating: { csat: 5 } }));
    const retry = expectOk(await send(mei.socket, 'visit:close', { commandId, visitId, rating: { csat: 5 } }));
    expect(retry).toEqual(first);
    const token = first.aftercarePath.slice('/a/'.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await fetch(t.url + first.aftercarePath)).status).toBe(200);
    expect(JSON.stringify(t.hub.core.engine.state)).not.toContain(token);
    // Nothing in the data directory (journal, snapshots) holds it either.
    for (const file of await readdir(t.dataDir!)) {
      expect(await readFile(join(t.dataDir!, file), 'utf8'), file).not.toContain(token);
    }
  });
});
