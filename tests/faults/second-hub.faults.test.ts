import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnHub, type HubProcess } from '../support/hub-process.ts';

/** The real hub process (hub/src/main.ts), as a salon starts it: what the person at the box reads. */
describe('the hub refuses a data directory it must not use', () => {
  let dataDir = '';
  let first: HubProcess | null = null;
  afterAll(async () => {
    first?.proc.kill('SIGKILL');
    if (first) await exited(first.proc);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a second hub on the same data directory is refused with a clear message, and the first keeps running', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-faults-second-'));
    first = await spawnHub(dataDir);
    const second = await spawnHub(dataDir).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(second).toMatch(/exited with 2/);
    expect(second).toContain(`The data directory ${dataDir} is in use by another Glow hub (pid ${first.proc.pid})`);
    expect(second).toMatch(/Stop it first, or start this one with a different DATA_DIR/);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });

  it('a damaged journal is refused at start-up with a message naming the file, never started on defaults', async () => {
    first!.proc.kill('SIGKILL');
    await exited(first!.proc);
    first = null;
    const newest = (await readdir(dataDir)).filter((f) => f.startsWith('journal-')).sort().at(-1)!;
    await writeFile(join(dataDir, newest), Buffer.alloc(4096));
    const refused = await spawnHub(dataDir).then(
      (hub) => {
        hub.proc.kill('SIGKILL');
        return null;
      },
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/exited with 2/);
    expect(refused).toContain('Glow cannot start');
    expect(refused).toContain(newest);
    expect(refused).toMatch(/Restore the data directory from a backup/);
  });
});
