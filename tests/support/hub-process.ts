import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './hub-harness.ts';

/** A hub in a child process, with the one-time codes its start-up log printed: a staff tablet's and a kiosk's. */
export type HubProcess = { url: string; pairingCode: string; kioskPairingCode: string; proc: ChildProcess; output: () => string };

/**
 * Starts the real hub (hub/src/main.ts through tsx: the source `npm start` runs bundled) as a child process on 127.0.0.1 and a free port, and
 * waits for its start-up banner. Used where the test must kill the process, not just stop a hub object.
 */
export function spawnHub(
  dataDir: string,
  options: number | { timeoutMs?: number; port?: number; timeZone?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<HubProcess> {
  const { timeoutMs = 30_000, port = 0, timeZone, env = {}, nodeArgs = [] } = typeof options === 'number' ? { timeoutMs: options } : options;
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(REPO, 'hub/src/main.ts'), '--demo'], {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The hub machine's time zone: the demo salon's on first start (see workingHoursZone in hub-harness.ts).
      ...(timeZone ? { TZ: timeZone } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`hub did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Staff tablet:\s+(http:\/\/127\.0\.0\.1:\d+)\/staff\//.exec(out)?.[1];
      const code = /Pair a staff tablet with the one-time code (\d{6})/.exec(out)?.[1];
      const kioskCode = /Pair a kiosk with the one-time code (\d{6})/.exec(out)?.[1];
      if (url && code && kioskCode) {
        clearTimeout(timer);
        resolve({ url, pairingCode: code, kioskPairingCode: kioskCode, proc, output: () => out });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/** Waits for a child process to be gone. */
export function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}
