import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack } from '@glow/shared';
import { describeStartFailure } from '../../hub/src/start-up-failure.ts';
import { readHighWater } from '../../hub/src/store/high-water.ts';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { MANIFEST_FILE, type Manifest } from '../../hub/src/store/manifest.ts';
import { StoreError } from '../../hub/src/store/store.port.ts';
import type { StoreLogger } from '../../hub/src/store/store-logger.ts';
import { FaultFs } from '../../hub/src/store/testing/fault-fs.ts';
import { SimFs } from '../../hub/src/store/testing/sim-fs.ts';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, type DataLossAlert } from '@glow/shared';
import {
  connectKiosk,
  connectStaff,
  newCommandId,
  nextEvent,
  pairDevice,
  pairKiosk,
  type KioskSocket,
} from '../support/hub-harness.ts';
import { hubOver } from './support/hub-over-store.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const DIR = '/glow-sim/data';
const STACK_LINE = /\n\s+at /;

const checkIn = (socket: KioskSocket, i: number): Promise<Ack<{ visitId: string }>> =>
  (socket as unknown as Socket).timeout(10_000).emitWithAck('visit:checkIn', kioskCheckIn({
    commandId: newCommandId(),
    client: { firstName: `Kept${i}`, phone: `+3161300${String(1000 + i)}` },
    serviceId: 'nails-gel',
    language: 'en',
  })) as Promise<Ack<{ visitId: string }>>;

function recordingLogger(): StoreLogger & { messages: string[] } {
  const messages: string[] = [];
  const push = (obj: object, msg: string) => void messages.push(`${msg} ${JSON.stringify(obj)}`);
  return { messages, info: push, warn: push, error: push };
}

async function highWaterOf(disk: SimFs): Promise<number> {
  const read = await readHighWater(disk, DIR);
  return read.status === 'ok' ? read.revision : -1;
}

/** The crashed disk's segments, oldest first. */
const segmentsOf = async (disk: SimFs) => (await disk.readdir(DIR)).filter((f) => /^journal-\d+\.jsonl$/.test(f)).sort();

/**
 * Issue #10, finding 7: damaged data must never start silently with acknowledged changes missing. The salon below
 * ran, checkpointed, took 30 more check-ins into its newest journal segment and lost power; every case then damages
 * a fresh copy of that disk and starts a hub on it.
 */
describe('start-up verifies what the store recorded', () => {
  let image: SimFs;
  let revision: number;

  beforeAll(async () => {
    const sim = new SimFs();
    const store = new LowdbStore({ dir: DIR, fs: sim, bootId: 'before' });
    const t = await hubOver(store, { checkpointEvery: 1000 });
    // Four kiosks, ten check-ins each: well within what one kiosk may send a minute.
    const kiosks: KioskSocket[] = [];
    for (let k = 0; k < 4; k++) kiosks.push((await connectKiosk(t.url, 'en', await pairKiosk(t, `Kiosk ${k}`))).socket);
    const kioskFor = (i: number) => kiosks[Math.floor(i / 10)]!;
    for (let i = 0; i < 10; i++) expect((await checkIn(kioskFor(i), i)).ok).toBe(true);
    // A second snapshot generation, then 30 check-ins that only the newest journal segment holds.
    await store.checkpoint(t.hub.core.engine.state, t.hub.revision);
    for (let i = 10; i < 40; i++) expect((await checkIn(kioskFor(i), i)).ok).toBe(true);
    revision = t.hub.revision;
    // The high-water mark follows the acknowledgements off the ack path: wait until it has caught up.
    while ((await highWaterOf(sim)) < revision) await new Promise((resolve) => setImmediate(resolve));
    image = sim.powerCut();
    for (const socket of kiosks) socket.disconnect();
    await t.stop();
  });

  it('refuses to start when the newest journal segment was deleted (30 acknowledged check-ins), saying what to do', async () => {
    const disk = image.powerCut();
    const newest = (await segmentsOf(disk)).at(-1)!;
    await disk.unlink(path.join(DIR, newest));
    const store = new LowdbStore({ dir: DIR, fs: disk, bootId: 'deleted' });
    const err = await hubOver(store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(/30 acknowledged changes are missing/);
    const failure = describeStartFailure(err, { store, dataDir: DIR, port: 0, acceptLossHint: 'start once with GLOW_ACCEPT_DATA_LOSS=1' });
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toMatch(/Restore the data directory from a backup/);
    expect(failure.message).toMatch(/GLOW_ACCEPT_DATA_LOSS=1/);
    expect(failure.message).not.toMatch(/\n/);
  });

  it('refuses a segment cut in the middle, and never logs the lost acknowledged entries as "never acknowledged"', async () => {
    const disk = image.powerCut();
    const newest = (await segmentsOf(disk)).at(-1)!;
    const handle = await disk.open(path.join(DIR, newest), 'r+');
    await handle.truncate(Math.floor(disk.contents(path.join(DIR, newest))!.length / 2));
    await handle.datasync();
    await handle.close();
    const logger = recordingLogger();
    const err = await hubOver(new LowdbStore({ dir: DIR, fs: disk, bootId: 'cut', logger })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toContain(`${newest}: the journal ends at entry`);
    expect((err as StoreError).message).toContain(`entries up to ${revision} were acknowledged`);
    expect(logger.messages.join('\n')).not.toMatch(/never acknowledged/);
  });

  it('with the loss explicitly accepted, starts from what is left and logs the loss as an error', async () => {
    const disk = image.powerCut();
    await disk.unlink(path.join(DIR, (await segmentsOf(disk)).at(-1)!));
    const logger = recordingLogger();
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: disk, bootId: 'accepted', logger, acceptDataLoss: true }));
    expect(t.hub.revision).toBe(revision - 30);
    await t.stop();
    expect(logger.messages.join('\n')).toMatch(/"event":"data_loss_accepted".*"lost":30/);
  });

  it('detects a snapshot file edited into other valid JSON, and starts with the real data rebuilt from the journal', async () => {
    const clean = await hubOver(new LowdbStore({ dir: DIR, fs: image.powerCut(), bootId: 'clean' }));
    const reference = structuredClone(clean.hub.core.engine.state);
    await clean.stop();

    const disk = image.powerCut();
    const manifest = JSON.parse(disk.contents(path.join(DIR, MANIFEST_FILE))!.toString('utf8')) as Manifest;
    const clients = manifest.partitions.find((f) => f.startsWith('clients.'))!;
    const data = JSON.parse(disk.contents(path.join(DIR, clients))!.toString('utf8')) as {
      clients: Record<string, { firstName: string }>;
    };
    for (const client of Object.values(data.clients)) client.firstName = 'Edited';
    const bytes = Buffer.from(JSON.stringify(data));
    const handle = await disk.open(path.join(DIR, clients), 'r+');
    await handle.truncate(0);
    await handle.write(bytes, 0);
    await handle.datasync();
    await handle.close();

    const logger = recordingLogger();
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: disk, bootId: 'edited', logger }));
    const state = structuredClone(t.hub.core.engine.state);
    await t.stop();
    expect(logger.messages.join('\n')).toContain(`${clients}: its content differs from what was written`);
    expect(Object.values(state.clients).some((c) => c.firstName === 'Edited')).toBe(false);
    expect(state).toEqual(reference);
  });
});

describe('a disk that cannot be written', () => {
  it('/api/health answers 503, not writable, with the reason, while no write succeeds; ok again once one does', async () => {
    const disk = new FaultFs(new SimFs());
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: disk, bootId: 'health' }), { checkpointEvery: 1000 });
    const { socket } = await connectKiosk(t.url, 'en', await pairKiosk(t));
    expect((await checkIn(socket, 1)).ok).toBe(true);
    const healthy = await fetch(`${t.url}/api/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true, writable: true });

    disk.failNext('write', { match: /journal-\d+\.jsonl$/, code: 'ENOSPC', times: 10_000 });
    expect((await checkIn(socket, 2)).ok).toBe(false);
    const full = await fetch(`${t.url}/api/health`);
    expect(full.status).toBe(503);
    const body = (await full.json()) as { ok: boolean; writable: boolean; reason: string };
    expect(body).toMatchObject({ ok: false, writable: false });
    expect(body.reason).toMatch(/ENOSPC/);

    disk.clearFaults();
    // The hub reloads after the failure and disconnects its clients: a new kiosk connection, and a write that lands.
    const again = await connectKiosk(t.url, 'en', await pairKiosk(t));
    expect((await checkIn(again.socket, 3)).ok).toBe(true);
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    socket.disconnect();
    again.socket.disconnect();
    await t.stop();
  });

  it('a first start on a full disk ends with one clear line and exit code 2, no stack trace', async () => {
    const disk = new FaultFs(new SimFs());
    disk.failNext('write', { code: 'ENOSPC', times: 10_000 });
    const store = new LowdbStore({ dir: DIR, fs: disk, bootId: 'full-first' });
    const err = await hubOver(store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const failure = describeStartFailure(err, { store, dataDir: DIR, port: 0, acceptLossHint: '' });
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toMatch(/the disk is full/);
    expect(failure.message).toMatch(/Free some space/);
    expect(failure.message).not.toMatch(STACK_LINE);
    expect(failure.message).not.toMatch(/\n/);
  });

  it('a start whose first command cannot be journaled (the engine answers "busy") still reads as a full disk', async () => {
    const sim = new SimFs();
    const first = await hubOver(new LowdbStore({ dir: DIR, fs: sim, bootId: 'seeded' }));
    await first.stop();
    const disk = new FaultFs(sim.powerCut());
    disk.failNext('write', { match: /journal-\d+\.jsonl$/, code: 'ENOSPC', times: 10_000 });
    const store = new LowdbStore({ dir: DIR, fs: disk, bootId: 'full-later' });
    const t = await hubOver(store);
    // What main.ts does next: the pairing code for the banner is the first command, and the disk refuses it.
    const err = await t.hub.createPairingCode().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/busy/);
    const failure = describeStartFailure(err, { store, dataDir: DIR, port: 0, acceptLossHint: '' });
    expect(failure).toMatchObject({ exitCode: 2 });
    expect(failure.message).toMatch(/cannot save to the data directory .*the disk is full/);
    expect(failure.message).not.toMatch(/busy/);
    await t.stop().catch(() => {});
  });
});

describe('a tablet that reconnects holding a revision the hub never reached', () => {
  it('makes the hub say loudly that data was lost: a structured error line and an alert on the manager\'s tablets', async () => {
    const errors: Array<{ obj: object; msg: string }> = [];
    const logger = { info() {}, warn() {}, debug() {}, error: (obj: object, msg?: string) => void errors.push({ obj, msg: msg ?? '' }) };
    const t = await hubOver(new LowdbStore({ dir: DIR, fs: new SimFs(), bootId: 'witness' }), { logger });
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const tablet = await pairDevice(t, 'Front desk');
    const connect = (revision: number): ClientSocket =>
      io(t.url + NAMESPACES.staff, {
        auth: { protocolVersion: PROTOCOL_VERSION, deviceId: tablet.deviceId, deviceSecret: tablet.deviceSecret, language: 'en', revision },
        transports: ['websocket'],
        forceNew: true,
      });

    // A tablet at the hub's own revision is no news.
    const inStep = connect(t.hub.revision);
    await nextEvent(inStep, 'sync:snapshot');
    expect(errors).toEqual([]);

    // One that saw 30 more revisions than the hub has: the hub's data went back in time.
    const alerted = nextEvent<DataLossAlert>(manager.socket as unknown as ClientSocket, 'hub:dataLoss');
    const ahead = connect(t.hub.revision + 30);
    const alert = await alerted;
    expect(alert).toMatchObject({ deviceRevision: t.hub.revision + 30, hubRevision: t.hub.revision });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ event: 'data_loss_detected', deviceId: tablet.deviceId, lost: 30 });
    expect(errors[0]!.msg).toMatch(/acknowledged changes were lost/);

    // A manager who signs in later, on another tablet, is told as well.
    const second = await pairDevice(t, 'Office');
    const later = io(t.url + NAMESPACES.staff, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: second.deviceId, deviceSecret: second.deviceSecret, language: 'en' },
      transports: ['websocket'],
      forceNew: true,
    });
    await nextEvent(later, 'sync:snapshot');
    const told = nextEvent<DataLossAlert>(later, 'hub:dataLoss');
    const login = (await later.timeout(5000).emitWithAck('auth:login', { commandId: newCommandId(), staffId: 'olivia', pin: '9999' })) as Ack<unknown>;
    expect(login.ok).toBe(true);
    expect(await told).toEqual(alert);
    expect(errors).toHaveLength(1); // said once, not at every connection

    for (const socket of [inStep, ahead, later, manager.socket as unknown as ClientSocket]) socket.disconnect();
    await t.stop();
  });
});
