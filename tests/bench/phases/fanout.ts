import type { Service } from '@glow/shared';
import { checkInInput } from '../lib/checkins.ts';
import { connectKiosk, expectOk, type AckLike } from '../lib/sockets.ts';
import { nowMs, sleep } from '../lib/stats.ts';
import type { Arrivals, TabletFleet } from '../lib/tablets.ts';

export type Fanout = {
  /** Per (change, tablet): patch arrival − ack arrival, ms (negative: the patch came first). */
  fromAck: number[];
  /** Per (change, tablet): patch arrival − emit of the command, ms. */
  fromEmit: number[];
  /** Ack latency of the changes themselves, ms. */
  acks: number[];
  tablets: number;
  changes: number;
  /** (change, tablet) pairs for which no patch carried the visit. */
  missing: number;
  gaps: number;
};

/** Correlates acked changes with the tablets' patch arrivals (by the visit each change created). */
export function correlate(samples: { visitId: string; emitAt: number; ackAt: number }[], arrivals: Arrivals, tablets: number): Omit<Fanout, 'acks' | 'changes'> {
  const fromAck: number[] = [];
  const fromEmit: number[] = [];
  let missing = 0;
  for (const s of samples) {
    const times = arrivals.arrivals[s.visitId] ?? [];
    missing += Math.max(0, tablets - times.length);
    for (const t of times) {
      fromAck.push(t - s.ackAt);
      fromEmit.push(t - s.emitAt);
    }
  }
  return { fromAck, fromEmit, tablets, missing, gaps: arrivals.gaps };
}

/**
 * One change at a time (a kiosk check-in every `gapMs`), with the tablet fleet connected: how long after the sender's
 * ack each tablet holds the patch.
 */
export async function fanoutQuiet(url: string, services: readonly Service[], fleet: TabletFleet, tablets: number, changes = 60, gapMs = 60): Promise<Fanout> {
  const { socket } = await connectKiosk(url);
  await fleet.collect();
  const samples: { visitId: string; emitAt: number; ackAt: number }[] = [];
  for (let i = 0; i < changes; i++) {
    const input = checkInInput(i, services, 2);
    const emitAt = nowMs();
    const ack = (await socket.timeout(30_000).emitWithAck('visit:checkIn', input)) as AckLike<{ visitId: string }>;
    const ackAt = nowMs();
    samples.push({ visitId: expectOk(ack, 'fan-out check-in').visitId, emitAt, ackAt });
    await sleep(gapMs);
  }
  await sleep(500);
  const arrivals = await fleet.collect();
  socket.disconnect();
  return { ...correlate(samples, arrivals, tablets), acks: samples.map((s) => s.ackAt - s.emitAt), changes };
}
