/**
 * `npx tsx tests/bench/cost-only.ts --data DIR [--json FILE]`: only the cost figures of issue #15 (CPU per check-in
 * at three queue lengths, the one-core burst, the Saturday replay), three runs each, without the rest of the bench.
 * `npm run bench` takes the same figures as part of the whole run.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openingClockOffset } from './lib/clock.ts';
import { killAllChildren } from './lib/hub-control.ts';
import { LARGE_SALON_TIME_ZONE, largeSalonPins } from './lib/large-salon.ts';
import { measureCost } from './phases/cost-runs.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const data = option('--data');
if (!data) {
  console.error('usage: tsx tests/bench/cost-only.ts --data DIR [--json FILE] (DIR from npm run seed:large)');
  process.exit(64);
}
const tmp = await mkdtemp(join(tmpdir(), 'glow-cost-'));
let copies = 0;
try {
  const { figures, details } = await measureCost({
    freshCopy: async () => {
      const dir = join(tmp, `run-${++copies}`);
      await cp(resolve(data), dir, { recursive: true });
      return dir;
    },
    clockOffsetMs: openingClockOffset(LARGE_SALON_TIME_ZONE),
    pins: largeSalonPins(),
    log: (line) => process.stderr.write(line + '\n'),
  });
  console.log(JSON.stringify(figures, null, 2));
  console.log(details.join('\n'));
  const json = option('--json');
  if (json) await writeFile(resolve(json), JSON.stringify(figures, null, 2) + '\n');
} finally {
  killAllChildren();
  await rm(tmp, { recursive: true, force: true });
  setTimeout(() => process.exit(0), 200).unref();
}
