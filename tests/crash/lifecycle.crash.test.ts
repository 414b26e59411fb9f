import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, newCommandId } from '@glow/shared';
import { REPO } from '../support/hub-harness.ts';
import { exited, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { pairKioskDevice } from '../support/pair-tablet.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/** Runs the hub on a directory and collects what it says until it exits (or 15 s pass). */
function runToExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'hub/src/main.ts'), '--demo'], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let output = '';
  proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  return exited(proc).then((code) => {
    clearTimeout(timer);
    return { code, output };
  });
}

describe('hub process lifecycle', () => {
  let dataDir: string;
  let hub: HubProcess | null = null;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-life-'));
  });
  afterEach(async () => {
    if (hub) {
      hub.proc.kill('SIGKILL');
      await exited(hub.proc);
      hub = null;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('on SIGTERM finishes its writes, exits 0, and the next start has every check-in', async () => {
    hub = await spawnHub(dataDir);
    const lobby = await pairKioskDevice(hub.url, hub.kioskPairingCode);
    const kiosk = io(hub.url + NAMESPACES.kiosk, { auth: { protocolVersion: PROTOCOL_VERSION, ...lobby }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise((r) => kiosk.once('sync:snapshot', r));
    const commandId = newCommandId();
    const command = kioskCheckIn({ commandId, client: { firstName: 'Term', phone: '5550200' }, serviceId: 'nails-gel' });
    const first = await kiosk.timeout(5000).emitWithAck('visit:checkIn', command);
    expect(first.ok).toBe(true);
    kiosk.disconnect();

    hub.proc.kill('SIGTERM');
    expect(await exited(hub.proc)).toBe(0);
    expect(await readdir(dataDir)).not.toContain('glow.lock');

    hub = await spawnHub(dataDir);
    // The same kiosk (a retry is answered only to whoever sent the command first).
    const again = io(hub.url + NAMESPACES.kiosk, { auth: { protocolVersion: PROTOCOL_VERSION, ...lobby }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise((r) => again.once('sync:snapshot', r));
    // The retried command is recognised after the restart: same answer, no second visit.
    expect(await again.timeout(5000).emitWithAck('visit:checkIn', command)).toEqual(first);
    again.disconnect();
  });

  it('a second hub on the same data directory exits at once saying the directory is in use', async () => {
    hub = await spawnHub(dataDir);
    const second = await runToExit(dataDir);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain('is in use');
    expect(second.output).toContain(dataDir);
  });

  it('refuses to start on a corrupt data file instead of starting empty', async () => {
    hub = await spawnHub(dataDir);
    hub.proc.kill('SIGTERM');
    await exited(hub.proc);
    hub = null;
    const files = await readdir(dataDir);
    expect(files).toContain('manifest.json');
    // Every file damaged: nothing to recover from, so the only right answer is to refuse and say what to do.
    await writeFile(join(dataDir, 'manifest.json'), '{"formatVersion": 1, "revis');
    for (const f of files.filter((f) => f !== 'manifest.json')) await writeFile(join(dataDir, f), '{"seq": 1, "garbage');
    const run = await runToExit(dataDir);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/corrupt|damaged|cannot be read/i);
    expect(run.output).toMatch(/backup/i);
  });
});
