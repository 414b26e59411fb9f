/**
 * `npx tsx tests/bench/client-record.ts [--data DIR]`: the client search and record phase (#16) on its own, on a copy
 * of a large-salon data set (made here when --data is not given). Prints the figures as JSON.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openingClockOffset } from './lib/clock.ts';
import { killAllChildren } from './lib/hub-control.ts';
import { LARGE_SALON_TIME_ZONE, largeSalonPins } from './lib/large-salon.ts';
import { clientRecordRun } from './phases/client-record.ts';
import { seedLargeSalon } from './seed-large.ts';

const argv = process.argv.slice(2);
const data = argv.includes('--data') ? argv[argv.indexOf('--data') + 1] : undefined;
const tmp = await mkdtemp(join(tmpdir(), 'glow-record-bench-'));
try {
  const seeded = data ? resolve(data) : join(tmp, 'seed');
  if (!data) await seedLargeSalon(seeded, { log: (l) => console.error(l) });
  const dir = join(tmp, 'run');
  await cp(seeded, dir, { recursive: true });
  const run = await clientRecordRun({ dataDir: dir, clockOffsetMs: openingClockOffset(LARGE_SALON_TIME_ZONE), pins: largeSalonPins() });
  console.log(JSON.stringify(run, null, 2));
} finally {
  killAllChildren();
  await rm(tmp, { recursive: true, force: true });
}
