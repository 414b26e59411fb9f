/**
 * `npm run bench [-- --json FILE] [--data DIR] [--build] [--profile] [--rounds N]`
 *
 * Measures the budgets of DESIGN §7 against the large-salon data set and writes them to BENCHMARKS.md (and, with
 * --json, as one JSON object). Every hub runs on a fresh copy of the data set, on 127.0.0.1 and ephemeral ports;
 * every process and temp directory the bench makes is removed at the end, also when it is interrupted.
 *
 *   --data DIR   use a data set made by `npm run seed:large -- --data-dir DIR` (copied, never changed); default: seed
 *                one into a temp directory for this run
 *   --build      rebuild the kiosk and staff apps first (default: only when a build is missing)
 *   --profile    also take CPU profiles of a cold start and of the burst (in separate runs, so the figures are not
 *                disturbed) and write their summaries to tests/artifacts/bench/
 *   --rounds N   kiosk taps for the tap → alert figure (default 20)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import type { Service, StaffSnapshot } from '@glow/shared';
import type { Browser } from 'playwright-core';
import { burst, censoredP99, type BurstResult } from './lib/burst.ts';
import { openingClockOffset } from './lib/clock.ts';
import { answersFor, checkInInput } from './lib/checkins.ts';
import { Desk } from './lib/desk.ts';
import { HubChild, killAllChildren } from './lib/hub-control.ts';
import { LARGE_SALON_TIME_ZONE, largeSalonPins } from './lib/large-salon.ts';
import { REPO } from './lib/paths.ts';
import { formatProfile, summarizeProfile } from './lib/profile.ts';
import { FIGURE_KEYS, resultsMarkdown, writeBenchmarksMd, type Figures, type Machine, type Row } from './lib/report.ts';
import { command, connectKiosk, connectStaff, expectOk, pairDevice, pairKiosk, type Device } from './lib/sockets.ts';
import { nowMs, percentile, round, summarize, within } from './lib/stats.ts';
import { TabletFleet } from './lib/tablets.ts';
import { firstLoadScripts, launch, tapToAlert, type TapToAlert } from './phases/browser.ts';
import { jsClosure, kioskDeclaredLoad, pageScripts } from './phases/bundles.ts';
import { coldStart, HUB_START_COMMAND, type ColdStart } from './phases/cold-start.ts';
import { correlate, fanoutQuiet } from './phases/fanout.ts';
import { aftercareLoad } from './phases/http.ts';
import { COST_RUNS, measureCost } from './phases/cost-runs.ts';
import { clientImportRun, IMPORT_ROWS } from './phases/client-import.ts';
import { clientRecordFigures, clientRecordRows } from './phases/client-record-report.ts';
import { clientRecordRun } from './phases/client-record.ts';
import { seedLargeSalon } from './seed-large.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const jsonFile = option('--json');
const dataOption = option('--data');
const rounds = Number(option('--rounds') ?? 20);
const profile = flag('--profile');

const BURST = { rate: 200, seconds: 10, kiosks: 10 };
/** How long the bench waits for acks after the last check-in of a burst: beyond it, a check-in counts as unanswered. */
const ACK_WAIT_MS = 20_000;
const TABLETS = 30;
/** Check-ins sent one at a time to the stock store before its burst (each rewrites the whole file). */
const STOCK_SINGLES = 2;
const ARTIFACTS = join(REPO, 'tests/artifacts/bench');

const log = (line: string) => process.stderr.write(line + '\n');
const t0 = performance.now();
let tmp = '';

function cleanUp(): void {
  killAllChildren();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping the bench and cleaning up`);
    cleanUp();
    process.exit(130);
  });
}

// A last resort: whatever hangs, the bench ends (and cleans up) within 40 minutes.
const WATCHDOG_MS = 40 * 60_000;
setTimeout(() => {
  log(`\nThe bench did not finish within ${WATCHDOG_MS / 60_000} minutes: stopping it.`);
  cleanUp();
  process.exit(1);
}, WATCHDOG_MS).unref();

function machine(): Machine {
  const model = /model name\s*:\s*(.+)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { cpus: availableParallelism(), cpuModel: model.trim(), memoryGb: totalmem() / 2 ** 30, node: process.version, os: `${type()} ${release()}`, loadAvg: loadavg() };
}

function buildAppsIfNeeded(): void {
  const missing = ['kiosk/build/index.html', 'staff-tablet/build/index.html'].filter((f) => !existsSync(join(REPO, f)));
  if (!flag('--build') && missing.length === 0) {
    log('Using the existing builds of the kiosk and staff tablet (pass --build to rebuild them first).');
    return;
  }
  log(missing.length ? `Building the apps (${missing.join(', ')} missing)…` : 'Building the apps…');
  const res = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error('npm run build failed: the bench needs the built kiosk and staff apps.');
}

/**
 * The cold start times the hub bundle that `npm start` runs; it is rebuilt at every run (about a second) so that it
 * is never older than the source the rest of the bench runs through tsx.
 */
function buildHub(): void {
  log('Building the hub bundle (npm run build:hub)…');
  const res = spawnSync('npm', ['run', 'build:hub', '--silent'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error('npm run build:hub failed: the cold start times hub/dist/main.js.');
}

async function timed<T>(title: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log(`▶ ${title}`);
  const result = await fn();
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main(): Promise<void> {
  const info = machine();
  const date = new Date().toISOString();
  buildAppsIfNeeded();
  buildHub();
  tmp = await mkdtemp(join(tmpdir(), 'glow-bench-'));
  const seeded = dataOption
    ? resolve(dataOption)
    : await timed('seed the large salon (npm run seed:large)', async () => {
        const dir = join(tmp, 'seed');
        await seedLargeSalon(dir, { log: (l) => log('  ' + l) });
        return dir;
      });
  if (!existsSync(join(seeded, 'manifest.json'))) throw new Error(`${seeded} is not a seeded data directory (no manifest.json)`);
  let copies = 0;
  const freshCopy = async () => {
    const dir = join(tmp, `run-${++copies}`);
    await cp(seeded, dir, { recursive: true });
    return dir;
  };
  const pins = largeSalonPins();
  const clockOffsetMs = openingClockOffset(LARGE_SALON_TIME_ZONE);
  const details: string[] = [];
  /** Phases that failed without stopping the run. */
  const failures: string[] = [];

  // ---------- cold start: the real main.ts, three times, each on a fresh copy ----------
  const colds: ColdStart[] = await timed(`cold start of ${HUB_START_COMMAND} (3 runs)`, async () => {
    const runs: ColdStart[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = await freshCopy();
      runs.push(await coldStart(dir));
      await rm(dir, { recursive: true, force: true });
      log(`  run ${i + 1}: banner ${Math.round(runs.at(-1)!.bannerMs)} ms, health ${Math.round(runs.at(-1)!.healthMs)} ms, RSS ${Math.round(runs.at(-1)!.rssMb)} MB`);
    }
    return runs;
  });
  const coldMs = colds.map((c) => Math.max(c.bannerMs, c.healthMs));
  const coldMedian = percentile(coldMs, 50);
  const rssMedian = percentile(colds.map((c) => c.rssMb), 50);

  // ---------- the main hub: sockets, links, browser, fan-out, HTTP, burst ----------
  const dataDir = await freshCopy();
  const hub = await timed('start the bench hub (createHub + LowdbStore, in a child process)', () =>
    HubChild.start({ dataDir, clockOffsetMs, serveApps: true }),
  );
  const afterStart = await hub.memory();
  const kioskProbe = await connectKiosk(hub.url);
  const services: Service[] = Object.values(kioskProbe.snapshot.view.services);
  const pair = async (name: string): Promise<Device> => pairDevice(hub.url, (await hub.pairingCode()).code, name);
  const deskDevice = await pair('Bench front desk');
  const desk = await Desk.connect(hub.url, deskDevice, { staffId: 'grace', pin: pins.grace! });
  const frontDesk = Object.keys(pins).filter((id) => id === 'grace' || id.startsWith('fd-'));

  const fleet = await TabletFleet.start();
  await timed(`connect ${TABLETS} front-desk tablets`, async () => {
    const tablets = [];
    for (let i = 0; i < TABLETS; i++) {
      const staffId = frontDesk[i % frontDesk.length]!;
      tablets.push({ device: await pair(`Bench tablet ${i + 1}`), staffId, pin: pins[staffId]! });
    }
    await fleet.connect(hub.url, tablets);
  });

  const aftercarePaths = await timed('close 20 visits through the staff commands (aftercare links)', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 20; i++) {
      const input = { ...checkInInput(2 * i + 1, services, 3), serviceId: 'facial-classic', answers: answersFor('facial', 0) };
      const { visitId } = expectOk(await command<{ visitId: string }>(kioskProbe.socket, 'visit:checkIn', input), 'check-in');
      paths.push(await desk.closeVisit(visitId));
    }
    return paths;
  });
  const phoneHtml = await (await fetch(hub.url + aftercarePaths[0])).text();
  const phone = await pageScripts(hub.url, phoneHtml);

  // The browser: the kiosk's first load as fetched, and kiosk tap → alert on the beautician's tablet. A failure here
  // (a changed screen, no Chromium) is reported and the rest of the bench goes on.
  let browser: Browser | null = null;
  let tap: TapToAlert | null = null;
  let fetched: string[] = [];
  try {
    browser = await launch();
    fetched = await timed('kiosk first load in Chromium', async () => firstLoadScripts(browser!, hub.url + '/', await pairKiosk(hub.url, 'Bench first load')));
    // Who the hub gives a Classic facial to on this floor: her tablet is the one that will alert.
    const probe = expectOk(
      await command<{ visitId: string }>(kioskProbe.socket, 'visit:checkIn', { ...checkInInput(1, services, 4), serviceId: 'facial-classic', answers: answersFor('facial', 1) }),
      'probe check-in',
    );
    const assigned = await desk.until(probe.visitId, (v) => v?.state === 'assigned');
    const staffId = assigned!.staffId!;
    await desk.run('visit:cancel', { visitId: probe.visitId });
    tap = await timed(`kiosk tap → assignment alert on ${staffId}'s tablet (${rounds} rounds, two Chromium pages)`, async () =>
      tapToAlert({ browser: browser!, url: hub.url, desk, pairingCode: (await hub.pairingCode()).code, serviceId: 'facial-classic', staffId, pin: pins[staffId]!, rounds, log }),
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`  the browser phase failed: ${message}`);
    failures.push(`The browser phase failed, so tap → alert${fetched.length ? '' : ' and the fetched part of the kiosk load'} were not measured: ${message.split('\n')[0]}`);
  } finally {
    await browser?.close();
  }
  const declared = await kioskDeclaredLoad(join(REPO, 'kiosk/build'));
  const firstLoad = await jsClosure(join(REPO, 'kiosk/build'), [...declared.files.map((f) => f.path), ...fetched]);
  await desk.cancelAll();

  const fan = await timed(`fan-out: 60 single changes to ${TABLETS} tablets`, () => fanoutQuiet(hub.url, services, fleet, TABLETS));
  await desk.cancelAll();
  kioskProbe.socket.disconnect();

  const http = await timed('aftercare page: 50 connections for 10 s (autocannon)', () => aftercareLoad(hub.url, aftercarePaths));

  // The burst, with the tablets connected and the hub's event loop watched from inside.
  await fleet.collect();
  hub.resetBeats();
  await hub.loopStart();
  const ours: BurstResult = await timed(`burst: ${BURST.rate} check-ins/s for ${BURST.seconds} s from ${BURST.kiosks} kiosk sockets`, () =>
    burst(hub.url, services, { ...BURST, series: 1, ackTimeoutMs: ACK_WAIT_MS }),
  );
  const loop = await within(hub.loopStop(), 15_000, 'the event-loop histogram').catch(() => null);
  const loopGap = hub.longestBeatGap();
  const burstArrivals = await fleet.collect();
  const burstFan = correlate(ours.acked, burstArrivals, TABLETS);
  const afterBurst = await within(hub.memory(), 5_000, 'memory').catch(() => null);
  log(`  acked ${ours.acked.length}/${ours.sent}, refused ${ours.refused.length}, unanswered ${ours.unanswered.length}; loop p99 ${loop ? loop.p99.toFixed(1) : `(no answer; blocked ≥ ${Math.round(loopGap)} ms)`}`);

  // Lost acks: kill -9 under load, restart on the same directory, ask a front-desk tablet for the floor.
  await fleet.close();
  desk.close();
  const lost = await timed('kill -9 the hub, restart it on the same data, count acknowledged check-ins missing', async () => {
    await hub.kill();
    const again = await HubChild.start({ dataDir, clockOffsetMs });
    try {
      const device = await pairDevice(again.url, (await again.pairingCode()).code, 'Bench recount');
      const { socket, snapshot } = await connectStaff(again.url, device, { staffId: 'grace', pin: pins.grace! });
      socket.disconnect();
      const onFloor = new Set(Object.keys((snapshot as StaffSnapshot).view.visits));
      return { missing: ours.acked.filter((s) => !onFloor.has(s.visitId)).length, onFloor: onFloor.size, restartMs: again.startMs };
    } finally {
      await again.kill();
    }
  });
  await rm(dataDir, { recursive: true, force: true });

  // The same burst against lowdb's stock JSONFile.
  const stockDir = await freshCopy();
  const stock = await timed('the same burst against lowdb stock JSONFile (whole state written per command)', async () => {
    const stockHub = await HubChild.start({ dataDir: stockDir, store: 'stock', clockOffsetMs, maxOldSpaceMb: 8192 });
    try {
      // First one command at a time on the quiet floor (what a single write costs), then the burst.
      const single: number[] = [];
      const { socket } = await connectKiosk(stockHub.url);
      for (let i = 0; i < STOCK_SINGLES; i++) {
        const started = nowMs();
        expectOk(await command(socket, 'visit:checkIn', checkInInput(i, services, 7), 60_000), 'stock check-in');
        single.push(nowMs() - started);
      }
      socket.disconnect();
      const stats = await within(stockHub.request<{ writeCalls: number[] }>({ type: 'stock:stats' }), 3_000, 'stock stats').catch(() => null);
      const result = await burst(stockHub.url, services, { ...BURST, series: 5, ackTimeoutMs: ACK_WAIT_MS });
      return { result, single, writeCallMs: stats?.writeCalls ?? [] };
    } finally {
      await stockHub.kill();
    }
  });
  await rm(stockDir, { recursive: true, force: true });

  // What a check-in costs (#15): CPU per check-in at three queue lengths, one core, a Saturday; three runs each.
  const cost = await timed(`cost of a check-in: CPU at queues of 10/100/2,000, one core, a Saturday ×100 (${COST_RUNS} runs each)`, () =>
    measureCost({ freshCopy, clockOffsetMs, pins, log }),
  );
  log(`  acked ${stock.result.acked.length}/${stock.result.sent}, unanswered ${stock.result.unanswered.length}`);

  // Client import (#13): a manager's tablet sends 20,000 mapped rows in chunks, then one command adds them.
  const imported = await timed(`client import: ${IMPORT_ROWS} rows checked in chunks, then one command`, async () =>
    clientImportRun({ dataDir: await freshCopy(), clockOffsetMs, pins }),
  );

  // Client search and record (#16): searches and five-year records at the desk, the day's task list, 10 tablets.
  const records = await timed('client search and record: 120 searches, 60 records, the task list, check-ins beside 10 tablets', async () =>
    clientRecordRun({ dataDir: await freshCopy(), clockOffsetMs, pins }),
  );

  // ---------- optional CPU profiles, in runs of their own ----------
  const profiles: string[] = [];
  if (profile) {
    await mkdir(ARTIFACTS, { recursive: true });
    await timed('CPU profile of a cold start', async () => {
      const dir = await freshCopy();
      const profDir = join(tmp, 'cold-profile');
      await coldStart(dir, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
      // One profile per thread (tsx's loader has its own): the main thread is the one that worked.
      const files = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile'));
      const summaries = await Promise.all(files.map((f) => summarizeProfile(join(profDir, f))));
      const main = summaries.sort((a, b) => b.totalMs - a.totalMs)[0];
      if (main) profiles.push(formatProfile('cold start (main thread)', main));
      await rm(dir, { recursive: true, force: true });
    });
    await timed('CPU profile of a burst (1 s at 200/s, no tablets)', async () => {
      const dir = await freshCopy();
      const profHub = await HubChild.start({ dataDir: dir, clockOffsetMs });
      try {
        await profHub.profileStart();
        await burst(profHub.url, services, { ...BURST, seconds: 1, series: 6, ackTimeoutMs: ACK_WAIT_MS });
        const file = join(ARTIFACTS, 'burst.cpuprofile');
        await within(profHub.profileStop(file), 60_000, 'stopping the profiler').then(async () =>
          profiles.push(formatProfile('burst', await summarizeProfile(file))),
        ).catch((err: unknown) => profiles.push(`burst profile: ${(err as Error).message}`));
      } finally {
        await profHub.kill();
      }
      await rm(dir, { recursive: true, force: true });
    });
    await writeFile(join(ARTIFACTS, 'profiles.txt'), profiles.join('\n\n') + '\n');
  }

  // ---------- figures ----------
  // The first check-in sent in the burst: how long its ack took (the first answers must not wait for a large group).
  const firstSent = [...ours.acked].sort((a, b) => a.emitAt - b.emitAt)[0];
  const firstAck = firstSent && firstSent.emitAt === Math.min(firstSent.emitAt, ...ours.unanswered) ? firstSent.ms : ACK_WAIT_MS;
  const burstLatencies = [...ours.acked.map((s) => s.ms), ...ours.unanswered.map((emitAt) => ours.endAt - emitAt)];
  const cutOff = ours.unanswered.length > 0;
  const stockP99 = censoredP99(stock.result);
  const figures: Figures = {
    ack_p50_ms: round(percentile(burstLatencies, 50), 1),
    ack_p99_ms: round(percentile(burstLatencies, 99), 1),
    fanout_p99_ms: round(percentile(fan.fromAck.map((x) => Math.max(0, x)), 99), 2),
    loop_delay_p99_ms: round(loop ? loop.p99 : loopGap, 1),
    cold_start_ms: Math.round(coldMedian),
    rss_mb: Math.round(rssMedian),
    http_p99_ms: round(http.p99, 1),
    tap_to_alert_p95_ms: round(percentile(tap?.samples ?? [], 95), 1),
    kiosk_js_gz_kb: round(firstLoad.gzKb, 1),
    phone_js_gz_kb: round(phone.gzKb, 1),
    stock_ack_p99_ms: Math.round(stockP99),
    lost_acks: lost.missing,
    ...cost.figures,
    first_ack_ms: round(firstAck, 1),
    ...clientRecordFigures(records),
  };
  const stockCut = stock.result.unanswered.length > 0;
  const rows: Row[] = [
    { what: 'command ack p50 during 200 check-ins/s', key: 'ack_p50_ms', value: figures.ack_p50_ms, unit: 'ms', budget: null, lowerBound: cutOff },
    { what: 'command ack p99 during 200 check-ins/s', key: 'ack_p99_ms', value: figures.ack_p99_ms, unit: 'ms', budget: 25, lowerBound: cutOff, note: cutOff ? `${ours.unanswered.length} of ${ours.sent} unanswered after ${ACK_WAIT_MS / 1000} s` : undefined },
    { what: 'acknowledged check-ins lost (kill -9 during the burst, restart)', key: 'lost_acks', value: figures.lost_acks, unit: '', budget: 0, note: `of ${ours.acked.length} acknowledged` },
    { what: `event fan-out to ${TABLETS} tablets, p99 after the ack`, key: 'fanout_p99_ms', value: figures.fanout_p99_ms, unit: 'ms', budget: 10 },
    { what: 'event-loop delay p99 in the hub during the burst', key: 'loop_delay_p99_ms', value: figures.loop_delay_p99_ms, unit: 'ms', budget: 20, lowerBound: !loop, note: loop ? `histogram p99 ${loop.p99.toFixed(1)} ms, max ${loop.max.toFixed(0)} ms` : 'the hub was too busy to answer; from its heartbeat' },
    { what: 'hub cold start with large-salon data (median of 3)', key: 'cold_start_ms', value: figures.cold_start_ms, unit: 'ms', budget: 1000 },
    { what: 'hub RSS after start (median of 3)', key: 'rss_mb', value: figures.rss_mb, unit: 'MB', budget: 400 },
    { what: 'kiosk tap → alert drawn on the staff tablet, p95', key: 'tap_to_alert_p95_ms', value: figures.tap_to_alert_p95_ms, unit: 'ms', budget: 100, note: tap ? `${tap.samples.length} taps` : 'not measured' },
    { what: 'kiosk first-load JavaScript, gzipped', key: 'kiosk_js_gz_kb', value: figures.kiosk_js_gz_kb, unit: 'KB', budget: 60 },
    { what: 'phone aftercare page JavaScript, gzipped', key: 'phone_js_gz_kb', value: figures.phone_js_gz_kb, unit: 'KB', budget: 40 },
    { what: 'aftercare page HTTP p99, 50 connections', key: 'http_p99_ms', value: figures.http_p99_ms, unit: 'ms', budget: null },
    { what: 'first ack of the burst, after its send', key: 'first_ack_ms', value: figures.first_ack_ms, unit: 'ms', budget: 100 },
    { what: 'hub CPU per check-in, queue of 10 (median of 3)', key: 'cpu_ms_per_checkin_q10', value: figures.cpu_ms_per_checkin_q10, unit: 'ms', budget: 0.5 },
    { what: 'hub CPU per check-in, queue of 100 (median of 3)', key: null, value: cost.figures.cpu_ms_per_checkin_q100, unit: 'ms', budget: 0.5 },
    { what: 'hub CPU per check-in, queue of 2,000 (median of 3)', key: 'cpu_ms_per_checkin_q2000', value: figures.cpu_ms_per_checkin_q2000, unit: 'ms', budget: Math.min(0.5, 2 * figures.cpu_ms_per_checkin_q10), note: `×${(figures.cpu_ms_per_checkin_q2000 / figures.cpu_ms_per_checkin_q10).toFixed(2)} the queue of 10 (budget ≤ 2×, and ≤ 0.5 ms)` },
    { what: 'ack p99, hub on one core beside a busy process (median of 3)', key: 'ack_p99_one_core_ms', value: figures.ack_p99_one_core_ms, unit: 'ms', budget: 100 },
    { what: 'ack p99, a busy Saturday replayed 100× faster (median of 3)', key: 'ack_p99_saturday_ms', value: figures.ack_p99_saturday_ms, unit: 'ms', budget: null },
    { what: 'event-loop delay p99, the Saturday (median of 3)', key: null, value: cost.figures.loop_delay_p99_saturday_ms, unit: 'ms', budget: 20 },
    { what: `client import of ${IMPORT_ROWS} rows (checks and the import)`, key: null, value: round(imported.totalMs, 0), unit: 'ms', budget: 10_000, note: `checks ${Math.round(imported.checkMs)} ms, import ${Math.round(imported.importMs)} ms; ${imported.added} added, ${imported.refused} refused` },
    { what: 'event-loop delay p99 in the hub during the client import', key: null, value: imported.loop ? round(imported.loop.p99, 1) : NaN, unit: 'ms', budget: 50, note: imported.loop ? `max ${imported.loop.max.toFixed(0)} ms` : 'not measured' },
    ...clientRecordRows(records),
    {
      what: 'the same burst on lowdb stock JSONFile: ack p99',
      key: 'stock_ack_p99_ms',
      value: figures.stock_ack_p99_ms,
      unit: 'ms',
      budget: null,
      lowerBound: stockCut,
      note:
        stockCut && cutOff
          ? `both cut off, so no ratio: answered within ${ACK_WAIT_MS / 1000} s, ours ${ours.acked.length}, stock ${stock.result.acked.length} of ${stock.result.sent}`
          : `×${(stockP99 / figures.ack_p99_ms).toFixed(1)} ours${stockCut ? `; ${stock.result.unanswered.length} of ${stock.result.sent} unanswered after ${ACK_WAIT_MS / 1000} s` : ''}`,
    },
    {
      what: 'one check-in at a time on a quiet floor: stock JSONFile vs ours, ack p50',
      key: null,
      value: percentile(stock.single, 50),
      unit: 'ms',
      budget: null,
      note: `ours ${percentile(fan.acks, 50).toFixed(1)} ms: ×${(percentile(stock.single, 50) / percentile(fan.acks, 50)).toFixed(0)}`,
    },
  ];

  const s = (xs: number[]) => summarize(xs);
  const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
  const ackSummary = s(ours.acked.map((x) => x.ms));
  details.push(
    '### How each figure was taken',
    '',
    `- Data: the large salon (DESIGN §5) from \`npm run seed:large\`: 20,000 clients, 200,000 closed visits over five years with consultation answers, plans, notes, ratings and their aftercare links, 50 staff with weekly shifts, 20 rooms, 60 services, the demo questionnaires. Each hub below starts on a fresh copy. The bench's hubs run on a clock moved to 10:00 in the salon's time zone (${LARGE_SALON_TIME_ZONE}), so that staff are on shift whatever the hour of the run.`,
    `- Cold start: \`${HUB_START_COMMAND}\` (what \`npm start\` runs after building; the bundle is rebuilt by \`npm run build:hub\` at the start of the bench), spawn → banner: ${colds.map((c) => Math.round(c.bannerMs)).join(' / ')} ms; spawn → first \`/api/health\` 200: ${colds.map((c) => Math.round(c.healthMs)).join(' / ')} ms; the hub's own "started in": ${colds.map((c) => c.selfReportedMs ?? '?').join(' / ')} ms. RSS after start ${colds.map((c) => Math.round(c.rssMb)).join(' / ')} MB, peak during start (VmHWM) ${colds.map((c) => Math.round(c.peakRssMb)).join(' / ')} MB. The figure is the median of max(banner, health).`,
    `- The bench hub (\`tests/bench/hub-child.ts\`: createHub + LowdbStore, unchanged hub code) took ${Math.round(hub.startMs)} ms to open and listen; heap used ${Math.round(afterStart.heapUsed / 2 ** 20)} MB, RSS ${Math.round(afterStart.rss / 2 ** 20)} MB after start${afterBurst ? `, RSS ${Math.round(afterBurst.rss / 2 ** 20)} MB (heap used ${Math.round(afterBurst.heapUsed / 2 ** 20)} of ${Math.round(afterBurst.heapTotal / 2 ** 20)} MB, external and array buffers ${Math.round((afterBurst.external + afterBurst.arrayBuffers) / 2 ** 20)} MB) after the burst` : ''}.`,
    `- Burst: ${ours.sent} check-ins (every other one a returning client found by phone, each with consultation answers and its own commandId) paced at ${BURST.rate}/s from ${BURST.kiosks} kiosk sockets (achieved ${ours.achievedRate.toFixed(0)}/s, send lag p99 ${ms(ours.sendLagP99)}; the bench's own event-loop delay p99 ${ms(ours.generatorLoopP99)}), with the ${TABLETS} tablets connected. Ack latency from just before the emit to the ack callback. Answered: ${ours.acked.length}, refused: ${ours.refused.length}${ours.refused[0] ? ` (first: ${ours.refused[0].error})` : ''}, unanswered after ${ACK_WAIT_MS / 1000} s: ${ours.unanswered.length}. Of the answered ones: p50 ${ms(ackSummary.p50)}, p99 ${ms(ackSummary.p99)}, max ${ms(ackSummary.max)}.${cutOff ? ' The percentiles in the table count each unanswered check-in at the time the bench stopped waiting, so they are lower bounds.' : ''}`,
    `- Event-loop delay: \`monitorEventLoopDelay({ resolution: 5 })\` inside the hub process for the burst window${loop ? `: p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)} over ${loop.count} samples` : ': the hub did not answer within 15 s after the burst'}; the longest gap in the hub's 20 ms IPC heartbeat was ${Math.round(loopGap)} ms.`,
    `- Lost acks: the hub was killed with SIGKILL right after the burst window and restarted on the same directory (start ${Math.round(lost.restartMs)} ms); a front-desk tablet's snapshot then held ${lost.onFloor} active visits, and ${lost.missing} of the ${ours.acked.length} acknowledged check-ins were missing.`,
    `- Fan-out: ${fan.changes} check-ins one at a time (${60} ms apart) with ${TABLETS} signed-in front-desk sockets in a separate process; per (change, tablet) the patch arrival minus the sender's ack arrival, negatives (patch first) counted as 0: p50 ${ms(percentile(fan.fromAck, 50))}, p99 ${ms(percentile(fan.fromAck, 99))} raw; from the emit: p50 ${ms(percentile(fan.fromEmit, 50))}, p99 ${ms(percentile(fan.fromEmit, 99))}; those changes' own ack p50 ${ms(percentile(fan.acks, 50))}, p99 ${ms(percentile(fan.acks, 99))}. Missing deliveries ${fan.missing}, revision gaps ${fan.gaps}. During the burst: p99 after the ack ${ms(percentile(burstFan.fromAck, 99))} over ${burstFan.fromAck.length} deliveries (${burstArrivals.patches} patches, ${(burstArrivals.bytes / 2 ** 20).toFixed(1)} MB received by the tablets, ${burstFan.missing} missing, ${burstFan.gaps} gaps).`,
    `- Tap → alert: two Chromium pages (playwright-core, headless, 1280×800); the kiosk's walk-in flow each round, the tap being the \`pointerdown\` on "Check in" (its event time); the alert drawn being the first animation frame after \`assignment-alert\` is in the page and visible, both on the pages' shared wall clock (performance.timeOrigin + now). ${
      tap
        ? `Beautician ${tap.staffId}, service ${tap.serviceId}; the front desk cancels the visit after each round. Samples: p50 ${ms(percentile(tap.samples, 50))}, p95 ${ms(percentile(tap.samples, 95))}, max ${ms(Math.max(...tap.samples))} (to the DOM insertion: p95 ${ms(percentile(tap.domSamples, 95))}).`
        : 'Not measured this run (see below).'
    }`,
    `- Kiosk JavaScript: every .js the first load of \`/\` fetched in Chromium, plus what kiosk/build/index.html declares (module scripts, modulepreloads, the bootstrap's imports) and their static imports, each gzipped (zlib level 6) and summed: ${firstLoad.files.length} files, ${firstLoad.rawKb.toFixed(1)} KB raw, ${firstLoad.gzKb.toFixed(1)} KB gzipped (index.html's declared closure alone: ${declared.gzKb.toFixed(1)} KB). Largest: ${firstLoad.files.slice(0, 3).map((f) => `${f.path} ${(f.gzBytes / 1024).toFixed(1)} KB`).join(', ')}.`,
    `- Phone aftercare page: rendered by the hub as HTML; it has ${phone.scriptTags} script tags, ${phone.gzKb.toFixed(1)} KB of script gzipped.`,
    `- HTTP: autocannon, 50 connections for 10 s over ${aftercarePaths.length} real aftercare links: ${http.requests} requests (${http.rps.toFixed(0)}/s), p50 ${http.p50} ms, p99 ${http.p99} ms, max ${http.max} ms, non-2xx ${http.non2xx}, errors ${http.errors}, timeouts ${http.timeouts}.`,
    `- Stock lowdb: a StorePort in the bench (\`tests/bench/lib/stock-store.ts\`) holding the state in one \`Low\` over one \`JSONFile\` and calling \`db.write()\` on every append; same data. One check-in at a time first: ${stock.single.map((x) => Math.round(x)).join(' / ')} ms each. Then the same burst: answered ${stock.result.acked.length} of ${stock.result.sent}${stockCut ? `, unanswered after ${ACK_WAIT_MS / 1000} s: ${stock.result.unanswered.length} (the p99 counts them at the cut-off: a lower bound)` : ''}. Time inside each \`db.write()\` call (serialising the whole state on the event loop): ${stock.writeCallMs.length ? `p50 ${ms(percentile(stock.writeCallMs, 50))}, max ${ms(Math.max(...stock.writeCallMs))} over ${stock.writeCallMs.length} calls` : 'not available (the hub was busy)'}.`,
  );
  details.push(...cost.details);
  if (failures.length) details.push('', '### Phases that failed this run', '', ...failures.map((f) => `- ${f}`));
  if (profiles.length) details.push('', '### CPU profiles (--profile)', '', '```', ...profiles, '```');

  const durationS = (performance.now() - t0) / 1000;
  const section = resultsMarkdown({ command: `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`, date, machine: info, durationS, rows, details });
  await writeBenchmarksMd(join(REPO, 'BENCHMARKS.md'), section);
  if (jsonFile) {
    const out = Object.fromEntries(FIGURE_KEYS.map((k) => [k, figures[k]]));
    await writeFile(resolve(jsonFile), JSON.stringify(out, null, 2) + '\n');
  }
  log(`\n${section.split('\n').filter((l) => l.startsWith('|')).join('\n')}\n\nWrote BENCHMARKS.md${jsonFile ? ` and ${jsonFile}` : ''} in ${Math.round(durationS)} s.`);
}

main()
  .catch((err: unknown) => {
    log(`\nbench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    cleanUp();
    // Sockets or timers of a failed phase must not keep the bench alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
  });
