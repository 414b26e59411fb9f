/**
 * `npx tsx tests/bench/client-record.ts [--data DIR] [--profile FILE]`: the client search and record phase (#16) on its own, on a copy
 * of a large-salon data set (made here when --data is not given). Prints the figures as JSON; with --profile, a CPU
 * profile of the hub while the 10 tablets work is written to FILE and its top functions printed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openingClockOffset } from './lib/clock.ts';
import { killAllChildren } from './lib/hub-control.ts';
import { LARGE_SALON_TIME_ZONE, largeSalonPins } from './lib/large-salon.ts';
import { formatProfile, summarizeProfile } from './lib/profile.ts';
import { clientRecordRun } from './phases/client-record.ts';
import { seedLargeSalon } from './seed-large.ts';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const data = option('--data');
const profileFile = option('--profile') ? resolve(option('--profile')!) : undefined;
const tmp = await mkdtemp(join(tmpdir(), 'glow-record-bench-'));
try {
  const seeded = data ? resolve(data) : join(tmp, 'seed');
  if (!data) await seedLargeSalon(seeded, { log: (l) => console.error(l) });
  const dir = join(tmp, 'run');
  await cp(seeded, dir, { recursive: true });
  const run = await clientRecordRun({ dataDir: dir, clockOffsetMs: openingClockOffset(LARGE_SALON_TIME_ZONE), pins: largeSalonPins(), profileFile });
  console.log(JSON.stringify(run, null, 2));
  if (profileFile) {
    const quiet = profileFile.replace(/(\.cpuprofile)?$/, '-quiet.cpuprofile');
    const tasks = profileFile.replace(/(\.cpuprofile)?$/, '-tasks.cpuprofile');
    console.log(formatProfile('the hub during the task list', await summarizeProfile(tasks, 25), 25));
    console.log(formatProfile('the hub during the quiet check-ins', await summarizeProfile(quiet, 25), 25));
    console.log(formatProfile('the hub while 10 tablets search and open records', await summarizeProfile(profileFile, 40), 40));
  }
} finally {
  killAllChildren();
  await rm(tmp, { recursive: true, force: true });
}
