/**
 * The hub for the soak test, in its own process started with `--expose-gc` and an IPC channel: the real hub
 * (createHub, LowdbStore on SOAK_DATA_DIR, the demo salon in a zone where it is mid-morning) plus the one thing the
 * test must see from inside: heapUsed after a full garbage collection.
 *   → { type: 'ready', url }   ← 'pairingCode' | 'heap' {windowPassed} | 'stop'   → { id, result }
 */
import { getHeapSnapshot, getHeapSpaceStatistics } from 'node:v8';
import { SessionAwareAdapter } from 'socket.io-adapter';
import { createHub } from '../../../hub/src/app.ts';
import { silentLogger } from '../../../hub/src/logger.ts';
import { randomId } from '../../../hub/src/security/secrets.ts';
import { demoSalon } from '../../../hub/src/seed/salon-seed.ts';
import { LowdbStore } from '../../../hub/src/store/lowdb.store.ts';

/**
 * socket.io's connection-state recovery keeps every broadcast packet (and every dropped session) for the recovery
 * window (2 min in app.ts; its own timer prunes them once a minute). That memory is bounded by time, not a leak, but
 * a soak of seconds cannot wait minutes: `heap` with `windowPassed` first drops what that timer would have dropped by
 * then. The adapters are found by watching their broadcasts.
 */
const adapters = new Set<{ packets: unknown[]; sessions: Map<string, unknown> }>();
const prototype = SessionAwareAdapter.prototype as unknown as { broadcast: (...args: unknown[]) => void };
const broadcast = prototype.broadcast;
prototype.broadcast = function (this: { packets: unknown[]; sessions: Map<string, unknown> }, ...args: unknown[]) {
  adapters.add(this);
  broadcast.apply(this, args);
};
const recoveryBuffer = () => [...adapters].reduce((n, a) => n + a.packets.length, 0);

const dir = process.env.SOAK_DATA_DIR;
const timeZone = process.env.SOAK_TIME_ZONE;
const gc = (globalThis as { gc?: () => void }).gc;
if (!dir || !process.send || !gc) {
  console.error('soak-hub-child: run by the soak test (needs SOAK_DATA_DIR, an IPC channel and --expose-gc)');
  process.exit(64);
}

const UNBOUNDED = { burst: 1_000_000, perSecond: 1_000_000 };
const hub = createHub({
  store: new LowdbStore({ dir }),
  clock: Date.now,
  newId: randomId,
  logger: silentLogger,
  seed: () => demoSalon('en', timeZone),
  ...(timeZone ? { timeZone } : {}),
  version: 'soak',
  // A thousand reconnects of one tablet and one kiosk, four at a time, and an hour of commands replayed as fast as
  // the hub answers, are what this measures the memory of: the per-device rates (guards against floods, tested in
  // tests/security/socket-limits) are lifted; the outgoing buffer bound stays the hub's.
  socketLimits: { connections: UNBOUNDED, socketCommands: UNBOUNDED, deviceCommands: UNBOUNDED },
  kioskCheckIns: UNBOUNDED,
});

/** Several full collections with turns of the event loop between them, so that finalisers and timers settle. */
async function settledHeap(
  windowPassed: boolean,
): Promise<{ heapUsed: number; codeUsed: number; reachable: number; recoveryPackets: number; stateBytes: number }> {
  const recoveryPackets = recoveryBuffer();
  if (windowPassed) {
    for (const adapter of adapters) {
      adapter.packets.splice(0);
      adapter.sessions.clear();
    }
  }
  for (let i = 0; i < 4; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 50));
  }
  // The salon's data as JSON: what the hub must keep in memory; it grows with every visit, as it should.
  const stateBytes = JSON.stringify(hub.core.engine.state).length;
  // Machine code V8 compiles as functions get hot lives in the heap's code spaces: it grows once during a soak (a
  // heap snapshot diff showed it as most of the growth) and is not data the hub holds on to, so it is reported apart.
  const codeUsed = getHeapSpaceStatistics()
    .filter((s) => s.space_name.startsWith('code'))
    .reduce((n, s) => n + s.space_used_size, 0);
  return { heapUsed: process.memoryUsage().heapUsed, codeUsed, reachable: await reachableBytes(), recoveryPackets, stateBytes };
}

/**
 * The bytes of every object still reachable, compiled code left out: the sum of self sizes in a heap snapshot. Unlike
 * heapUsed it does not move with how V8 happens to lay out its pages after a collection (that noise was ±1 MB here).
 */
async function reachableBytes(): Promise<number> {
  let json = '';
  for await (const chunk of getHeapSnapshot()) json += String(chunk);
  const snapshot = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (types[snapshot.nodes[i + typeAt]!] !== 'code') total += snapshot.nodes[i + sizeAt]!;
  }
  return total;
}

type Request = { id: number; type: 'pairingCode' | 'heap' | 'stop'; windowPassed?: boolean; kind?: 'tablet' | 'kiosk' };
async function handle(req: Request): Promise<unknown> {
  if (req.type === 'pairingCode') return hub.createPairingCode(req.kind ?? 'tablet');
  if (req.type === 'heap') return settledHeap(req.windowPassed ?? false);
  await hub.stop();
  setImmediate(() => process.exit(0));
  return {};
}

process.on('message', (msg: Request) => {
  handle(msg).then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (err: unknown) => process.send!({ id: msg.id, ok: false, error: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));

hub.listen(0, '127.0.0.1').then(
  ({ url }) => process.send!({ type: 'ready', url }),
  (err: unknown) => {
    console.error('soak-hub-child: the hub did not start:', err);
    process.exit(2);
  },
);
