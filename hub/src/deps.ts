import type { Logger } from './logger.ts';
import type { StorePort } from './store/store.port.ts';
import type { HubState } from './store/hub-state.ts';

/** Everything createHub needs from the outside world; main.ts builds the real ones, tests their own. */
export type HubDeps = {
  store: StorePort;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** A new random id for records. */
  newId: () => string;
  logger: Logger;
  /** The salon to start with when the store is empty (first start). */
  seed: () => Promise<HubState>;
  /** Built apps to serve; absent in tests that only use sockets and the API. */
  staticDirs?: { kiosk: string; staff: string };
  /** The salon's time zone, for the day tickets restart on; default: the hub machine's. */
  timeZone?: string;
  /** Hub version for /api/health. */
  version?: string;
  /** Journal entries between two snapshots. */
  checkpointEvery?: number;
};
