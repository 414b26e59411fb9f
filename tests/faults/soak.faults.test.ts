import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, type PairResponse } from '@glow/shared';
import { FloorDriver } from '../support/floor-driver.ts';
import { REPO, workingHoursZone } from '../support/hub-harness.ts';
import { openTablet } from '../support/live-tablet.ts';
import { pairKioskDevice, pairTablet } from '../support/pair-tablet.ts';

const CYCLES = 1_000;
/** A busy salon hour: about 40 walk-ins, each with its assignment, plan, session, notes and close. */
const HOUR_OF_COMMANDS = 400;

type Heap = { heapUsed: number; codeUsed: number; reachable: number; recoveryPackets: number; stateBytes: number };
/** What the hub holds: every object still reachable after GC, V8's compiled code left out (see soak-hub-child.ts). */
const held = (h: Heap) => h.reachable;
type Child = {
  proc: ChildProcess;
  url: string;
  ask: <T>(type: 'pairingCode' | 'heap' | 'stop', extra?: { windowPassed?: boolean; kind?: 'tablet' | 'kiosk' }) => Promise<T>;
};

async function startChild(dataDir: string): Promise<Child> {
  const proc = fork(join(REPO, 'tests/faults/support/soak-hub-child.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, SOAK_DATA_DIR: dataDir, SOAK_TIME_ZONE: workingHoursZone(), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, (reply: { ok: boolean; result?: unknown; error?: string }) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`soak hub exited with ${code}`)));
    proc.on('message', (msg: { type?: string; url?: string; id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (msg.type === 'ready') resolve(msg.url!);
      else if (msg.id !== undefined) waiting.get(msg.id)?.(msg as { ok: boolean });
    });
  });
  const ask = <T,>(type: 'pairingCode' | 'heap' | 'stop', extra: { windowPassed?: boolean; kind?: 'tablet' | 'kiosk' } = { windowPassed: false }) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (reply) => (reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error))));
      proc.send({ id, type, ...extra });
    });
  return { proc, url, ask };
}

/** One visit of a socket: connect, receive the snapshot, leave (as a tablet reloading or a kiosk waking does). */
async function visit(url: string, device: PairResponse, kiosk: PairResponse, i: number): Promise<void> {
  const staff = i % 2 === 1;
  const socket: Socket = io(url + (staff ? NAMESPACES.staff : NAMESPACES.kiosk), {
    auth: { protocolVersion: PROTOCOL_VERSION, ...(staff ? device : kiosk), language: 'en' },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('sync:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.disconnect();
}

/**
 * Soak: the hub in its own process (with --expose-gc) takes 1,000 socket connect/disconnect cycles and an hour of a
 * busy salon's commands replayed as fast as it answers; after a full GC its heap must be back within 5 % of where
 * it was after warming up (what an hour adds to the salon's data — a few dozen visits — is far below that). What
 * socket.io holds for connection-state recovery is bounded by its window, and V8's compiled code is not the hub's
 * data: both are counted apart (see soak-hub-child.ts).
 */
describe('soak: connections and an hour of traffic', () => {
  let dataDir = '';
  let child: Child | null = null;
  afterAll(async () => {
    if (child && child.proc.exitCode === null) await child.ask('stop').catch(() => child?.proc.kill('SIGKILL'));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the heap returns within 5 % of where it started', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-faults-soak-'));
    child = await startChild(dataDir);
    const { url } = child;
    const device = await pairTablet(url, (await child.ask<{ code: string }>('pairingCode')).code, 'soak desk');
    const visitor = await pairTablet(url, (await child.ask<{ code: string }>('pairingCode')).code, 'soak visitor');
    const lobby = await pairKioskDevice(url, (await child.ask<{ code: string }>('pairingCode', { kind: 'kiosk' })).code, 'soak kiosk');
    const desk = await openTablet(url, device, { staffId: 'grace', pin: '4444' });
    const kiosk: Socket = io(url + NAMESPACES.kiosk, { auth: { protocolVersion: PROTOCOL_VERSION, ...lobby, language: 'en' }, transports: ['websocket'], forceNew: true });
    const driver = new FloorDriver(() => ({ socket: desk.socket, view: () => desk.live.snapshot!.view }), () => kiosk);

    const cycles = async (n: number) => {
      // Four at a time, as a lobby of screens would.
      for (let i = 0; i < n; i += 4) await Promise.all([0, 1, 2, 3].map((k) => visit(url, visitor, lobby, i + k)));
    };
    // Warm-up, a first hour: every code path taken and compiled, pools and caches at their working size.
    await cycles(100);
    await driver.run(HOUR_OF_COMMANDS, 10_000);
    const heap = (windowPassed: boolean) => child!.ask<Heap>('heap', { windowPassed });
    const start = await heap(true);
    const baseline = held(start);

    const started = Date.now();
    await cycles(CYCLES);
    const afterCycles = await heap(false);
    const afterCyclesWindow = await heap(true);
    await driver.run(HOUR_OF_COMMANDS, 10_000);
    const afterTraffic = await heap(false);
    const end = await heap(true);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
    const pct = (n: number) => `${(((n - baseline) / baseline) * 100).toFixed(2)} %`;
    const line = (label: string, buffered: Heap, passed: Heap) =>
      `${label}: ${mb(held(buffered))} with ${buffered.recoveryPackets} packets in socket.io's recovery buffer, ` +
      `${mb(held(passed))} (${pct(held(passed))}) once its window has passed (heapUsed ${mb(passed.heapUsed)}, code ${mb(passed.codeUsed)})`;
    console.log(
      `soak: ${CYCLES} connect/disconnect cycles and ${HOUR_OF_COMMANDS} commands in ${Date.now() - started} ms. ` +
        `reachable heap after GC without compiled code: baseline ${mb(baseline)} (heapUsed ${mb(start.heapUsed)}, code ${mb(start.codeUsed)}); ` +
        `${line('after the cycles', afterCycles, afterCyclesWindow)}; ${line('after the traffic', afterTraffic, end)}; ` +
        `the salon's data grew from ${mb(start.stateBytes)} to ${mb(end.stateBytes)} of JSON`,
    );
    desk.close();
    kiosk.disconnect();
    expect(Math.abs(held(afterCyclesWindow) - baseline) / baseline).toBeLessThanOrEqual(0.05);
    expect(Math.abs(held(end) - baseline) / baseline).toBeLessThanOrEqual(0.05);
  });
});
