import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { kioskCodes } from './sockets.ts';
import type { ChildReady, ChildReply, ChildRequest, FloorProbe, LoopDelay } from './child-protocol.ts';
import { REPO } from './paths.ts';
import { nowMs } from './stats.ts';

/** A request without its id (the id is added when sent). */
type Request = ChildRequest extends infer R ? (R extends ChildRequest ? Omit<R, 'id'> : never) : never;

/** Every child the bench started, so that an interrupted run still ends them (by pid, nothing else). */
export const liveChildren = new Set<ChildProcess>();

export function killAllChildren(): void {
  for (const child of liveChildren) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The hub under test in its own process (hub-child.ts), driven over IPC. */
export class HubChild {
  private nextId = 1;
  private lastBeat = nowMs();
  private maxBeatGap = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    readonly proc: ChildProcess,
    readonly url: string,
    /** ms from the child's first line of code to listening (store opened, indexes built). */
    readonly startMs: number,
    private readonly out: () => string,
  ) {
    proc.on('message', (msg: ChildReply | { type: 'beat' }) => {
      if ('type' in msg) {
        const now = nowMs();
        this.maxBeatGap = Math.max(this.maxBeatGap, now - this.lastBeat);
        this.lastBeat = now;
        return;
      }
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(`hub child: ${msg.error}`));
    });
    proc.once('exit', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`hub child exited:\n${this.out().slice(-2000)}`));
      this.pending.clear();
    });
  }

  static start(options: {
    dataDir: string;
    store?: 'lowdb' | 'stock';
    clockOffsetMs: number;
    serveApps?: boolean;
    maxOldSpaceMb?: number;
    timeoutMs?: number;
    /** Runs the hub pinned to this CPU (taskset), for the one-core figure. */
    pinCpu?: number;
  }): Promise<HubChild> {
    const args = [
      ...(options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []),
      '--import',
      'tsx',
      join(REPO, 'tests/bench/hub-child.ts'),
    ];
    const pinned = options.pinCpu !== undefined ? ['-c', String(options.pinCpu), process.execPath] : null;
    const proc = spawn(pinned ? 'taskset' : process.execPath, pinned ? [...pinned, ...args] : args, {
      cwd: REPO,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_DATA_DIR: options.dataDir,
        BENCH_STORE: options.store ?? 'lowdb',
        BENCH_CLOCK_OFFSET_MS: String(options.clockOffsetMs),
        BENCH_STATIC: options.serveApps ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    liveChildren.add(proc);
    proc.once('exit', () => liveChildren.delete(proc));
    let out = '';
    const collect = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
    };
    proc.stdout!.on('data', collect);
    proc.stderr!.on('data', collect);
    const timeoutMs = options.timeoutMs ?? 120_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`the bench hub did not start within ${timeoutMs} ms:\n${out.slice(-2000)}`));
      }, timeoutMs);
      const onMessage = (msg: ChildReady | ChildReply) => {
        if ('type' in msg && msg.type === 'ready') {
          clearTimeout(timer);
          proc.off('message', onMessage);
          const child = new HubChild(proc, msg.url, msg.startMs, () => out);
          // Kiosk sockets need a paired kiosk: the bench's kiosks get theirs from this hub's kiosk codes.
          kioskCodes.set(msg.url, async () => (await child.pairingCode('kiosk')).code);
          resolve(child);
        }
      };
      proc.on('message', onMessage);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the bench hub exited (${code ?? signal}) before it was ready:\n${out.slice(-3000)}`));
      });
    });
  }

  /** Starts watching the heartbeat afresh. */
  resetBeats(): void {
    this.lastBeat = nowMs();
    this.maxBeatGap = 0;
  }

  /** The longest the hub's event loop went without a heartbeat since resetBeats (incl. the one still running), ms. */
  longestBeatGap(): number {
    return Math.max(this.maxBeatGap, nowMs() - this.lastBeat);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  output(): string {
    return this.out();
  }

  request<T>(req: Request, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`hub child: no answer to ${req.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ ...req, id });
    });
  }

  pairingCode(kind: 'tablet' | 'kiosk' = 'tablet'): Promise<{ code: string; expiresAt: number }> {
    return this.request({ type: 'pairingCode', kind });
  }

  loopStart(): Promise<void> {
    return this.request({ type: 'loop:start' });
  }

  loopStop(): Promise<LoopDelay> {
    return this.request({ type: 'loop:stop' });
  }

  /** The hub's CPU time so far and its queue length. */
  floor(): Promise<FloorProbe> {
    return this.request({ type: 'floor' });
  }

  memory(): Promise<NodeJS.MemoryUsage & { revision: number }> {
    return this.request({ type: 'memory' });
  }

  profileStart(): Promise<void> {
    return this.request({ type: 'profile:start' });
  }

  profileStop(file: string): Promise<{ file: string }> {
    return this.request({ type: 'profile:stop', file }, 120_000);
  }

  /** Graceful stop (finishes writes, final checkpoint); SIGKILL if it takes longer than `timeoutMs`. */
  async stop(timeoutMs = 60_000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    this.request({ type: 'stop' }, timeoutMs).catch(() => {});
    await exited(this.proc);
    clearTimeout(timer);
  }

  /** kill -9, as a power cut would. */
  async kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    await exited(this.proc);
  }
}
