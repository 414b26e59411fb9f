import { afterEach, describe, expect, it } from 'vitest';
import type { StaffSnapshot } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { connectStaff, expectOk, nextEvent, send, startHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 23 November 2026, 09:30 in the salon (UTC here): the demo staff are on shift. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);

/**
 * When the manager takes someone's access away (#13) — a PIN reset, or the person archived because they left — the
 * tablets they are signed in on are signed out at once, pushed by the hub (not at their next command), and whatever
 * those tablets send next is refused. Someone archived can be restored, with their history, by the manager only.
 */
describe('staff sign-out pushed by the hub', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  const start = () => startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });

  it('a PIN reset signs Anna’s tablet out at once; its next command is refused; the new PIN works, the old does not', async () => {
    h = await start();
    const anna = await connectStaff(h, { staffId: 'anna', pin: '2222' });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const annaSocket = anna.socket as unknown as Socket;
    const ended = nextEvent<{ reason: string }>(annaSocket, 'auth:ended', 2000);
    const locked = nextEvent<StaffSnapshot>(annaSocket, 'sync:snapshot', 2000);

    expectOk(await send(boss.socket, 'staff:setPin', { staffId: 'anna', pin: '582046', pinAgain: '582046' }));

    expect((await ended).reason).toBe('logout');
    const view = await locked;
    expect(view.session).toBeNull();
    expect(Object.keys(view.view.visits)).toHaveLength(0);
    const next = await send(anna.socket, 'room:ready', { roomId: 'room-1' });
    expect(next.ok ? 'ok' : next.error.reason).toBe('session_expired');

    // The manager who reset it stays signed in; the old PIN is dead, the new one opens a session.
    expect((await send(boss.socket, 'security:list', {})).ok).toBe(true);
    expect((await send(anna.socket, 'auth:login', { staffId: 'anna', pin: '2222' })).ok).toBe(false);
    expect((await send(anna.socket, 'auth:login', { staffId: 'anna', pin: '582046' })).ok).toBe(true);
  });

  it('the front desk and beauticians may not reset a PIN: Anna stays signed in', async () => {
    h = await start();
    const anna = await connectStaff(h, { staffId: 'anna', pin: '2222' });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(h, { staffId: 'mei', pin: '1111' });
    for (const who of [desk, mei]) {
      const refused = await send(who.socket, 'staff:setPin', { staffId: 'anna', pin: '582046', pinAgain: '582046' });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    }
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // past one session sweep
    const still = await send(anna.socket, 'security:list', {});
    expect(still.ok ? 'ok' : still.error.code).toBe('forbidden'); // signed in as a beautician, not signed out
  });
});

describe('archived staff can be restored', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('archiving Anna signs her out; only the manager restores her, card and PIN kept; she signs in again', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const anna = await connectStaff(h, { staffId: 'anna', pin: '2222' });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(h, { staffId: 'mei', pin: '1111' });
    const card = h.hub.core.engine.state.staff.anna!;
    const input = { id: 'anna', name: card.name, role: card.role, skills: card.skills, weeklyShifts: card.weeklyShifts };

    const ended = nextEvent<{ reason: string }>(anna.socket as unknown as Socket, 'auth:ended', 3000);
    expectOk(await send(boss.socket, 'staff:save', { ...input, active: false }));
    expect((await ended).reason).toBe('logout');
    expect((await send(anna.socket, 'auth:login', { staffId: 'anna', pin: '2222' })).ok).toBe(false);
    expect(h.hub.core.engine.state.staff.anna).toMatchObject({ active: false, name: 'Anna Park' });
    // Only the manager still sees her (the catalogue lists her to restore); the desk's board and the sign-in tiles do not.
    const views = h.hub.core.views;
    expect(views.staffView({ kind: 'manager' }).staff.anna).toMatchObject({ active: false });
    expect(views.staffView({ kind: 'floor' }).staff.anna).toBeUndefined();
    expect(views.staffView({ kind: 'locked' }).staff.anna).toBeUndefined();

    // Restoring is the manager's: the desk and a beautician are refused and nothing changes.
    for (const who of [desk, mei]) {
      const refused = await send(who.socket, 'staff:save', { ...input, active: true });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    }
    expect(h.hub.core.engine.state.staff.anna?.active).toBe(false);

    expect(expectOk(await send(boss.socket, 'staff:save', { ...input, active: true }))).toEqual({ id: 'anna' });
    expect(h.hub.core.engine.state.staff.anna).toMatchObject({ active: true, name: 'Anna Park', skills: card.skills, weeklyShifts: card.weeklyShifts });
    // Her PIN was never dropped: she signs in as before.
    expect((await send(anna.socket, 'auth:login', { staffId: 'anna', pin: '2222' })).ok).toBe(true);
  });

  it('a restore that would give two current staff the same name is refused, naming the field', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const card = h.hub.core.engine.state.staff.anna!;
    const input = { id: 'anna', name: card.name, role: card.role, skills: card.skills, weeklyShifts: card.weeklyShifts };
    expectOk(await send(boss.socket, 'staff:save', { ...input, active: false }));
    // A new Anna Park joins while the first is archived.
    expectOk(await send(boss.socket, 'staff:save', { ...input, id: null, active: true }));
    const clash = await send(boss.socket, 'staff:save', { ...input, active: true });
    expect(clash.ok ? [] : clash.error.issues?.map((i) => `${i.field}:${i.rule}`)).toEqual(['name:duplicate_name']);
    expect(h.hub.core.engine.state.staff.anna?.active).toBe(false);
  });
});
