import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  KioskPatchSchema,
  KioskSnapshotSchema,
  StaffPatchSchema,
  StaffSnapshotSchema,
  type KioskPatch,
  type StaffPatch,
} from '@glow/shared';
import { checkIn, connectKiosk, connectStaff, expectOk, nextEvent, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * The snapshots and patches the hub sends are exactly what their shared zod schemas describe: parsing one changes
 * nothing (an unknown or missing field would be stripped or refused), so the apps' types are the wire's.
 */
describe('wire shapes: snapshots and patches', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('the kiosk’s and a front desk’s snapshot and patches match their schemas', async () => {
    const kiosk = await connectKiosk(t.url);
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    expect(KioskSnapshotSchema.parse(kiosk.snapshot)).toEqual(kiosk.snapshot);
    expect(StaffSnapshotSchema.parse(desk.snapshot)).toEqual(desk.snapshot);

    const kioskPatch = nextEvent<KioskPatch>(kiosk.socket as unknown as Socket, 'sync:patch');
    const deskPatch = nextEvent<StaffPatch>(desk.socket as unknown as Socket, 'sync:patch');
    expectOk(await checkIn(kiosk.socket, { firstName: 'Lina', lastName: 'Zhou', phone: '13800138000' }));
    const [k, d] = await Promise.all([kioskPatch, deskPatch]);
    expect(KioskPatchSchema.parse(k)).toEqual(k);
    expect(StaffPatchSchema.parse(d)).toEqual(d);
    expect(Object.keys(d.set.visits ?? {})).toHaveLength(1);
  });

  it('refuses a patch that is not one (a revision that is no number, a deletion that is no list of ids)', () => {
    expect(StaffPatchSchema.safeParse({ revision: 'x', set: {}, del: {} }).success).toBe(false);
    expect(KioskPatchSchema.safeParse({ revision: 3, set: {}, del: { tickets: 'all' } }).success).toBe(false);
  });
});
