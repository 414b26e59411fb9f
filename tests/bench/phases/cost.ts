/**
 * What a check-in costs, measured so that the machine's luck matters as little as possible (issue #15):
 * - the hub's own CPU time per check-in (process.cpuUsage inside the hub process, over a paced burst, divided by the
 *   check-ins answered) with 10, 100 and 2,000 clients already waiting;
 * - the ack p99 of a burst with the hub pinned to one CPU (taskset) that a second process keeps busy;
 * - a busy Saturday replayed 100× faster: 60 check-ins an hour from the kiosk, each visit taken through plan, session
 *   and close with a rating by the front desk 45 minutes later, 30 tablets connected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { newCommandId, type Service } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { burst } from '../lib/burst.ts';
import { checkInInput } from '../lib/checkins.ts';
import type { Desk } from '../lib/desk.ts';
import { liveChildren, type HubChild } from '../lib/hub-control.ts';
import { command, connectKiosk, type AckLike } from '../lib/sockets.ts';
import { nowMs, percentile, sleep } from '../lib/stats.ts';

const ACK_TIMEOUT_MS = 20_000;

/** Sends check-ins at `rate` per second over already connected kiosk sockets; resolves with each ack's latency. */
export async function paced(sockets: readonly Socket[], inputs: readonly object[], rate: number): Promise<{ ms: number[]; failed: number; visitIds: string[] }> {
  const ms: number[] = [];
  const visitIds: string[] = [];
  let failed = 0;
  const start = nowMs() + 5;
  const waits: Promise<void>[] = [];
  for (let i = 0; i < inputs.length; i++) {
    while (nowMs() < start + (i * 1000) / rate) await sleep(1);
    const emitAt = nowMs();
    waits.push(
      command<{ visitId: string }>(sockets[i % sockets.length]!, 'visit:checkIn', inputs[i]!, ACK_TIMEOUT_MS).then(
        (ack: AckLike<{ visitId: string }>) => {
          if (ack.ok) {
            ms.push(nowMs() - emitAt);
            visitIds.push(ack.data.visitId);
          }
          else failed++;
        },
        () => void failed++,
      ),
    );
  }
  await Promise.all(waits);
  return { ms, failed, visitIds };
}

/** Fills the queue to at least `queue` waiting clients with check-ins at a brisk pace (not measured). */
export async function fillTo(hub: HubChild, services: readonly Service[], queue: number, series: number): Promise<number> {
  for (let round = 0; round < 6; round++) {
    const { queued } = await hub.floor();
    if (queued >= queue) return queued;
    const n = Math.max(1, queue - queued);
    await burst(hub.url, services, { rate: 500, seconds: n / 500, kiosks: 4, series: series + round, ackTimeoutMs: ACK_TIMEOUT_MS });
  }
  return (await hub.floor()).queued;
}

export type CpuAtQueue = { queue: number; queuedBefore: number; answered: number; cpuMs: number; perCheckinMs: number; settledMs: number };

/**
 * Waits until the hub does nothing of its own (below 5 % of a core over half a second, twice in a row; at most
 * `maxMs`): a hub on a fresh copy of the large salon spends its first ~minute indexing the months left on disk in a
 * worker thread (10-35 % of a core) and sweeping the follow-ups, and process CPU time counts every thread, so a
 * measurement taken meanwhile charged that work to the check-ins. Resolves with how long it waited.
 */
export async function settle(hub: HubChild, maxMs = 120_000): Promise<number> {
  const started = nowMs();
  let quiet = 0;
  let last = await hub.floor();
  let lastAt = nowMs();
  while (nowMs() - started < maxMs && quiet < 2) {
    await sleep(500);
    const now = await hub.floor();
    const at = nowMs();
    quiet = (now.cpuUs - last.cpuUs) / 1000 / (at - lastAt) < 0.05 ? quiet + 1 : 0;
    last = now;
    lastAt = at;
  }
  return nowMs() - started;
}

/**
 * The hub's CPU time per check-in with `queue` clients waiting, `runs` times: each run `measured` check-ins at 200/s
 * over kiosk sockets connected beforehand (their handshakes are not counted), CPU read inside the hub before and
 * after; then, outside the measurement, the front desk cancels them so the next run starts from the same queue.
 */
export async function cpuPerCheckin(
  hub: HubChild,
  desk: Desk,
  services: readonly Service[],
  queue: number,
  options: { measured: number; series: number; runs: number },
): Promise<CpuAtQueue[]> {
  const out: CpuAtQueue[] = [];
  const sockets = await Promise.all(Array.from({ length: 4 }, async () => (await connectKiosk(hub.url)).socket));
  try {
    for (let run = 0; run < options.runs; run++) {
      const queuedBefore = await fillTo(hub, services, queue, options.series + run * 7);
      const inputs = Array.from({ length: options.measured }, (_, i) => checkInInput(i, services, options.series + 3 + run * 7));
      await sleep(300);
      const settledMs = await settle(hub);
      const before = await hub.floor();
      const { ms, visitIds } = await paced(sockets, inputs, 200);
      const after = await hub.floor();
      const cpuMs = (after.cpuUs - before.cpuUs) / 1000;
      out.push({ queue, queuedBefore, answered: ms.length, cpuMs, perCheckinMs: cpuMs / Math.max(1, ms.length), settledMs });
      for (const visitId of visitIds) await command(desk.socket, 'visit:cancel', { visitId }, ACK_TIMEOUT_MS).catch(() => null);
    }
  } finally {
    for (const s of sockets) s.disconnect();
  }
  return out;
}

/** A process that keeps one CPU busy (pinned beside the hub), until `stop`. */
export function burnCpu(cpu: number): { stop: () => void } {
  const proc: ChildProcess = spawn('taskset', ['-c', String(cpu), process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' });
  liveChildren.add(proc);
  proc.once('exit', () => liveChildren.delete(proc));
  return { stop: () => void proc.kill('SIGKILL') };
}

export type Saturday = {
  acks: number[];
  checkIns: number;
  closes: number;
  failed: number;
  salonMinutes: number;
  loop: { p99: number; max: number } | null;
  /** Bookings made on the phone pages (each: the book page, hold, confirm), and each one's time in all. */
  bookings: number[];
  bookingsRefused: number;
};

/**
 * A client books their next visit from the aftercare link they just got, as a phone does (no JavaScript: GET the book
 * page for the service with any beautician, POST the hold of the first free slot, POST the confirmation). Resolves
 * with the time it all took, or null when the hub refused or offered no slot.
 */
async function bookFromPhone(url: string, aftercarePath: string, serviceId: string): Promise<number | null> {
  const started = nowMs();
  const form = async (path: string, fields: Record<string, string>) =>
    fetch(url + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const page = await fetch(`${url}${aftercarePath}/book?${new URLSearchParams({ service: serviceId, staff: 'any', lang: 'en' })}`);
  const slot = /data-slot="(\d+)"/.exec(await page.text())?.[1];
  if (!page.ok || !slot) return null;
  const held = await form(`${aftercarePath}/book/hold`, { commandId: newCommandId(), service: serviceId, staff: 'any', startsAt: slot, lang: 'en' });
  const confirmPath = held.headers.get('location')?.split('?')[0];
  await held.arrayBuffer();
  if (held.status !== 303 || !confirmPath) return null;
  const confirmed = await form(confirmPath, { commandId: newCommandId(), lang: 'en' });
  await confirmed.arrayBuffer();
  return confirmed.status === 303 ? nowMs() - started : null;
}

/**
 * A busy Saturday hour after hour, replayed `speed`× faster: a check-in every salon minute from the kiosk (60 an
 * hour), and 45 salon minutes after each one the front desk takes the visit through plan, session and close with a
 * rating (and readies the room). Every command's ack latency is kept.
 */
export async function saturday(
  hub: HubChild,
  desk: Desk,
  services: readonly Service[],
  options: { salonMinutes: number; speed: number; series: number },
): Promise<Saturday> {
  const minuteMs = 60_000 / options.speed;
  const kiosk = (await connectKiosk(hub.url)).socket;
  const acks: number[] = [];
  const bookings: number[] = [];
  let bookingsRefused = 0;
  const booking: Promise<void>[] = [];
  let failed = 0;
  let closes = 0;
  const timed = async <T>(socket: Socket, name: string, input: object): Promise<T | null> => {
    const at = nowMs();
    const ack = await command<T>(socket, name, input, ACK_TIMEOUT_MS).catch(() => null);
    if (!ack?.ok) {
      failed++;
      return null;
    }
    acks.push(nowMs() - at);
    return ack.data;
  };
  const close = async (visitId: string) => {
    // Taken in by now on a floor that keeps up; one still waiting for a room is left for the next window.
    const visit = await desk.until(visitId, (v) => v?.state === 'assigned' || v?.state === 'plan_confirmed', 20 * minuteMs).catch(() => undefined);
    if (!visit) return;
    const steps = visit.state === 'assigned' ? (['plan:confirm', 'visit:start', 'visit:finish'] as const) : (['visit:start', 'visit:finish'] as const);
    for (const step of steps) if ((await timed(desk.socket, step, { visitId })) === null) return;
    const closed = await timed<{ aftercarePath: string }>(desk.socket, 'visit:close', {
      visitId,
      rating: { csat: 3 + (closes % 3), nps: 6 + (closes % 5), tags: ['friendly'], comment: 'Bench Saturday' },
      aftercare: { notes: 'Avoid strong sun for 24 hours.', homeProducts: [] },
    });
    if (closed === null) return;
    closes++;
    // Every other client books their next visit on the phone before leaving (10 minutes later, salon time).
    if (closes % 2 === 0) {
      booking.push(
        sleep(10 * minuteMs)
          .then(() => bookFromPhone(hub.url, closed.aftercarePath, visit.serviceId))
          .then((ms) => void (ms === null ? bookingsRefused++ : bookings.push(ms)), () => void bookingsRefused++),
      );
    }
    const roomId = visit.roomId;
    if (roomId && desk.rooms.get(roomId)?.state === 'cleaning') await timed(desk.socket, 'room:ready', { roomId });
  };
  await hub.loopStart();
  const start = nowMs();
  const closing: Promise<void>[] = [];
  let checkIns = 0;
  for (let minute = 0; minute < options.salonMinutes; minute++) {
    while (nowMs() < start + minute * minuteMs) await sleep(2);
    const input = { ...checkInInput(minute, services, options.series), serviceId: services[minute % services.length]!.id };
    const done = await timed<{ visitId: string }>(kiosk, 'visit:checkIn', input);
    if (!done) continue;
    checkIns++;
    closing.push(sleep(45 * minuteMs).then(() => close(done.visitId)));
  }
  // The visits still in session at the end of the replayed window are not waited for.
  await Promise.race([Promise.all(closing), sleep(minuteMs)]);
  await Promise.race([Promise.all(booking), sleep(20 * minuteMs)]);
  const loop = await hub.loopStop().catch(() => null);
  kiosk.disconnect();
  return { acks, checkIns, closes, failed, salonMinutes: options.salonMinutes, loop: loop ? { p99: loop.p99, max: loop.max } : null, bookings, bookingsRefused };
}

export const p99 = (xs: readonly number[]): number => percentile(xs, 99);
