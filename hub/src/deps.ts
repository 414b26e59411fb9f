import type { Logger } from './logger.ts';
import type { Rate } from './security/token-bucket.ts';
import type { SocketLimits } from './transport/socket/socket-guard.ts';
import type { TlsSource } from './transport/https/tls-source.ts';
import type { StorePort } from './store/store.port.ts';
import type { HubState } from './store/hub-state.ts';
import type { OutboxFolderPort } from './store/outbox-folder.ts';
import type { SenderTimeouts } from './services/outbox/sender-set.ts';
import type { SeedCommand } from './seed/seed-commands.ts';

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
  /**
   * Commands run on the seed at that first start, before anyone connects, each journaled on the one command path:
   * the demo salon (`--demo`, seed/demo-commands.ts) is set up this way, as its manager would set it up.
   */
  seedCommands?: readonly SeedCommand[];
  /** Built apps to serve; absent in tests that only use sockets and the API. */
  staticDirs?: { kiosk: string; staff: string };
  /**
   * The time zone a salon gets on first start (the floor settings keep it afterwards: shifts and the day tickets
   * restart on); default: the hub machine's.
   */
  timeZone?: string;
  /** How often the floor tick looks at the clock (ms); default 5 s. Tests shorten it or drive `tickFloor` themselves. */
  floorTickMs?: number;
  /**
   * Names the hub answers to besides loopback names and IP addresses (its hostname, `<hostname>.local`, names the
   * salon configures): a request under any other name is refused (DNS rebinding, transport/http/host-allow-list.ts).
   */
  hostNames?: readonly string[];
  /**
   * The hub's address on the salon network (main.ts: HOST when it names one, else the first non-internal IPv4): the
   * links a client's phone opens (the aftercare QR) use it whatever address the tablet used (phone-origin.ts).
   */
  phoneHost?: string;
  /** Serve HTTPS with certificates from here (the hub's own CA, or the salon's); absent: plain HTTP (tests). */
  tls?: TlsSource;
  /** Hub version for /api/health. */
  version?: string;
  /** Journal entries between two snapshots. */
  checkpointEvery?: number;
  /**
   * Phone look-ups one kiosk address may make per window; default 6 a minute (`DEFAULT_LOOKUP_LIMIT`). Raised only
   * where many kiosks share one address on purpose (a benchmark driving every kiosk from 127.0.0.1).
   */
  kioskLookupLimit?: { max: number; windowMs: number };
  /** Check-ins per kiosk (token bucket); default `DEFAULT_KIOSK_CHECK_INS`, twenty a minute. */
  kioskCheckIns?: Rate;
  /** What each socket and device may ask and be buffered; default `DEFAULT_SOCKET_LIMITS` (socket-guard.ts). */
  socketLimits?: Partial<SocketLimits>;
  /**
   * Where the file sender writes messages (#16): main.ts gives the data directory's `outbox` folder; tests leave it
   * out and get one in memory.
   */
  outboxFolder?: OutboxFolderPort;
  /** How often the outbox looks for messages due (ms); default 5 s. Tests drive `core.outbox.delivery.tick()`. */
  outboxTickMs?: number;
  /** SMTP and webhook timeouts; tests shorten them. */
  outboxTimeouts?: SenderTimeouts;
};
