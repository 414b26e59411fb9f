/**
 * `npx tsx tests/bench/profile-checkins.ts --data DIR [--queue N] [--count N] [--rounds R] [--out FILE]`: where a
 * check-in's CPU goes (issue #15). One bench hub on a fresh copy of the data set, the front desk connected, the queue
 * filled to N (default 10), then a CPU profile (node:inspector, inside the hub) over `count` check-ins at 200/s from
 * kiosk sockets connected beforehand; prints the CPU per check-in and the profile's top functions. With `--rounds R`
 * it profiles what the cost phase measures (`cpu_ms_per_checkin_q*`): R rounds of `count` (use 40) check-ins at the
 * queue length, the front desk cancelling each round's check-ins outside the profiled windows, the windows summed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Service } from '@glow/shared';
import { openingClockOffset } from './lib/clock.ts';
import { Desk } from './lib/desk.ts';
import { HubChild, killAllChildren } from './lib/hub-control.ts';
import { LARGE_SALON_TIME_ZONE, largeSalonPins } from './lib/large-salon.ts';
import { formatProfile, summarizeProfile } from './lib/profile.ts';
import { command, connectKiosk, pairDevice } from './lib/sockets.ts';
import { checkInInput } from './lib/checkins.ts';
import { sleep } from './lib/stats.ts';
import { cpuPerCheckin, fillTo, paced, settle } from './phases/cost.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const data = option('--data');
if (!data) {
  console.error('usage: tsx tests/bench/profile-checkins.ts --data DIR [--queue N] [--count N] [--out FILE]');
  process.exit(64);
}
const queue = Number(option('--queue') ?? 10);
const count = Number(option('--count') ?? 200);
const rounds = Number(option('--rounds') ?? 0);
/** Rounds without the profiler: the cost phase's own figure, with the split of user and system time. */
const profiling = !argv.includes('--no-profile');
const tmp = await mkdtemp(join(tmpdir(), 'glow-profile-'));
const out = resolve(option('--out') ?? join(tmp, 'checkins.cpuprofile'));
try {
  const dir = join(tmp, 'data');
  await cp(resolve(data), dir, { recursive: true });
  const hub = await HubChild.start({ dataDir: dir, clockOffsetMs: openingClockOffset(LARGE_SALON_TIME_ZONE) });
  const probe = await connectKiosk(hub.url);
  probe.socket.disconnect();
  const services: Service[] = Object.values(probe.snapshot.view.services);
  const pins = largeSalonPins();
  const desk = await Desk.connect(hub.url, await pairDevice(hub.url, (await hub.pairingCode()).code, 'Profile desk'), { staffId: 'grace', pin: pins.grace! });
  // A first, unprofiled run warms the code up (JIT) at this queue length.
  const [warm] = await cpuPerCheckin(hub, desk, services, queue, { measured: 40, series: 60, runs: 1 });
  if (rounds > 0) {
    // The cost phase's measurement, profiled: each round's window holds only its check-ins, the cancels fall outside.
    const sockets = await Promise.all(Array.from({ length: 4 }, async () => (await connectKiosk(hub.url)).socket));
    const files: string[] = [];
    const perRound: number[] = [];
    const mainRound: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const queuedBefore = await fillTo(hub, services, queue, 80 + r * 7);
      const inputs = Array.from({ length: count }, (_, i) => checkInInput(i, services, 83 + r * 7));
      await sleep(300);
      const settledMs = await settle(hub);
      const before = await hub.floor();
      if (profiling) await hub.profileStart();
      const { ms, visitIds } = await paced(sockets, inputs, 200);
      const file = out.replace(/(\.cpuprofile)?$/, `-${r}.cpuprofile`);
      if (profiling) await hub.profileStop(file);
      const after = await hub.floor();
      if (profiling) files.push(file);
      const per = (us: number) => us / 1000 / Math.max(1, ms.length);
      perRound.push(per(after.cpuUs - before.cpuUs));
      mainRound.push(per(after.mainThreadUs - before.mainThreadUs));
      console.log(
        `round ${r + 1}: ${queuedBefore} waiting (hub quiet after ${(settledMs / 1000).toFixed(1)} s), ${ms.length} answered, ${perRound.at(-1)!.toFixed(2)} ms of CPU per check-in ` +
          `(user ${per(after.userUs - before.userUs).toFixed(2)}, system ${per(after.systemUs - before.systemUs).toFixed(2)}; ` +
          `main thread ${per(after.mainThreadUs - before.mainThreadUs).toFixed(2)}${profiling ? '; profiler included' : ''})`,
      );
      for (const visitId of visitIds) await command(desk.socket, 'visit:cancel', { visitId }, 20_000).catch(() => null);
    }
    for (const s of sockets) s.disconnect();
    desk.close();
    const sorted = [...perRound].sort((a, b) => a - b);
    const mainSorted = [...mainRound].sort((a, b) => a - b);
    console.log(`queue ${queue}: warm-up ${warm!.perCheckinMs.toFixed(2)} ms per check-in; ${rounds} rounds of ${count}: median ${sorted[sorted.length >> 1]!.toFixed(2)} ms per check-in (main thread ${mainSorted[mainSorted.length >> 1]!.toFixed(2)})${profiling ? " (the profiler's own cost included)" : ''}`);
    if (profiling) console.log(formatProfile(`check-ins (${rounds} × ${count})`, await summarizeProfile(files, 60), 60));
  } else {
    // The profiled burst alone: the queue filled and the kiosk sockets connected first, nothing cancelled after.
    const queuedBefore = await fillTo(hub, services, queue, 80);
    const sockets = await Promise.all(Array.from({ length: 4 }, async () => (await connectKiosk(hub.url)).socket));
    const inputs = Array.from({ length: count }, (_, i) => checkInInput(i, services, 85));
    await sleep(300);
    await settle(hub);
    const before = await hub.floor();
    await hub.profileStart();
    const { ms } = await paced(sockets, inputs, 200);
    await hub.profileStop(out);
    const after = await hub.floor();
    for (const s of sockets) s.disconnect();
    desk.close();
    const perCheckin = (after.cpuUs - before.cpuUs) / 1000 / Math.max(1, ms.length);
    console.log(`queue ${queue}: warm-up ${warm!.perCheckinMs.toFixed(2)} ms per check-in; profiled burst ${perCheckin.toFixed(2)} ms per check-in over ${ms.length} (${queuedBefore} waiting; the profiler's own cost included)`);
    console.log(formatProfile('check-ins', await summarizeProfile(out, 40), 40));
  }
  await hub.kill();
} finally {
  killAllChildren();
  if (!option('--out')) await rm(tmp, { recursive: true, force: true });
  else await rm(join(tmp, 'data'), { recursive: true, force: true });
  setTimeout(() => process.exit(0), 200).unref();
}
