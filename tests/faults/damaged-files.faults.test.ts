import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack } from '@glow/shared';
import { HIGH_WATER_FILE, readHighWater } from '../../hub/src/store/high-water.ts';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { StoreError } from '../../hub/src/store/store.port.ts';
import { SimFs } from '../../hub/src/store/testing/sim-fs.ts';
import { connectKiosk, newCommandId, pairKiosk, type KioskSocket } from '../support/hub-harness.ts';
import { hubOver } from './support/hub-over-store.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const DIR = '/glow-sim/data';
type Damage = 'empty' | 'truncated' | 'garbage' | 'zeros';
const DAMAGES: Damage[] = ['empty', 'truncated', 'garbage', 'zeros'];

/** Overwrites a file of the (crashed) disk image the way a failing disk or a careless hand would. */
async function damage(disk: SimFs, file: string, how: Damage): Promise<void> {
  const full = path.join(DIR, file);
  const before = disk.contents(full)!;
  const handle = await disk.open(full, 'r+');
  if (how === 'empty') await handle.truncate(0);
  if (how === 'truncated') await handle.truncate(Math.floor(before.length / 2));
  if (how === 'garbage') {
    let seed = before.length;
    const junk = Buffer.alloc(before.length, 0).map(() => (seed = (seed * 48_271) % 2_147_483_647) % 256);
    await handle.write(junk, 0);
  }
  if (how === 'zeros') await handle.write(Buffer.alloc(before.length), 0);
  await handle.datasync();
  await handle.close();
}

/** commandIds of the journal lines that `before` holds in full in `file` and `after` no longer does. */
function commandIdsOnlyIn(before: SimFs, after: SimFs, file: string): Set<string> {
  const lines = (disk: SimFs) =>
    new Set(
      (disk.contents(path.join(DIR, file)) ?? Buffer.alloc(0))
        .toString('utf8')
        .split('\n')
        .slice(0, -1)
        .flatMap((line) => {
          try {
            const id = (JSON.parse(line) as { commandId?: string | null }).commandId;
            return id ? [id] : [];
          } catch {
            return [];
          }
        }),
    );
  const kept = lines(after);
  return new Set([...lines(before)].filter((id) => !kept.has(id)));
}

/**
 * Damaged data files at start-up: for every kind of file the store keeps (journal segments, the manifests, each
 * snapshot partition, the lock) and every kind of damage, the hub either starts with every acknowledged check-in,
 * or refuses to start with a message that names the damaged file. It never starts on defaults (the demo salon's
 * seed would otherwise quietly replace the salon's data).
 */
describe('damaged data files at start-up', () => {
  let image: SimFs;
  let acked: Map<string, string>; // commandId → visitId
  let files: string[];
  let reference: unknown;

  beforeAll(async () => {
    // A salon that ran a while and then crashed: snapshots (two generations), older and newer journal segments,
    // entries after the newest snapshot, and the lock the dead hub left behind.
    const sim = new SimFs();
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: sim, bootId: 'before' }), { checkpointEvery: 8 });
    // Three kiosks, ten check-ins each: within what one kiosk may send a minute.
    const kiosks: KioskSocket[] = [];
    for (let k = 0; k < 3; k++) kiosks.push((await connectKiosk(t.url, 'en', await pairKiosk(t, `Kiosk ${k}`))).socket);
    acked = new Map();
    for (let i = 0; i < 30; i++) {
      const commandId = newCommandId();
      const socket = kiosks[Math.floor(i / 10)]!;
      const ack = (await (socket as unknown as Socket).timeout(5000).emitWithAck('visit:checkIn', kioskCheckIn({
        commandId,
        client: { firstName: `Damage${i}`, phone: `+3161200${String(1000 + i)}` },
        serviceId: 'nails-gel',
        language: 'en',
      }))) as Ack<{ visitId: string }>;
      if (ack.ok) acked.set(commandId, ack.data.visitId);
      // Checkpoints run off the hot path: let them land now and then.
      if (i % 8 === 7) await new Promise((r) => setTimeout(r, 30));
    }
    // The high-water mark follows acknowledgements off the ack path; the crash comes once it has caught up (a crash
    // before that is the power-cut suite's business).
    const highWater = async () => {
      const read = await readHighWater(sim, DIR);
      return read.status === 'ok' ? read.revision : -1;
    };
    while ((await highWater()) < t.hub.revision) await new Promise((resolve) => setImmediate(resolve));
    image = sim.powerCut();
    for (const socket of kiosks) socket.disconnect();
    await t.stop();
    files = (await image.readdir(DIR)).sort();
    // What an undamaged restart holds: a damaged one that starts must hold exactly this (not defaults in any part).
    const clean = await hubOver(new LowdbStore({ dir: DIR, fs: image.powerCut(), bootId: 'clean' }));
    reference = structuredClone(clean.hub.core.engine.state);
    await clean.stop();
    expect(acked.size).toBe(30);
    expect(files.filter((f) => f.startsWith('journal-')).length).toBeGreaterThanOrEqual(2);
    expect(files).toContain('manifest.json');
    expect(files).toContain('manifest.prev.json');
    expect(files).toContain('glow.lock');
  });

  const kinds = () => [
    ...files.filter((f) => f.startsWith('journal-')),
    'manifest.json',
    'manifest.prev.json',
    ...files.filter((f) => /\.r\d+\.json$/.test(f)),
    'glow.lock',
    HIGH_WATER_FILE,
  ];

  it('restores from the journal and snapshots, or refuses naming the file; never starts on defaults', async () => {
    const outcomes: string[] = [];
    const problems: string[] = [];
    for (const file of kinds()) {
      for (const how of DAMAGES) {
        const disk = image.powerCut(); // a fresh copy of the crashed disk
        await damage(disk, file, how);
        const store = new LowdbStore({ dir: DIR, fs: disk, bootId: `after-${file}-${how}` });
        let started: Awaited<ReturnType<typeof hubOver>> | null = null;
        try {
          started = await hubOver(store);
        } catch (err) {
          const message = (err as Error).message;
          const ok = err instanceof StoreError && message.includes(file) && /backup|DATA_DIR|Stop it/i.test(message);
          outcomes.push(`${file} ${how}: refused${ok ? '' : ` WITHOUT naming the file: ${message}`}`);
          if (!ok) problems.push(`${file} ${how}: ${message}`);
          continue;
        }
        const state = structuredClone(started.hub.core.engine.state);
        const lost = [...acked].filter(([commandId, visitId]) => !state.commands[commandId] || !state.visits[visitId]);
        await started.stop();
        if (lost.length === 0) {
          // Restored means all of it: settings, staff, rooms, devices… not only the check-ins.
          try {
            expect(state).toEqual(reference);
          } catch {
            problems.push(`${file} ${how}: started with data that differs from the undamaged restart`);
          }
        }
        // Not even the newest segment cut back to a line boundary (emptied, or cut short) may lose anything: it looks
        // like a crash before those lines were written, but the high-water mark says they were acknowledged.
        outcomes.push(`${file} ${how}: started, ${lost.length} acknowledged check-ins missing`);
        if (lost.length > 0) {
          const cut = commandIdsOnlyIn(image, disk, file).size;
          problems.push(`${file} ${how}: started without ${lost.length} acknowledged check-ins (${cut} cut from the file)`);
        }
      }
    }
    console.log(`damaged files:\n  ${outcomes.join('\n  ')}`);
    expect(problems).toEqual([]);
  });
});
