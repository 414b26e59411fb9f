import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newCommandId, type Ack } from '@glow/shared';
import { floorVisits as floorOf, kioskSocket, pairKiosks, type PairedDevice } from '../support/crash-clients.ts';
import { exited, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { pairTablet } from '../support/pair-tablet.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

type CheckInAck = Ack<{ visitId: string; ticket: string }>;

const kiosk = (url: string, device: PairedDevice) => kioskSocket(url, device);
/** A burst of 200 check-ins from 10 kiosks is the point here, not the per-kiosk check-in limit: lift it. */
const BURSTY = { env: { KIOSK_CHECKINS_PER_MINUTE: '100000' } };
const floorVisits = (hub: HubProcess, paired: PairedDevice) => floorOf(hub.url, paired);

describe('SIGKILL during a burst of check-ins', () => {
  let dataDir: string;
  let hub: HubProcess | null = null;
  afterEach(async () => {
    hub?.proc.kill('SIGKILL');
    if (hub) await exited(hub.proc);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged check-in and stores none twice', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-crash-'));
    hub = await spawnHub(dataDir, BURSTY);
    const { kiosks } = await pairKiosks(hub.url, hub.pairingCode, 10);
    const sockets = kiosks.map((device) => kiosk(hub!.url, device));
    await Promise.all(sockets.map((s) => new Promise((r) => s.once('sync:snapshot', r))));

    const commands = Array.from({ length: 200 }, (_, i) =>
      kioskCheckIn({
        client: { firstName: `Crash${String(i).padStart(3, '0')}`, phone: `+1555${String(1000000 + i)}` },
        serviceId: ['facial-classic', 'nails-gel', 'body-massage', 'hair-root-colour'][i % 4]!,
      }),
    );
    const acked = new Map<string, string>(); // firstName → visitId
    const victim = hub;
    const sends = commands.map((c, i) =>
      sockets[i % sockets.length]!
        .timeout(10_000)
        .emitWithAck('visit:checkIn', c)
        .then((ack: CheckInAck) => {
          if (ack.ok) acked.set(c.client.firstName, ack.data.visitId);
          // Kill the hub as soon as the first answers arrive: the rest of the burst is still on its way.
          if (acked.size === 1) victim.proc.kill('SIGKILL');
        })
        .catch(() => undefined),
    );
    await Promise.all(sends);
    await exited(victim.proc);
    for (const s of sockets) s.disconnect();
    expect(acked.size).toBeGreaterThanOrEqual(1);
    expect(acked.size).toBeLessThan(200);

    hub = await spawnHub(dataDir, BURSTY);
    // The one-time code from the start-up log pairs the front desk's tablet.
    const frontDesk = await pairTablet(hub.url, hub.pairingCode, 'crash test');
    const visits = await floorVisits(hub, frontDesk);
    const names = visits.map((v) => v.firstName);
    for (const [name, visitId] of acked) {
      expect(names.filter((n) => n === name), name).toHaveLength(1);
      expect(visits.find((v) => v.firstName === name)?.visitId).toBe(visitId);
    }
    expect(new Set(names).size).toBe(names.length);

    // Each kiosk retries what it never heard back about, with the same commandIds: each lands exactly once, and
    // the acknowledged ones answer with their first answer.
    await Promise.all(
      kiosks.map(async (device, k) => {
        const retry = kiosk(hub!.url, device);
        await new Promise((r) => retry.once('sync:snapshot', r));
        for (const c of commands.filter((_, i) => i % kiosks.length === k)) {
          const ack = (await retry.timeout(10_000).emitWithAck('visit:checkIn', c)) as CheckInAck;
          expect(ack.ok).toBe(true);
          if (ack.ok && acked.has(c.client.firstName)) expect(ack.data.visitId).toBe(acked.get(c.client.firstName));
        }
        retry.disconnect();
      }),
    );
    const after = (await floorVisits(hub, frontDesk)).map((v) => v.firstName);
    expect(after).toHaveLength(200);
    expect(new Set(after).size).toBe(200);
  });
});
