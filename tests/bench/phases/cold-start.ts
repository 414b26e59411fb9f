import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { exited, liveChildren } from '../lib/hub-control.ts';
import { REPO } from '../lib/paths.ts';
import { nowMs, sleep } from '../lib/stats.ts';

export type ColdStart = {
  /** spawn → the start-up banner on stdout */
  bannerMs: number;
  /** spawn → first 200 from /api/health */
  healthMs: number;
  /** what the hub itself prints ("started in N ms": listen + pairing code) */
  selfReportedMs: number | null;
  /** VmRSS right after start (banner and health both seen), MB */
  rssMb: number;
  /** VmHWM: the peak RSS during start-up, MB */
  peakRssMb: number;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** What `npm start` runs once it has built (root package.json): the prebuilt hub bundle (`npm run build:hub`). */
export const HUB_START_ARGS = ['hub/dist/main.js', '--demo'] as const;
export const HUB_START_COMMAND = `node ${HUB_START_ARGS.join(' ')}`;

/**
 * Starts the real hub exactly as `npm start` does after building (`node hub/dist/main.js --demo`; --demo only seeds
 * an empty directory, and this one is not) on a data directory and times it: to the banner and to the first healthy
 * answer. Then stops it with SIGKILL (the data directory is a throw-away copy). `extraNodeArgs` lets a run take a
 * CPU profile.
 */
export async function coldStart(dataDir: string, extraNodeArgs: string[] = [], timeoutMs = 120_000): Promise<ColdStart> {
  const port = await freePort();
  const started = nowMs();
  if (!existsSync(join(REPO, HUB_START_ARGS[0]))) throw new Error(`${HUB_START_ARGS[0]} is missing: run "npm run build:hub" first`);
  const proc = spawn(process.execPath, [...extraNodeArgs, join(REPO, HUB_START_ARGS[0]), ...HUB_START_ARGS.slice(1)], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(proc);
  proc.once('exit', () => liveChildren.delete(proc));
  let out = '';
  let bannerMs: number | null = null;
  let healthMs: number | null = null;
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    if (bannerMs === null && /Glow hub .* is running/.test(out) && /one-time code \d{6}/.test(out)) bannerMs = nowMs() - started;
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  try {
    const deadline = started + timeoutMs;
    while ((bannerMs === null || healthMs === null) && nowMs() < deadline) {
      if (proc.exitCode !== null) throw new Error(`the hub exited (${proc.exitCode}) during start-up:\n${out.slice(-2000)}`);
      if (healthMs === null) {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (res?.status === 200) healthMs = nowMs() - started;
        else await sleep(10);
      } else await sleep(5);
    }
    if (bannerMs === null || healthMs === null) throw new Error(`the hub did not start within ${timeoutMs} ms:\n${out.slice(-2000)}`);
    const rssMb = await procStatusMb(proc.pid!, 'VmRSS');
    const peakRssMb = await procStatusMb(proc.pid!, 'VmHWM');
    const self = /started in (\d+) ms/.exec(out)?.[1];
    return { bannerMs, healthMs, selfReportedMs: self ? Number(self) : null, rssMb, peakRssMb };
  } finally {
    // SIGINT lets a profiled run write its profile; otherwise kill -9 (the data directory is thrown away).
    proc.kill(extraNodeArgs.length ? 'SIGINT' : 'SIGKILL');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    await exited(proc);
    clearTimeout(killer);
  }
}
