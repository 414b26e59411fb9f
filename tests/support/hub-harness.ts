import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  newCommandId,
  type Ack,
  type CommandInput,
  type CommandOutput,
  KIOSK_COMMANDS,
  STAFF_COMMANDS,
  type KioskClientEvents,
  type KioskServerEvents,
  type KioskSnapshot,
  type PairResponse,
  type StaffClientEvents,
  type StaffServerEvents,
  type StaffSession,
  type StaffSnapshot,
} from '@glow/shared';
import { createHub, type Hub, type HubDeps } from '@glow/hub';
import { silentLogger } from '../../hub/src/logger.ts';
import { randomId } from '../../hub/src/security/secrets.ts';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import { MemoryStore } from '../../hub/src/store/memory.store.ts';
import type { StorePort } from '../../hub/src/store/store.port.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import type { TlsSource } from '../../hub/src/transport/https/tls-source.ts';
import { io, type Socket } from 'socket.io-client';
import { pairKioskDevice, pairTablet } from './pair-tablet.ts';
import { kioskCheckIn } from './kiosk-check-in.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export type KioskSocket = Socket<KioskServerEvents, KioskClientEvents>;
export type StaffSocket = Socket<StaffServerEvents, StaffClientEvents>;

export type TestHub = {
  hub: Hub;
  url: string;
  store: StorePort;
  dataDir: string | null;
  stop(): Promise<void>;
};

/**
 * A fixed-offset IANA zone in which the moment `at` falls at 09:00–10:00 local time: the demo staff work 09:00–19:00
 * with lunch from 11:45, so a hub using it has everyone on shift, and every demo service fits before lunch, for the
 * next hour and more, whatever time the tests run at, without faking the clock (the browser in the e2e test keeps
 * real time too). `Etc/GMT+10` is UTC−10.
 */
export function workingHoursZone(at: number = Date.now()): string {
  const offset = (((9 - new Date(at).getUTCHours()) % 24) + 24 + 11) % 24 - 11; // −11 … +12
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** An in-process hub on 127.0.0.1 and an ephemeral port, seeded with the demo salon. */
export async function startHub(
  options: {
    store?: 'memory' | 'lowdb' | StorePort;
    dataDir?: string;
    clock?: () => number;
    /** The salon's time zone; default: one where it is mid-morning now (see workingHoursZone). */
    timeZone?: string;
    floorTickMs?: number;
    staticDirs?: boolean;
    /** The salon to start with; default the demo salon (hashing its PINs takes a moment: reuse one when looping). */
    seed?: () => Promise<HubState>;
    /** Phone look-ups per kiosk address and window; default the hub's (6 a minute). */
    kioskLookupLimit?: { max: number; windowMs: number };
    /** Names the hub answers to besides loopback and IP addresses (the Host allow-list). */
    hostNames?: string[];
    /** Check-ins per kiosk; default the hub's (twenty a minute). */
    kioskCheckIns?: HubDeps['kioskCheckIns'];
    /** Socket rate and buffer limits; default the hub's. */
    socketLimits?: HubDeps['socketLimits'];
    /** The hub's network address for links a phone opens (the aftercare QR); default none. */
    phoneHost?: string;
    /** Serve HTTPS with these certificates (default plain HTTP on 127.0.0.1, as most tests want). */
    tls?: TlsSource;
    /** The outbox's file folder, tick and sender timeouts (#16); default a memory folder and the hub's own. */
    outbox?: Pick<HubDeps, 'outboxFolder' | 'outboxTickMs' | 'outboxTimeouts'>;
  } = {},
): Promise<TestHub> {
  const dataDir = options.store === 'lowdb' ? (options.dataDir ?? (await mkdtemp(join(tmpdir(), 'glow-test-')))) : null;
  const store: StorePort =
    typeof options.store === 'object' ? options.store : dataDir ? new LowdbStore({ dir: dataDir }) : new MemoryStore();
  const clock = options.clock ?? Date.now;
  const timeZone = options.timeZone ?? workingHoursZone(clock());
  const hub = createHub({
    store,
    clock,
    newId: randomId,
    logger: silentLogger,
    seed: options.seed ?? (() => demoSalon('en', timeZone)),
    timeZone,
    ...(options.floorTickMs ? { floorTickMs: options.floorTickMs } : {}),
    ...(options.kioskLookupLimit ? { kioskLookupLimit: options.kioskLookupLimit } : {}),
    ...(options.hostNames ? { hostNames: options.hostNames } : {}),
    ...(options.kioskCheckIns ? { kioskCheckIns: options.kioskCheckIns } : {}),
    ...(options.socketLimits ? { socketLimits: options.socketLimits } : {}),
    ...(options.phoneHost ? { phoneHost: options.phoneHost } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    ...options.outbox,
    version: 'test',
    ...(options.staticDirs
      ? { staticDirs: { kiosk: join(REPO, 'kiosk/build'), staff: join(REPO, 'staff-tablet/build') } }
      : {}),
  });
  const { url } = await hub.listen(0, '127.0.0.1');
  const sockets: Socket[] = [];
  openSockets.set(url, sockets);
  hubs.set(url, hub);
  return {
    hub,
    url,
    store,
    dataDir,
    async stop() {
      for (const s of openSockets.get(url) ?? []) s.disconnect();
      hubs.delete(url);
      await hub.stop();
      if (dataDir && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const openSockets = new Map<string, Socket[]>();
/** The in-process hub at each URL, so that a kiosk can be paired knowing only the URL (as most tests do). */
const hubs = new Map<string, Hub>();
const track = <S extends Socket>(url: string, socket: S): S => {
  openSockets.get(url)?.push(socket as unknown as Socket);
  return socket;
};

/** Waits for the first event of a name. */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/**
 * Pairs a new lobby kiosk with the in-process hub at `url` (or `t`), with a kiosk code as the manager makes one.
 * Each kiosk has its own check-in and look-up limits, so tests pair one per kiosk they play.
 */
export async function pairKiosk(t: TestHub | string, name = 'Test kiosk'): Promise<PairResponse> {
  const url = typeof t === 'string' ? t : t.url;
  const hub = typeof t === 'string' ? hubs.get(url) : t.hub;
  if (!hub) throw new Error(`no in-process hub at ${url}: pair with a code from its start-up log (pairKioskDevice)`);
  return pairKioskDevice(url, (await hub.createPairingCode('kiosk')).code, name);
}

/** The kiosk handshake of a paired kiosk. */
export const kioskAuth = (device: PairResponse, language: 'en' | 'zh-CN' = 'en') => ({
  protocolVersion: PROTOCOL_VERSION,
  deviceId: device.deviceId,
  deviceSecret: device.deviceSecret,
  language,
});

/** A paired kiosk's socket (a new kiosk unless `device` is given) and the first snapshot it is sent. */
export async function connectKiosk(url: string, language: 'en' | 'zh-CN' = 'en', device?: PairResponse) {
  const paired = device ?? (await pairKiosk(url));
  const socket: KioskSocket = track(
    url,
    io(url + NAMESPACES.kiosk, { auth: kioskAuth(paired, language), transports: ['websocket'], forceNew: true }),
  );
  const snapshot = await nextEvent<KioskSnapshot>(socket as unknown as Socket, 'sync:snapshot');
  return { socket, snapshot, device: paired };
}

export async function pairDevice(t: TestHub, name = 'Test tablet'): Promise<PairResponse> {
  return pairTablet(t.url, (await t.hub.createPairingCode()).code, name);
}

/** A paired staff tablet socket; signs in when given a staff id and PIN. */
export async function connectStaff(
  t: TestHub,
  login?: { staffId: string; pin: string },
  device?: PairResponse,
): Promise<{ socket: StaffSocket; snapshot: StaffSnapshot; session: StaffSession | null; device: PairResponse }> {
  const paired = device ?? (await pairDevice(t));
  const socket: StaffSocket = track(
    t.url,
    io(t.url + NAMESPACES.staff, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: paired.deviceId, deviceSecret: paired.deviceSecret, language: 'en' },
      transports: ['websocket'],
      forceNew: true,
    }),
  );
  let snapshot = await nextEvent<StaffSnapshot>(socket as unknown as Socket, 'sync:snapshot');
  if (!login) return { socket, snapshot, session: null, device: paired };
  const afterLogin = nextEvent<StaffSnapshot>(socket as unknown as Socket, 'sync:snapshot');
  const ack = await send(socket, 'auth:login', login);
  if (!ack.ok) throw new Error(`login failed: ${ack.error.message}`);
  // As the app does: the session token goes in the handshake, so a reconnect stays signed in.
  (socket.auth as Record<string, unknown>).sessionToken = ack.data.token;
  snapshot = await afterLogin;
  return { socket, snapshot, session: ack.data, device: paired };
}

type Commands = typeof KIOSK_COMMANDS & typeof STAFF_COMMANDS;
type Name = keyof Commands;

/**
 * Sends a command and waits for its Ack, typed from the command maps. (socket.io-client's own typing of
 * `timeout().emitWithAck` loses the answer's type, so tests go through this.)
 */
export async function send<K extends Name>(
  socket: KioskSocket | StaffSocket | Socket,
  name: K,
  input: Omit<CommandInput<Commands, K>, 'commandId'> & { commandId?: string },
  timeoutMs = 5000,
): Promise<Ack<CommandOutput<Commands, K>>> {
  const s = socket as unknown as Socket;
  const command = { commandId: newCommandId(), ...input };
  // As a well-behaved client does, a command refused for the socket's rate (a test script sends far faster than any
  // person) is sent again, the same command, after a pause. The tests of the rate limits send without this helper.
  for (let attempt = 0; ; attempt++) {
    const ack = (await s.timeout(timeoutMs).emitWithAck(name, command)) as Ack<CommandOutput<Commands, K>>;
    if (ack.ok || ack.error.reason !== 'command_rate_limited' || attempt >= RATE_RETRIES) return ack;
    await new Promise((resolve) => setTimeout(resolve, RATE_PAUSE_MS));
  }
}
const RATE_RETRIES = 50;
const RATE_PAUSE_MS = 250;

export function checkIn(
  socket: KioskSocket,
  client: { firstName: string; lastName?: string; phone: string },
  serviceId = 'facial-classic',
  commandId = newCommandId(),
) {
  return send(socket, 'visit:checkIn', kioskCheckIn({ commandId, client, serviceId }));
}

export const expectOk = <T>(ack: Ack<T>): T => {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

export { newCommandId, randomId };
