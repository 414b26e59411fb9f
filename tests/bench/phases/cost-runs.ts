/**
 * The cost figures of issue #15, each taken three times (a fresh copy of the data set and a fresh hub per run) and
 * reported as the median, with the machine's load average at the start of each run.
 */
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { Service } from '@glow/shared';
import { burst } from '../lib/burst.ts';
import { Desk } from '../lib/desk.ts';
import { HubChild } from '../lib/hub-control.ts';
import { connectKiosk, pairDevice } from '../lib/sockets.ts';
import { percentile, round } from '../lib/stats.ts';
import { TabletFleet } from '../lib/tablets.ts';
import { burnCpu, cpuPerCheckin, p99, saturday, type CpuAtQueue, type Saturday } from './cost.ts';

/** Three runs, as DESIGN §7 asks; BENCH_COST_RUNS=1 for a quick try of the phases. */
export const COST_RUNS = Number(process.env.BENCH_COST_RUNS ?? 3);
export const QUEUES = [10, 100, 2000] as const;
const ONE_CORE_BURST = { rate: 200, seconds: 5, kiosks: 10 };
const SATURDAY = { salonMinutes: 90, speed: 100 };
const TABLETS = 30;

export type CostFigures = {
  cpu_ms_per_checkin_q10: number;
  cpu_ms_per_checkin_q100: number;
  cpu_ms_per_checkin_q2000: number;
  ack_p99_one_core_ms: number;
  ack_p99_saturday_ms: number;
  loop_delay_p99_saturday_ms: number;
};

type Context = {
  freshCopy: () => Promise<string>;
  clockOffsetMs: number;
  pins: Record<string, string>;
  log: (line: string) => void;
};

const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const median = (xs: number[]) => percentile(xs, 50);

export async function measureCost(ctx: Context): Promise<{ figures: CostFigures; details: string[] }> {
  const cpuRuns: { load: string; results: CpuAtQueue[] }[] = [];
  const oneCoreRuns: { load: string; p99: number; answered: number; sent: number }[] = [];
  const saturdayRuns: { load: string; result: Saturday }[] = [];

  // CPU per check-in at each queue length: one hub, the queue filled to each length in turn (10, then 100, then
  // 2,000), measured COST_RUNS times at each, the measured check-ins cancelled between runs.
  {
    const started = load();
    const dir = await ctx.freshCopy();
    const hub = await HubChild.start({ dataDir: dir, clockOffsetMs: ctx.clockOffsetMs });
    try {
      const services = await servicesOf(hub.url);
      const desk = await Desk.connect(hub.url, await pairDevice(hub.url, (await hub.pairingCode()).code, 'Cost desk'), { staffId: 'grace', pin: ctx.pins.grace! });
      const results: CpuAtQueue[] = [];
      for (const [i, queue] of QUEUES.entries()) {
        results.push(...(await cpuPerCheckin(hub, desk, services, queue, { measured: 40, series: 30 + i * 20, runs: COST_RUNS })));
      }
      desk.close();
      cpuRuns.push({ load: started, results });
      ctx.log(`  cpu: ${results.map((r) => `q${r.queue}: ${r.perCheckinMs.toFixed(2)} ms`).join(', ')} (load ${started})`);
    } finally {
      await hub.kill();
      await rm(dir, { recursive: true, force: true });
    }
  }

  for (let run = 0; run < COST_RUNS; run++) {
    // The burst on one core shared with a busy process.
    {
      const started = load();
      const dir = await ctx.freshCopy();
      const burner = burnCpu(0);
      const hub = await HubChild.start({ dataDir: dir, clockOffsetMs: ctx.clockOffsetMs, pinCpu: 0 });
      try {
        const services = await servicesOf(hub.url);
        const result = await burst(hub.url, services, { ...ONE_CORE_BURST, series: 90 + run, ackTimeoutMs: 20_000 });
        const latencies = [...result.acked.map((s) => s.ms), ...result.unanswered.map((at) => result.endAt - at)];
        oneCoreRuns.push({ load: started, p99: p99(latencies), answered: result.acked.length, sent: result.sent });
        ctx.log(`  one-core run ${run + 1}: ack p99 ${p99(latencies).toFixed(1)} ms, ${result.acked.length}/${result.sent} answered (load ${started})`);
      } finally {
        burner.stop();
        await hub.kill();
        await rm(dir, { recursive: true, force: true });
      }
    }
    // A busy Saturday, 100× faster, with the tablets connected.
    {
      const started = load();
      const dir = await ctx.freshCopy();
      const hub = await HubChild.start({ dataDir: dir, clockOffsetMs: ctx.clockOffsetMs });
      const fleet = await TabletFleet.start();
      try {
        const services = (await servicesOf(hub.url)).filter((s) => s.category === 'facial' || s.category === 'nails');
        const pair = async (name: string) => pairDevice(hub.url, (await hub.pairingCode()).code, name);
        const desk = await Desk.connect(hub.url, await pair('Saturday desk'), { staffId: 'grace', pin: ctx.pins.grace! });
        const frontDesk = Object.keys(ctx.pins).filter((id) => id === 'grace' || id.startsWith('fd-'));
        const tablets = [];
        for (let i = 0; i < TABLETS; i++) {
          const staffId = frontDesk[i % frontDesk.length]!;
          tablets.push({ device: await pair(`Saturday tablet ${i + 1}`), staffId, pin: ctx.pins[staffId]! });
        }
        await fleet.connect(hub.url, tablets);
        const result = await saturday(hub, desk, services.length ? services : await servicesOf(hub.url), { ...SATURDAY, series: 95 + run });
        desk.close();
        saturdayRuns.push({ load: started, result });
        ctx.log(`  saturday run ${run + 1}: ack p99 ${p99(result.acks).toFixed(1)} ms over ${result.acks.length} commands, loop p99 ${result.loop?.p99.toFixed(1) ?? '?'} ms (load ${started})`);
      } finally {
        await fleet.close();
        await hub.kill();
        await rm(dir, { recursive: true, force: true });
      }
    }
  }

  const cpuAt = (q: number) => median(cpuRuns.flatMap((r) => r.results.filter((x) => x.queue === q).map((x) => x.perCheckinMs)));
  const figures: CostFigures = {
    cpu_ms_per_checkin_q10: round(cpuAt(10), 2),
    cpu_ms_per_checkin_q100: round(cpuAt(100), 2),
    cpu_ms_per_checkin_q2000: round(cpuAt(2000), 2),
    ack_p99_one_core_ms: round(median(oneCoreRuns.map((r) => r.p99)), 1),
    ack_p99_saturday_ms: round(median(saturdayRuns.map((r) => p99(r.result.acks))), 1),
    loop_delay_p99_saturday_ms: round(median(saturdayRuns.map((r) => r.result.loop?.p99 ?? Number.NaN)), 1),
  };
  const details = [
    `- CPU per check-in (\`cpu_ms_per_checkin_q*\`): the hub process's own CPU time (\`process.cpuUsage()\`, user + system, read inside the hub) over 40 check-ins sent at 200/s over 4 kiosk sockets connected beforehand, divided by the check-ins answered; the queue first filled (unmeasured) to the length named, so it grows by 40 during a measurement, and the front desk cancels the 40 afterwards (outside the measurement). Each measurement starts once the hub is quiet (below 5 % of a core over half a second, twice: a fresh copy's start-up work, the index of the months on disk built in a worker thread, counts in process CPU time). One hub on a fresh copy, ${COST_RUNS} runs at each queue length, median: ${cpuRuns
      .map((r) => `load at the start ${r.load}: ${r.results.map((x) => `q${x.queue} (${x.queuedBefore} waiting, quiet after ${(x.settledMs / 1000).toFixed(1)} s) ${x.perCheckinMs.toFixed(2)} ms`).join(', ')}`)
      .join('; ')}.`,
    `- One core (\`ack_p99_one_core_ms\`): the hub started under \`taskset -c 0\` with a second process spinning (\`for (;;) {}\`) pinned to the same CPU, so the hub has about half of one core; a burst of ${ONE_CORE_BURST.rate}/s for ${ONE_CORE_BURST.seconds} s from ${ONE_CORE_BURST.kiosks} kiosk sockets, no tablets. p99 counting unanswered check-ins at the cut-off. Runs: ${oneCoreRuns.map((r) => `${r.p99.toFixed(1)} ms (${r.answered}/${r.sent} answered, load ${r.load})`).join(', ')}.`,
    `- Saturday (\`ack_p99_saturday_ms\`): ${SATURDAY.salonMinutes} salon minutes of a busy Saturday replayed ${SATURDAY.speed}× faster with ${TABLETS} front-desk tablets connected: a kiosk check-in every salon minute (60 an hour), and 45 salon minutes after each one the front desk confirms the plan, starts, finishes and closes the visit with a rating and readies its room; every other client then books their next visit on the phone pages 10 salon minutes later (book page, hold, confirm: HTTP forms, timed whole). Ack p99 over every socket command; event-loop delay p99 inside the hub over the window (\`loop_delay_p99_saturday_ms\`). Runs: ${saturdayRuns
      .map((r) => `${p99(r.result.acks).toFixed(1)} ms over ${r.result.acks.length} commands (${r.result.checkIns} check-ins, ${r.result.closes} closes, ${r.result.failed} refused or timed out), ${r.result.bookings.length} bookings (p99 ${p99(r.result.bookings).toFixed(0)} ms for the three requests, ${r.result.bookingsRefused} without a slot or refused), loop p99 ${r.result.loop?.p99.toFixed(1) ?? '?'} ms, load ${r.load}`)
      .join('; ')}.`,
  ];
  return { figures, details };
}

async function servicesOf(url: string): Promise<Service[]> {
  const probe = await connectKiosk(url);
  probe.socket.disconnect();
  return Object.values(probe.snapshot.view.services);
}
