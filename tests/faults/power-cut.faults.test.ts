import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack } from '@glow/shared';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { SimFs } from '../../hub/src/store/testing/sim-fs.ts';
import { connectKiosk, connectStaff, newCommandId, pairKiosk } from '../support/hub-harness.ts';
import { hubOver } from './support/hub-over-store.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const DIR = '/glow-sim/data';
const ROUNDS = 8;
const CHECK_INS = 120;

/** A small seeded generator, so that a failing round can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/**
 * A power cut under the whole hub: the hub runs over the real store over SimFs, which remembers what was fsync'd.
 * Real commands arrive over real sockets (kiosk check-ins, the front desk toggling auto-assignment); at some moment
 * the disk is cut (only what was made durable survives, plus a torn tail of what was not), and a new hub opens the
 * cut disk after a "reboot". Every command acknowledged before the cut must be there, with its first answer.
 */
describe('a power cut under the hub', () => {
  it(`loses no acknowledged command (${ROUNDS} cuts at different moments, checkpoints running)`, async () => {
    let totalAcked = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const random = seeded(round + 1);
      const sim = new SimFs(random);
      const t = await hubOver(new LowdbStore({ dir: DIR, fs: sim, bootId: `boot-${round}-a` }), { checkpointEvery: 15 });
      const kiosks = await Promise.all([0, 1, 2, 3].map(async () => connectKiosk(t.url, 'en', await pairKiosk(t))));
      const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });

      const acked = new Map<string, Ack<unknown>>(); // commandId → answer
      let cut: SimFs | null = null;
      let ackedAtCut: Map<string, Ack<unknown>> | null = null;
      const cutAfter = 5 + Math.floor(random() * (CHECK_INS - 10));
      const note = (commandId: string, ack: Ack<unknown>) => {
        if (cut) return; // the power is already off: answers after the cut prove nothing
        if (ack.ok) acked.set(commandId, ack);
        if (acked.size >= cutAfter) {
          cut = sim.powerCut({ torn: true });
          ackedAtCut = new Map(acked);
        }
      };
      const sends: Promise<unknown>[] = [];
      for (let i = 0; i < CHECK_INS; i++) {
        const commandId = newCommandId();
        const socket = kiosks[i % kiosks.length]!.socket as unknown as Socket;
        const input = kioskCheckIn({
          commandId,
          client: { firstName: `Cut${round}x${i}`, phone: `+4420${String(round).padStart(2, '0')}${String(100_000 + i)}` },
          serviceId: 'nails-gel',
        });
        sends.push(socket.timeout(10_000).emitWithAck('visit:checkIn', input).then((ack: Ack<unknown>) => note(commandId, ack)));
        if (i % 10 === 0) {
          const toggle = newCommandId();
          const staff = desk.socket as unknown as Socket;
          sends.push(
            staff
              .timeout(10_000)
              .emitWithAck('floor:setAutoAssign', { commandId: toggle, enabled: i % 20 === 0 })
              .then((ack: Ack<unknown>) => note(toggle, ack)),
          );
        }
        // Let some answers go out between sends, so that the cut falls between groups, in groups and in checkpoints.
        if (i % 7 === 0) await new Promise((r) => setImmediate(r));
      }
      await Promise.all(sends);
      for (const k of kiosks) k.socket.disconnect();
      desk.socket.disconnect();
      await t.stop();
      expect(cut, `round ${round}: the cut happened`).not.toBeNull();
      const survived = ackedAtCut as unknown as Map<string, Ack<unknown>>;
      totalAcked += survived.size;

      // The power comes back: a new boot, the same disk as the cut left it.
      const store = new LowdbStore({ dir: DIR, fs: cut as unknown as SimFs, bootId: `boot-${round}-b` });
      const again = await hubOver(store, { checkpointEvery: 15 });
      const state = again.hub.core.engine.state;
      for (const [commandId, ack] of survived) {
        expect(state.commands[commandId]?.result, `round ${round}: acknowledged ${commandId} lost`).toEqual(ack);
        const visitId = (ack as { data: { visitId?: string } }).data.visitId;
        if (visitId) expect(state.visits[visitId], `round ${round}: visit ${visitId}`).toBeDefined();
      }
      const names = Object.values(state.visits).map((v) => v.clientId);
      expect(new Set(names).size, `round ${round}: a client checked in twice`).toBe(names.length);
      // And it goes on working.
      const after = await connectKiosk(again.url, 'en', await pairKiosk(again));
      const ack = (await (after.socket as unknown as Socket)
        .timeout(10_000)
        .emitWithAck('visit:checkIn', kioskCheckIn({ commandId: newCommandId(), client: { firstName: 'After', phone: '+442099999999' }, serviceId: 'nails-gel', language: 'en' }))) as Ack<unknown>;
      expect(ack.ok).toBe(true);
      after.socket.disconnect();
      await again.stop();
    }
    console.log(`power-cut: ${ROUNDS} cuts, ${totalAcked} acknowledged commands checked after reopening`);
  });
});
