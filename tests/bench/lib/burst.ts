import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Service } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { checkInInput } from './checkins.ts';
import { connectKiosk, type AckLike } from './sockets.ts';
import { nowMs, percentile, sleep } from './stats.ts';

export type BurstOptions = {
  rate: number;
  seconds: number;
  kiosks: number;
  /** Keeps the phone numbers of new clients apart from other phases'. */
  series: number;
  /** A check-in not answered within this many ms counts as unanswered. */
  ackTimeoutMs: number;
};

export type Sample = { visitId: string; emitAt: number; ackAt: number; ms: number };

export type BurstResult = {
  sent: number;
  acked: Sample[];
  refused: { emitAt: number; error: string }[];
  /** Sent but not answered before the timeout: their latency is at least `ackTimeoutMs`. */
  unanswered: number[];
  /** How well the generator kept the pace: p99 of how late each send left, ms. */
  sendLagP99: number;
  achievedRate: number;
  /** The bench process's own event-loop delay p99 during the burst (a measurement-quality check). */
  generatorLoopP99: number;
  startAt: number;
  endAt: number;
};

/**
 * `rate` check-ins per second for `seconds` from `kiosks` kiosk sockets (round robin), each with its own commandId,
 * paced on a schedule (send i leaves at start + i/rate). Ack latency: from just before the emit to the ack callback.
 */
export async function burst(url: string, services: readonly Service[], options: BurstOptions): Promise<BurstResult> {
  const sockets: Socket[] = [];
  for (let i = 0; i < options.kiosks; i++) sockets.push((await connectKiosk(url)).socket);
  const total = Math.round(options.rate * options.seconds);
  const inputs = Array.from({ length: total }, (_, i) => checkInInput(i, services, options.series));
  const acked: Sample[] = [];
  const refused: BurstResult['refused'] = [];
  const pending = new Map<number, number>();
  const lags: number[] = [];
  const interval = 1000 / options.rate;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();

  const start = nowMs() + 20;
  let i = 0;
  while (i < total) {
    const now = nowMs();
    while (i < total && start + i * interval <= now) {
      const n = i++;
      const emitAt = nowMs();
      lags.push(emitAt - (start + n * interval));
      pending.set(n, emitAt);
      sockets[n % sockets.length]!.timeout(options.ackTimeoutMs).emit('visit:checkIn', inputs[n], (err: Error | null, ack: AckLike<{ visitId: string }>) => {
        const ackAt = nowMs();
        if (err) return; // timed out: stays in `pending`
        pending.delete(n);
        if (ack.ok) acked.push({ visitId: ack.data.visitId, emitAt, ackAt, ms: ackAt - emitAt });
        else refused.push({ emitAt, error: `${ack.error.code}/${ack.error.reason ?? ''}: ${ack.error.message}` });
      });
    }
    await sleep(1);
  }
  const sentAt = nowMs();
  const deadline = sentAt + options.ackTimeoutMs + 500;
  while (pending.size > 0 && nowMs() < deadline) await sleep(10);
  loop.disable();
  const endAt = nowMs();
  for (const s of sockets) s.disconnect();
  return {
    sent: total,
    acked,
    refused,
    unanswered: [...pending.values()],
    sendLagP99: percentile(lags, 99),
    achievedRate: total / ((sentAt - start) / 1000),
    generatorLoopP99: loop.percentile(99) / 1e6,
    startAt: start,
    endAt,
  };
}

/**
 * p99 of the ack latency counting every unanswered check-in as answered at `endAt` (so a lower bound when some never
 * were): the figure for a store that cannot keep up.
 */
export function censoredP99(result: BurstResult): number {
  const latencies = [...result.acked.map((s) => s.ms), ...result.unanswered.map((emitAt) => result.endAt - emitAt)];
  return percentile(latencies, 99);
}
