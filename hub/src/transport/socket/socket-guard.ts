import type { Ack, Language } from '@glow/shared';
import type { Namespace, Socket } from 'socket.io';
import type { HubCore } from '../../hub-core.ts';
import { BucketMap, TokenBucket, type Rate } from '../../security/token-bucket.ts';
import { refuse, toAppError } from '../../services/app-error.ts';

/**
 * What one socket, and one paired device over all its sockets, may ask of the hub. Every socket is on a paired
 * device (the handshakes refuse the rest), so a device id is the key that a reconnect cannot reset.
 */
export type SocketLimits = {
  /** Commands (any event but `sync:resync`) per socket. */
  socketCommands: Rate;
  /** Commands per device, over all its sockets. */
  deviceCommands: Rate;
  /** Snapshots on request per socket: they are the most expensive thing a client can ask for. */
  resyncs: Rate;
  /** New connections per device: each one is sent a snapshot. */
  connections: Rate;
  /** Refusals a socket may collect before it is disconnected: a steady trickle is tolerated, a flood is not. */
  strikes: Rate;
  /** Bytes waiting to go out to one socket (engine.io's write buffer plus the transport's): above it, it is dropped. */
  maxBufferedBytes: number;
};

/**
 * Generous for any real screen (a tablet sends a few commands a minute; a burst of taps, a reconnect's outbox flush
 * of queued commands, a script at the desk fit easily), and small enough that a flood is cut off within a fraction of
 * a second and one device cannot crowd out the others. Check-ins have their own, much lower bound per kiosk.
 */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  socketCommands: { burst: 200, perSecond: 50 },
  deviceCommands: { burst: 400, perSecond: 100 },
  resyncs: { burst: 3, perSecond: 0.5 },
  connections: { burst: 12, perSecond: 1 },
  strikes: { burst: 50, perSecond: 5 },
  maxBufferedBytes: 8 * 1024 * 1024,
};

/** How often every socket's outgoing buffer is measured. */
const SWEEP_MS = 250;

type Guarded = { deviceId?: unknown; language?: unknown };

/**
 * Bounds what each socket may ask and what the hub will hold for it (issue #10: a flood of commands or resyncs, or a
 * socket that never reads, must not slow anybody else nor grow the hub without end):
 * - every command takes a token from its socket's and its device's buckets; over the rate it is answered
 *   `rate_limited` (in the sender's language) without reaching its handler;
 * - `sync:resync` over its rate is held back and answered once a token is free; while one waits, further ones do
 *   not reach the handler: the held one's snapshot answers them all;
 * - every refusal is a strike; a socket out of strikes is disconnected;
 * - a socket whose outgoing buffer passes `maxBufferedBytes` is disconnected (it is not reading), instead of the hub
 *   buffering snapshots and patches for it without end.
 * Refusals are security events: recorded once per socket when it is first limited, and when it is dropped.
 */
export class SocketGuard {
  private readonly deviceCommands: BucketMap;
  private readonly connections: BucketMap;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly namespaces: readonly Namespace[],
    private readonly core: HubCore,
    private readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {
    this.deviceCommands = new BucketMap(limits.deviceCommands);
    this.connections = new BucketMap(limits.connections);
    for (const nsp of namespaces) {
      // Registered after the namespace's own handshake middleware, which has put the device id on `socket.data`.
      nsp.use((socket, next) => {
        const deviceId = deviceOf(socket);
        if (this.connections.take(deviceId, this.now())) return next();
        this.record(socket, 'connections');
        next(Object.assign(new Error('rate_limited'), { data: toAppError(refuse('rate_limited', 'command_rate_limited'), languageOf(socket)) }));
      });
      nsp.on('connection', (socket) => this.watch(socket));
    }
  }

  start(): void {
    // A timer's exception would end the process: a sweep that fails is logged and the next one tries again.
    this.sweepTimer ??= setInterval(() => {
      try {
        this.sweep();
      } catch (err) {
        this.core.deps.logger.error({ err }, 'socket guard sweep failed');
      }
    }, SWEEP_MS);
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }

  /** Drops every socket that is not reading what the hub sends it; forgets buckets that have refilled. */
  sweep(): void {
    for (const nsp of this.namespaces) {
      for (const socket of nsp.sockets.values()) this.dropIfNotReading(socket);
    }
    const now = this.now();
    this.deviceCommands.sweep(now);
    this.connections.sweep(now);
  }

  private watch(socket: Socket): void {
    const now = this.now();
    const commands = new TokenBucket(this.limits.socketCommands, now);
    const resyncs = new TokenBucket(this.limits.resyncs, now);
    const strikes = new TokenBucket(this.limits.strikes, now);
    let limited = false;
    // The one resync held back over the rate, and the answers of those that came while it waited (one snapshot
    // answers them all).
    let heldResync: { timer: NodeJS.Timeout; acks: ((snapshot: unknown) => void)[] } | null = null;
    socket.on('disconnect', () => {
      if (heldResync) clearTimeout(heldResync.timer);
      heldResync = null;
    });

    const strike = (what: string): void => {
      if (!limited) {
        limited = true;
        this.record(socket, what);
      }
      if (!strikes.take(this.now())) {
        this.record(socket, `disconnected:${what}`);
        cutOff(socket);
      }
    };

    socket.use((packet, next) => {
      const [event] = packet;
      const at = this.now();
      if (event === 'sync:resync') {
        if (this.dropIfNotReading(socket)) return;
        // While one is held, a newer one may not pass it (it would take the token the held one waits for).
        if (!heldResync && resyncs.take(at)) return next();
        strike('resync');
        const ack = packet[packet.length - 1];
        if (heldResync) {
          if (typeof ack === 'function') heldResync.acks.push(ack as (snapshot: unknown) => void);
          return;
        }
        if (!socket.connected) return;
        const acks: ((snapshot: unknown) => void)[] = [];
        if (typeof ack === 'function') {
          acks.push(ack as (snapshot: unknown) => void);
          packet[packet.length - 1] = (snapshot: unknown) => {
            for (const answer of acks) answer(snapshot);
          };
        }
        // A timer may fire a little before the bucket's clock says the token is back (timers run on the loop's
        // cached time): then it waits again rather than dropping the resync, whose sender would wait for ever.
        const release = (): void => {
          if (!socket.connected || this.dropIfNotReading(socket)) {
            heldResync = null;
            return;
          }
          const now = this.now();
          if (resyncs.take(now)) {
            heldResync = null;
            next();
            return;
          }
          heldResync = { timer: setTimeout(release, Math.max(1, resyncs.waitMs(now))), acks };
          heldResync.timer.unref();
        };
        heldResync = { timer: setTimeout(release, resyncs.waitMs(at)), acks };
        heldResync.timer.unref();
        return;
      }
      const deviceOk = commands.take(at) && this.deviceCommands.take(deviceOf(socket), at);
      if (deviceOk) return next();
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') {
        const reply: Ack<never> = { ok: false, error: toAppError(refuse('rate_limited', 'command_rate_limited'), languageOf(socket, packet[1])) };
        (ack as (res: Ack<never>) => void)(reply);
      }
      strike(typeof event === 'string' ? event.slice(0, 60) : 'commands');
    });
  }

  /** Disconnects a socket whose outgoing buffer is over the bound; true if it did. */
  private dropIfNotReading(socket: Socket): boolean {
    if (!socket.connected) return false;
    const bytes = bufferedBytes(socket);
    if (bytes <= this.limits.maxBufferedBytes) return false;
    this.record(socket, 'disconnected:write_buffer');
    cutOff(socket);
    return true;
  }

  private record(socket: Socket, detail: string): void {
    this.core.securityLog.record({
      kind: 'rate_limited',
      deviceId: deviceOf(socket),
      address: socket.handshake.address.slice(0, 100) || null,
      detail: `${socket.nsp.name}:${detail}`.slice(0, 200),
    });
  }

  private now(): number {
    return this.core.deps.clock();
  }
}

/**
 * Disconnects a socket and cuts its connection at once. A WebSocket's close handshake would wait (30 s) behind bytes
 * it does not read, and meanwhile the hub would go on parsing the flood already received: terminating frees both now.
 */
function cutOff(socket: Socket): void {
  socket.disconnect(true);
  (socket.conn as unknown as EngineInternals).transport?.socket?.terminate?.();
}

function deviceOf(socket: Socket): string {
  const id = (socket.data as Guarded | undefined)?.deviceId;
  return typeof id === 'string' ? id : socket.id;
}

/**
 * The language to refuse in: the one the command carries (the kiosk's commands carry the language on screen at that
 * moment, which the client may have switched since the socket connected), else the socket's.
 */
function languageOf(socket: Socket, payload?: unknown): Language {
  const carried = typeof payload === 'object' && payload !== null ? (payload as Guarded).language : undefined;
  const language = carried === 'en' || carried === 'zh-CN' ? carried : (socket.data as Guarded | undefined)?.language;
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** The pieces of engine.io and ws this reads, which their typings do not expose. */
type EngineInternals = {
  writeBuffer?: { data?: unknown }[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
};

/**
 * What is waiting to go out to a socket: the packets engine.io holds while its transport is busy, plus what the
 * WebSocket (and the TCP socket under it) has not handed to the kernel. Both grow when the client stops reading.
 */
export function bufferedBytes(socket: Socket): number {
  const conn = socket.conn as unknown as EngineInternals;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    const data = packet.data;
    bytes += typeof data === 'string' ? data.length : data instanceof Uint8Array ? data.byteLength : 0;
  }
  return bytes;
}
