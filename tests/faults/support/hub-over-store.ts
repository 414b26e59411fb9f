import { createHub } from '@glow/hub';
import { silentLogger, type Logger } from '../../../hub/src/logger.ts';
import { randomId } from '../../../hub/src/security/secrets.ts';
import { demoSalon } from '../../../hub/src/seed/salon-seed.ts';
import type { HubState } from '../../../hub/src/store/hub-state.ts';
import type { StorePort } from '../../../hub/src/store/store.port.ts';
import { workingHoursZone, type TestHub } from '../../support/hub-harness.ts';

let demo: Promise<HubState> | null = null;
/** The demo salon, built once per test file (hashing its PINs takes a moment) and copied for every hub. */
const demoCopy = async (): Promise<HubState> => structuredClone(await (demo ??= demoSalon('en', workingHoursZone())));

/**
 * An in-process hub over a store the fault test built (a LowdbStore over SimFs/FaultFs), with snapshots every
 * `checkpointEvery` entries so that checkpoints, journal rotation and their file renames happen during the test.
 * Shaped like the harness's TestHub, so connectKiosk/connectStaff/pairDevice work with it.
 */
export async function hubOver(store: StorePort, options: { checkpointEvery?: number; logger?: Logger } = {}): Promise<TestHub> {
  const hub = createHub({
    store,
    clock: Date.now,
    newId: randomId,
    logger: options.logger ?? silentLogger,
    seed: demoCopy,
    timeZone: workingHoursZone(),
    version: 'faults',
    checkpointEvery: options.checkpointEvery ?? 20,
    // These tests send bursts of check-ins on purpose (to catch groups, checkpoints and cuts in flight): the per-kiosk
    // check-in limit is the security suite's business, not theirs.
    kioskCheckIns: { burst: 100_000, perSecond: 100_000 },
  });
  const { url } = await hub.listen(0, '127.0.0.1');
  return { hub, url, store, dataDir: null, stop: () => hub.stop() };
}
