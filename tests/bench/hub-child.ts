/**
 * The hub under test, in its own process, started by the bench with an IPC channel. It is the real hub — createHub
 * with the real LowdbStore on a data directory, listening on 127.0.0.1 and an ephemeral port — plus what a benchmark
 * must observe from inside the process without a change to the hub's code: the event-loop delay
 * (perf_hooks.monitorEventLoopDelay), memory, and an optional CPU profile (node:inspector).
 *
 * Environment: BENCH_DATA_DIR (required), BENCH_STORE = lowdb | stock, BENCH_CLOCK_OFFSET_MS (the hub's clock is
 * Date.now() + offset, so that the salon is open whatever the hour of the run), BENCH_STATIC = 1 to serve the built
 * kiosk and staff apps.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHub, type Hub } from '../../hub/src/app.ts';
import type { Logger } from '../../hub/src/logger.ts';
import { randomId } from '../../hub/src/security/secrets.ts';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import type { StorePort } from '../../hub/src/store/store.port.ts';
import { REPO } from './lib/paths.ts';
import { StockJsonFileStore } from './lib/stock-store.ts';
import type { ChildReply, ChildRequest } from './lib/child-protocol.ts';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir || !process.send) {
  console.error('hub-child: run by the bench (needs BENCH_DATA_DIR and an IPC channel)');
  process.exit(64);
}
const storeKind = process.env.BENCH_STORE === 'stock' ? 'stock' : 'lowdb';
const offset = Number(process.env.BENCH_CLOCK_OFFSET_MS ?? 0);
const clock = () => Date.now() + offset;

const line = (level: string) => (obj: object, msg?: string) => process.stderr.write(`[hub ${level}] ${msg ?? ''} ${JSON.stringify(obj)}\n`);
const noop = () => {};
const logger: Logger = { info: noop, debug: noop, warn: line('warn'), error: line('error') };

let stock: StockJsonFileStore | null = null;
function makeStore(): StorePort {
  if (storeKind === 'lowdb') return new LowdbStore({ dir: dataDir!, logger });
  // The stock baseline starts from the same large salon: read it through our store once, then hand it to lowdb.
  stock = new StockJsonFileStore(join(dataDir!, 'stock-db.json'), async () => {
    const ours = new LowdbStore({ dir: dataDir! });
    const loaded = await ours.open();
    await ours.close();
    return loaded;
  });
  return stock;
}

const started = performance.now();
const hub: Hub = createHub({
  store: makeStore(),
  clock,
  newId: randomId,
  logger,
  version: 'bench',
  // Every bench page and socket comes from 127.0.0.1: the default six look-ups a minute per address would refuse
  // the browser phase's rounds (each one a walk-in that types a phone number).
  kioskLookupLimit: { max: 10_000, windowMs: 60_000 },
  // Likewise the per-kiosk check-in and per-socket/device rate limits (a bench kiosk sends 20 check-ins a second, and
  // every bench socket connects from the one address); the buffer bound stays the hub's own.
  kioskCheckIns: { burst: 1e9, perSecond: 1e9 },
  socketLimits: Object.fromEntries(
    ['socketCommands', 'deviceCommands', 'resyncs', 'connections', 'strikes'].map((k) => [k, { burst: 1e9, perSecond: 1e9 }]),
  ),
  seed: () => Promise.reject(new Error('the bench hub starts from a seeded data directory')),
  ...(process.env.BENCH_STATIC === '1'
    ? { staticDirs: { kiosk: join(REPO, 'kiosk/build'), staff: join(REPO, 'staff-tablet/build') } }
    : {}),
});

let loop: IntervalHistogram | null = null;
let session: Session | null = null;

const ms = (ns: number) => ns / 1e6;

/**
 * The main thread's own CPU time (µs; Linux: the first field of its schedstat, in ns), beside the process's: the
 * rest is worker threads, garbage collection helpers and libuv's thread pool (file writes, fdatasync). NaN elsewhere.
 */
function mainThreadUs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
  } catch {
    return Number.NaN;
  }
}

async function handle(req: ChildRequest): Promise<unknown> {
  switch (req.type) {
    case 'pairingCode':
      return hub.createPairingCode(req.kind ?? 'tablet');
    case 'loop:start':
      loop?.disable();
      loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      return {};
    case 'loop:stop': {
      if (!loop) throw new Error('loop:stop without loop:start');
      loop.disable();
      const h = loop;
      loop = null;
      // The histogram records the delay of a `resolution`-ms timer; subtract nothing: p99 over the window is the figure.
      return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), count: h.count };
    }
    case 'profile:start':
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return {};
    case 'profile:stop': {
      if (!session) throw new Error('profile:stop without profile:start');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      await writeFile(req.file, JSON.stringify(profile));
      return { file: req.file };
    }
    case 'floor': {
      const cpu = process.cpuUsage();
      const active = hub.core.active.list(hub.core.engine.state);
      return { cpuUs: cpu.user + cpu.system, userUs: cpu.user, systemUs: cpu.system, mainThreadUs: mainThreadUs(), queued: active.filter((v) => v.state === 'queued').length, active: active.length };
    }
    case 'memory':
      return { ...process.memoryUsage(), revision: hub.revision };
    case 'stock:stats':
      return { writeCalls: stock?.writeCalls ?? [] };
    case 'stop':
      await hub.stop();
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on('message', (msg: ChildRequest) => {
  handle(msg).then(
    (result) => process.send!({ id: msg.id, ok: true, result } satisfies ChildReply),
    (err: unknown) => process.send!({ id: msg.id, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies ChildReply),
  );
});
process.on('disconnect', () => process.exit(0));

// A heartbeat over IPC: if the event loop is blocked for longer than the bench can wait to ask the histogram, the
// bench still sees how long it was blocked (a lower bound of the delay).
setInterval(() => process.send?.({ type: 'beat' }), 20).unref();

hub.listen(0, '127.0.0.1').then(
  ({ url }) => process.send!({ type: 'ready', url, startMs: performance.now() - started, pid: process.pid }),
  (err: unknown) => {
    console.error('hub-child: the hub did not start:', err);
    process.exit(2);
  },
);
