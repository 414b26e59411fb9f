/**
 * `npx tsx tests/bench/abuse.ts [--json FILE]`: the abuse figures of issue #10 (finding 3). The real hub (main.ts,
 * the demo salon, the hub's own limits, a 512 MB heap) in a child process, attacked at once by
 *   - 10 paired kiosks that ask for 20,000 snapshots each and never read them,
 *   - a kiosk flooding resync requests and one sending 10,000 commands at once, both coming back whenever cut off,
 * while 5 real kiosks check in 20 clients each, one after the other. Reports the real clients' ack p99
 * (`ack_p99_under_abuse_ms`, budget 500 ms) and the hub's peak resident memory (`rss_under_abuse_mb`, budget 400 MB).
 * Not part of `npm run bench`, whose hub lifts the rate limits to measure throughput from one address.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fork } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { kioskSocket, pairKiosks, type PairedDevice } from '../support/crash-clients.ts';
import { REPO } from '../support/hub-harness.ts';
import { exited, spawnHub } from '../support/hub-process.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const SILENT = 10;
const REAL = 5;
const CHECK_INS_EACH = 20;
const MB = 1024 * 1024;

/** `--quiet`: the same real check-ins without any abuse, to tell the attack's cost from the machine's. */
const quiet = process.argv.includes('--quiet');
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;

const rssOf = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
};
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;
const connected = (s: Socket) =>
  new Promise<boolean>((resolve) => {
    s.once('sync:snapshot', () => resolve(true));
    s.once('connect_error', () => resolve(false));
  });

const dataDir = await mkdtemp(join(tmpdir(), 'glow-abuse-'));
const hub = await spawnHub(dataDir, { nodeArgs: ['--max-old-space-size=512'] });
try {
  const pid = hub.proc.pid!;
  const { kiosks } = await pairKiosks(hub.url, hub.pairingCode, SILENT + 2 + REAL);
  const silentDevices = kiosks.slice(0, SILENT);
  const [resyncDevice, commandDevice] = kiosks.slice(SILENT, SILENT + 2) as [PairedDevice, PairedDevice];
  const realDevices = kiosks.slice(SILENT + 2);
  const baseline = rssOf(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);

  // The attackers run in a process of their own: their tight send loops must not stall the real kiosks measured here.
  const attackers = quiet ? null : fork(join(REPO, 'tests/bench/abuse-attackers.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (attackers) {
    const started = new Promise((r) => attackers.once('message', r));
    attackers.send({ url: hub.url, silent: silentDevices, resync: resyncDevice, command: commandDevice });
    await started;
  }

  const latencies: number[] = [];
  let refused = 0;
  await Promise.all(
    realDevices.map(async (device, k) => {
      const lobby = kioskSocket(hub.url, device, { reconnect: true });
      await connected(lobby);
      for (let i = 0; i < CHECK_INS_EACH; i++) {
        const input = kioskCheckIn({ client: { firstName: `Real${k}x${i}`, phone: `+1556${String(1_000_000 + k * 100 + i)}` }, serviceId: 'facial-classic' });
        const start = performance.now();
        const ack = (await lobby.timeout(30_000).emitWithAck('visit:checkIn', input)) as { ok: boolean };
        latencies.push(performance.now() - start);
        if (!ack.ok) refused += 1;
      }
      lobby.disconnect();
    }),
  );
  const rounds = attackers
    ? await new Promise<{ resyncRounds: number; commandRounds: number }>((r) => {
        attackers.once('message', (m) => r(m as { resyncRounds: number; commandRounds: number }));
        attackers.send('rounds?');
      })
    : { resyncRounds: 0, commandRounds: 0 };
  attackers?.kill('SIGKILL');
  clearInterval(sampler);
  const dropped = new Set(hub.output().match(/"deviceId":"[^"]+"(?=[^\n]*disconnected:)/g) ?? []).size;

  const figures = {
    ack_p99_under_abuse_ms: Math.round(p99(latencies)),
    ack_p50_under_abuse_ms: Math.round([...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!),
    ack_max_under_abuse_ms: Math.round(Math.max(...latencies)),
    rss_under_abuse_mb: Math.round(peak / MB),
    rss_before_abuse_mb: Math.round(baseline / MB),
    real_check_ins: latencies.length,
    real_check_ins_refused: refused,
    devices_dropped: dropped,
    resync_flood_rounds: rounds.resyncRounds,
    command_flood_rounds: rounds.commandRounds,
    hub_alive: hub.proc.exitCode === null,
  };
  console.log(JSON.stringify(figures, null, 2));
  if (jsonFile) await writeFile(jsonFile, JSON.stringify(figures, null, 2) + '\n');
} finally {
  hub.proc.kill('SIGTERM');
  await exited(hub.proc);
  await rm(dataDir, { recursive: true, force: true });
}
