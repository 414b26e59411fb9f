import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { StaffPatch } from '@glow/shared';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { connectStaff, expectOk, send, startHub } from '../support/hub-harness.ts';

/**
 * An open record follows changes made on another tablet (#16): the desk's and the manager's live view names, by
 * change id, the clients whose record was corrected or merged (`recordChanges`, never what changed), so the record
 * screen reads it again; a beautician is told nothing. Also the referral and e-mail corrections over the socket.
 */
describe('client record refresh and referrals', () => {
  it('tells the other desk tablets and the manager which record changed; a beautician nothing', async () => {
    const now = Date.now();
    const t = await startHub({ clock: () => now, seed: () => clientRecordSalon(now, 'Etc/UTC'), timeZone: 'Etc/UTC', floorTickMs: 3_600_000 });
    try {
      const deskA = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
      const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
      const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
      const patches = (socket: unknown) => {
        const seen: StaffPatch[] = [];
        (socket as Socket).on('sync:patch', (p: StaffPatch) => seen.push(p));
        return seen;
      };
      const onBoss = patches(boss);
      const onMei = patches(mei.socket);
      const names = (seen: StaffPatch[]) =>
        seen.flatMap((p) => Object.values(p.set.recordChanges ?? {}).filter((c) => c.about === 'record').flatMap((c) => c.clientIds));
      expectOk(await send(deskA, 'clients:edit', { clientId: 'c-zoe', changes: { notes: 'Prefers mornings' } }));
      await expect.poll(() => names(onBoss)).toContain('c-zoe');
      expectOk(await send(boss, 'clients:merge', { keepId: 'c-wang', mergeId: 'c-wang2' }));
      await expect.poll(() => names(onBoss)).toContain('c-wang2');
      expect(names(onBoss)).toContain('c-wang');
      // The change itself stays on the record: no field, value or author rides in the view.
      expect(JSON.stringify(onBoss)).not.toContain('Prefers mornings');
      expect(names(onMei)).toEqual([]);
      expect(mei.snapshot.view.recordChanges ?? {}).toEqual({});
      // A tablet that connects later is given today's changes in its snapshot.
      const deskB = await connectStaff(t, { staffId: 'grace', pin: '4444' });
      const records = Object.values(deskB.snapshot.view.recordChanges).filter((c) => c.about === 'record');
      expect(records.flatMap((c) => c.clientIds).sort()).toEqual(['c-wang', 'c-wang2', 'c-zoe']);
    } finally {
      await t.stop();
    }
  });

  it('records who referred whom, shown both ways; refuses herself and a loop in words; sets the e-mail, logged', async () => {
    const now = Date.now();
    const t = await startHub({ clock: () => now, seed: () => clientRecordSalon(now, 'Etc/UTC'), timeZone: 'Etc/UTC', floorTickMs: 3_600_000 });
    try {
      const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
      expectOk(await send(desk, 'clients:edit', { clientId: 'c-li', changes: { referredBy: 'c-wang', email: 'lilei@example.cn' } }));
      expectOk(await send(desk, 'clients:edit', { clientId: 'c-zoe', changes: { referredBy: 'c-wang' } }));
      const wang = expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' }));
      expect(wang.referrals.referred.map((r) => r.id).sort()).toEqual(['c-li', 'c-zoe']);
      const li = expectOk(await send(desk, 'clients:record', { clientId: 'c-li' }));
      expect(li.referrals.referredBy).toEqual({ id: 'c-wang', firstName: '美丽', lastName: '王' });
      expect(li.client.email).toBe('lilei@example.cn');
      expect(li.changes[0]!.fields.map((f) => f.field).sort()).toEqual(['email', 'referredBy']);
      const self = await send(desk, 'clients:edit', { clientId: 'c-li', changes: { referredBy: 'c-li' } });
      expect(self).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('referred herself'), issues: [{ field: 'referredBy' }] } });
      const loop = await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { referredBy: 'c-li' } });
      expect(loop).toMatchObject({ ok: false, error: { message: expect.stringContaining('loop') } });
      // A referrer taken back: she no longer lists the client.
      expectOk(await send(desk, 'clients:edit', { clientId: 'c-zoe', changes: { referredBy: null } }));
      expect(expectOk(await send(desk, 'clients:record', { clientId: 'c-wang' })).referrals.referred.map((r) => r.id)).toEqual(['c-li']);
    } finally {
      await t.stop();
    }
  });
});
