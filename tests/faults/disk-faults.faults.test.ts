import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack } from '@glow/shared';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { FaultFs } from '../../hub/src/store/testing/fault-fs.ts';
import { SimFs } from '../../hub/src/store/testing/sim-fs.ts';
import { connectKiosk, newCommandId, nextEvent, pairKiosk, type KioskSocket } from '../support/hub-harness.ts';
import { hubOver } from './support/hub-over-store.ts';
import { kioskCheckIn, type KioskCheckInInput } from '../support/kiosk-check-in.ts';

const DIR = '/glow-sim/data';
const CJK = /[\u4e00-\u9fff]/;

type CheckIn = KioskCheckInInput & { client: { firstName: string; phone: string } };
const checkIn = (name: string, phone: string, language: 'en' | 'zh-CN' = 'en'): CheckIn =>
  kioskCheckIn({ client: { firstName: name, phone }, serviceId: 'facial-classic', language });
const send = (socket: KioskSocket, input: CheckIn): Promise<Ack<{ visitId: string }>> =>
  (socket as unknown as Socket).timeout(10_000).emitWithAck('visit:checkIn', input);

/** Whether the store holds a command's first answer, and it was a success. */
const storedOk = (state: { commands: Record<string, { result: unknown }> }, commandId: string) =>
  (state.commands[commandId]?.result as { ok?: boolean } | undefined)?.ok === true;

/** Reopens what a power cut leaves of the disk and returns the state there. */
async function afterPowerCut(sim: SimFs, boot: string) {
  const t = await hubOver(new LowdbStore({ dir: DIR, fs: sim.powerCut(), bootId: boot }));
  const state = structuredClone(t.hub.core.engine.state);
  await t.stop();
  return state;
}

describe('a full disk and a failing rename', () => {
  it('a full disk (ENOSPC on the journal) gets an error ack in the sender’s language, never a false ack; the hub carries on when space returns', async () => {
    const sim = new SimFs();
    const disk = new FaultFs(sim);
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: disk, bootId: 'full-a' }), { checkpointEvery: 1000 });
    const en = await connectKiosk(t.url, 'en', await pairKiosk(t));
    const zh = await connectKiosk(t.url, 'zh-CN', await pairKiosk(t));
    const before = [checkIn('Before1', '+15550000001'), checkIn('Before2', '+15550000002')];
    for (const c of before) expect((await send(en.socket, c)).ok).toBe(true);

    // The disk fills up: every journal write fails part-way (some bytes land, as on a real full disk).
    disk.failNext('write', { match: /journal-\d+\.jsonl$/, code: 'ENOSPC', partialBytes: 37, times: 10_000 });
    const refused = [
      ...Array.from({ length: 8 }, (_, i) => ({ socket: en.socket, input: checkIn(`Full${i}`, `+1555100000${i}`) })),
      ...Array.from({ length: 4 }, (_, i) => ({ socket: zh.socket, input: checkIn(`满${i}`, `+8613800000${i}`, 'zh-CN') })),
    ];
    const resynced = Promise.all([en, zh].map((k) => nextEvent(k.socket as unknown as Socket, 'sync:snapshot', 10_000)));
    const acks = await Promise.all(refused.map(({ socket, input }) => send(socket, input)));
    acks.forEach((ack, i) => {
      expect(ack.ok, refused[i]!.input.client.firstName).toBe(false);
      if (ack.ok) return;
      expect(ack.error.code).toBe('unavailable');
      expect(ack.error.message.length).toBeGreaterThan(10);
      if (refused[i]!.input.language === 'zh-CN') expect(ack.error.message).toMatch(CJK);
      else expect(ack.error.message).not.toMatch(CJK);
    });
    // What the kiosks held may include changes that never reached the disk: they get a fresh snapshot.
    await resynced;
    const duringFull = await send(en.socket, checkIn('StillFull', '+15551999999'));
    expect(duringFull.ok).toBe(false);
    expect(disk.count('write', /journal-/)).toBeGreaterThan(0);

    // A power cut now: none of the refused check-ins may be there, everything acknowledged is.
    let state = await afterPowerCut(sim, 'full-b');
    const names = Object.values(state.clients).map((c) => c.firstName);
    for (const { input } of refused) expect(names).not.toContain(input.client.firstName);
    for (const c of before) expect(storedOk(state, c.commandId)).toBe(true);

    // Space returns: the very same commands (same commandIds, as a kiosk retries) go through, once each.
    disk.clearFaults();
    const retried = await Promise.all(refused.map(({ socket, input }) => send(socket, input)));
    for (const ack of retried) expect(ack.ok).toBe(true);
    const again = await Promise.all(refused.map(({ socket, input }) => send(socket, input)));
    expect(again.map((a) => a.ok && a.data.visitId)).toEqual(retried.map((a) => a.ok && a.data.visitId));
    en.socket.disconnect();
    zh.socket.disconnect();
    await t.stop();

    state = await afterPowerCut(sim, 'full-c');
    const visitsByName = new Map<string, number>();
    for (const v of Object.values(state.visits)) {
      const first = state.clients[v.clientId]?.firstName ?? '?';
      visitsByName.set(first, (visitsByName.get(first) ?? 0) + 1);
    }
    for (const { input } of refused) expect(visitsByName.get(input.client.firstName), input.client.firstName).toBe(1);
  });

  it('failing renames and a full disk during checkpoints: commands are still acknowledged from the journal, the snapshot is written once the disk works', async () => {
    const sim = new SimFs();
    const disk = new FaultFs(sim);
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: disk, bootId: 'ren-a' }), { checkpointEvery: 5 });
    const kiosk = await connectKiosk(t.url, 'en', await pairKiosk(t));
    const acked: CheckIn[] = [];
    const run = async (prefix: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const c = checkIn(`${prefix}${i}`, `+1666${prefix.length}${String(100_000 + acked.length)}`);
        const ack = await send(kiosk.socket, c);
        // A rename or snapshot failure is no reason to refuse: the journal has the command.
        expect(ack.ok, c.client.firstName).toBe(true);
        acked.push(c);
      }
    };
    const manifestWrites = () => disk.calls.filter((c) => c.op === 'rename' && c.path.endsWith('manifest.json')).length;

    disk.failNext('rename', { code: 'EIO', times: 10_000 });
    await run('Ren', 20);
    expect(disk.count('rename')).toBeGreaterThan(0); // checkpoints were tried, and failed
    disk.clearFaults();
    disk.failNext('write', { match: /\.tmp$/, code: 'ENOSPC', partialBytes: 100, times: 10_000 });
    await run('Snap', 20);
    let state = await afterPowerCut(sim, 'ren-b');
    for (const c of acked) expect(storedOk(state, c.commandId), c.client.firstName).toBe(true);

    // The disk works again: the next checkpoints land (a manifest is renamed into place) and nothing is lost.
    disk.clearFaults();
    const manifestsBefore = manifestWrites();
    await run('Back', 12);
    await t.hub.core.engine.idleCheckpoint();
    await new Promise((r) => setTimeout(r, 200));
    expect(manifestWrites()).toBeGreaterThan(manifestsBefore);
    kiosk.socket.disconnect();
    await t.stop();
    state = await afterPowerCut(sim, 'ren-c');
    for (const c of acked) expect(storedOk(state, c.commandId), c.client.firstName).toBe(true);
  });
});
