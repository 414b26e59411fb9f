import type { LoopDelay } from '../lib/child-protocol.ts';
import { HubChild } from '../lib/hub-control.ts';
import { largeSalonPhone } from '../lib/large-salon.ts';
import { command, connectStaff, expectOk, pairDevice } from '../lib/sockets.ts';
import { nowMs, percentile } from '../lib/stats.ts';

export type ClientRecordRun = {
  /** The first record after the first start on a data directory without the month index (it is built meanwhile). */
  firstRecordMs: number;
  searches: number;
  searchP50Ms: number;
  searchP95Ms: number;
  records: number;
  recordP50Ms: number;
  recordP95Ms: number;
  /** The hub's own time to gather a record (months read off disk included), p95. */
  recordHubP95Ms: number;
  visitsPerRecord: number;
  /** The oldest visit on the records opened, in years back. */
  oldestYears: number;
  loop: LoopDelay | null;
};

type Hit = { id: string };
type RecordShape = { visits: Array<{ at: number }>; readMs: number };

/**
 * The front desk's search and record-open on the large salon (#16; budgets p95 ≤ 50 ms and ≤ 150 ms): searches by
 * phone fragments, whole numbers, pinyin and Latin name parts, then records of 60 different clients found by their
 * number, each with up to five years of visits, most of them in months left on disk. Timed at the tablet (the
 * socket round trip included); the hub's event loop is watched from inside meanwhile.
 */
export async function clientRecordRun(opts: { dataDir: string; clockOffsetMs: number; pins: Record<string, string> }): Promise<ClientRecordRun> {
  const hub = await HubChild.start({ dataDir: opts.dataDir, clockOffsetMs: opts.clockOffsetMs });
  try {
    const device = await pairDevice(hub.url, (await hub.pairingCode()).code, 'Bench desk');
    const { socket } = await connectStaff(hub.url, device, { staffId: 'grace', pin: opts.pins.grace! });
    // The search index is built in slices after start: one search waits for it, as the first desk search would.
    expectOk(await command(socket, 'clients:search', { query: 'warm up' }), 'first search');
    // The first record waits for the index of the months left on disk, made off the main thread at the first start
    // of a data directory without one (the seed's): timed on its own, then the steady state is measured.
    const first = expectOk(await command<{ hits: Hit[] }>(socket, 'clients:search', { query: largeSalonPhone(4242) }), 'search');
    const firstStarted = nowMs();
    if (first.hits[0]) expectOk(await command(socket, 'clients:record', { clientId: first.hits[0].id }, 300_000), 'first record');
    const firstRecordMs = Math.round(nowMs() - firstStarted);
    await hub.loopStart();
    const queries: string[] = [];
    for (let i = 0; i < 120; i++) {
      const phone = largeSalonPhone((i * 7919) % 20_000);
      queries.push(i % 4 === 0 ? phone : i % 4 === 1 ? phone.slice(3, 8) : i % 4 === 2 ? ['wang', 'li', 'zh', 'chen', 'mei', 'xl'][i % 6]! : ['ann', 'smi', 'jo', 'emma', 'lee'][i % 5]!);
    }
    const searchMs: number[] = [];
    for (const query of queries) {
      const started = nowMs();
      expectOk(await command(socket, 'clients:search', { query }), 'search');
      searchMs.push(nowMs() - started);
    }
    const recordMs: number[] = [];
    const hubMs: number[] = [];
    let visits = 0;
    let oldest = Infinity;
    for (let i = 0; i < 60; i++) {
      const phone = largeSalonPhone((i * 331 + 17) % 20_000);
      const found = expectOk(await command<{ hits: Hit[] }>(socket, 'clients:search', { query: phone }), 'search by phone');
      const id = found.hits[0]?.id;
      if (!id) continue;
      const started = nowMs();
      const record = expectOk(await command<RecordShape>(socket, 'clients:record', { clientId: id }), 'record');
      recordMs.push(nowMs() - started);
      hubMs.push(record.readMs);
      visits += record.visits.length;
      for (const v of record.visits) oldest = Math.min(oldest, v.at);
    }
    const loop = await hub.loopStop();
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      firstRecordMs,
      searches: searchMs.length,
      searchP50Ms: round(percentile(searchMs, 50)),
      searchP95Ms: round(percentile(searchMs, 95)),
      records: recordMs.length,
      recordP50Ms: round(percentile(recordMs, 50)),
      recordP95Ms: round(percentile(recordMs, 95)),
      recordHubP95Ms: round(percentile(hubMs, 95)),
      visitsPerRecord: round(visits / Math.max(1, recordMs.length)),
      oldestYears: round((Date.now() + opts.clockOffsetMs - oldest) / (365 * 86_400_000)),
      loop,
    };
  } finally {
    await hub.stop();
  }
}
