import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../support/hub-harness.ts';
import { exited } from '../support/hub-process.ts';

/**
 * `npm run serve` on an empty data directory (#13): the real hub (main.ts, no --demo) prints its addresses and a
 * one-time set-up code, no PIN and no tablet pairing code; the code works once it is typed, and no file of the data
 * directory holds it. The next start prints the same code until the salon is set up.
 */
function start(dataDir: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'hub/src/main.ts')], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<{ url: string; code: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Staff tablet:\s+(http:\/\/127\.0\.0\.1:\d+)\/staff\//.exec(out)?.[1];
      const code = /set-up code (\d{5} \d{5})/.exec(out)?.[1];
      if (url && code && /Pair a kiosk/.test(out)) {
        clearTimeout(timer);
        resolve({ url, code });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (c) => reject(new Error(`hub exited with ${c}:\n${out}`)));
  });
  return { proc, ready, out: () => out };
}

describe('npm run serve on an empty data directory', () => {
  let dataDir = '';
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a set-up code (no PIN, no tablet code) that works, the same on the next start, and on no disk', { timeout: 180_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-first-start-'));
    const first = start(dataDir);
    const { url, code } = await first.ready;
    expect(first.out()).not.toMatch(/PIN is|Pair a staff tablet/);
    const check = await fetch(`${url}/api/setup/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(check.status).toBe(200);
    first.proc.kill('SIGTERM');
    await exited(first.proc);

    const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const disk = (await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8').catch(() => '')))).join('\n');
    expect(disk).not.toContain(code.replace(' ', ''));

    const second = start(dataDir);
    expect((await second.ready).code).toBe(code);
    second.proc.kill('SIGTERM');
    await exited(second.proc);
  });
});
