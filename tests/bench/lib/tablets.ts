import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { exited, liveChildren } from './hub-control.ts';
import { REPO } from './paths.ts';
import type { Device } from './sockets.ts';
import { within } from './stats.ts';

export type Arrivals = { arrivals: Record<string, number[]>; patches: number; gaps: number; bytes: number };

/** The tablet fleet process (tablets-child.ts): 30 signed-in front-desk sockets that timestamp patches. */
export class TabletFleet {
  private constructor(private readonly proc: ChildProcess) {}

  static async start(): Promise<TabletFleet> {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'tests/bench/tablets-child.ts')], {
      cwd: REPO,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    liveChildren.add(proc);
    proc.once('exit', () => liveChildren.delete(proc));
    await within(
      new Promise<void>((resolve, reject) => {
        proc.once('message', () => resolve());
        proc.once('exit', (code) => reject(new Error(`tablets process exited (${code})`)));
      }),
      60_000,
      'starting the tablets process',
    );
    return new TabletFleet(proc);
  }

  private ask<T>(msg: object, timeoutMs = 120_000): Promise<T> {
    return within(
      new Promise<T>((resolve, reject) => {
        this.proc.once('message', (reply: { type: string; error?: string }) =>
          reply.type === 'error' ? reject(new Error(`tablets: ${reply.error}`)) : resolve(reply as T),
        );
        this.proc.send(msg);
      }),
      timeoutMs,
      `tablets: ${(msg as { type: string }).type}`,
    );
  }

  connect(url: string, tablets: { device: Device; staffId: string; pin: string }[]): Promise<{ snapshotVisits: number }> {
    return this.ask({ type: 'connect', url, tablets });
  }

  collect(): Promise<Arrivals> {
    return this.ask({ type: 'collect' });
  }

  async close(): Promise<void> {
    if (this.proc.exitCode === null) {
      this.proc.send({ type: 'close' });
      await within(exited(this.proc), 10_000, 'closing the tablets').catch(() => this.proc.kill('SIGKILL'));
    }
  }
}
