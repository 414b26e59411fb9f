import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createAdaptorServer } from '@hono/node-server';
import { MAX_PAYLOAD_BYTES, NAMESPACES, type DeviceKind } from '@glow/shared';
import { Server as IoServer } from 'socket.io';
import type { HubDeps } from './deps.ts';
import type { HubCore } from './hub-core.ts';
import { defaultFloorSettings } from './seed/salon-seed.ts';
import { ActiveVisits } from './services/active-visits.ts';
import { DerivedFigures } from './services/derived-figures.ts';
import { refuse, toAppError } from './services/app-error.ts';
import { AuthService } from './services/auth.service.ts';
import { floorFollowUp } from './services/auto-assign.ts';
import { catalogueUpgrade } from './services/catalogue/catalogue-upgrade.ts';
import { ClientIndex } from './services/client-index.ts';
import { FloorTicker } from './services/floor-tick.ts';
import { HubEngine } from './services/hub-engine.ts';
import { PhotoStore } from './services/photo-store.ts';
import { createReads } from './services/reads.ts';
import { decideCreatePairingCode } from './services/pairing.service.ts';
import { SecurityLog } from './services/security-log.ts';
import { touchesSalonView } from './services/salon-view.ts';
import type { Changes } from './store/hub-state.ts';
import { createHttpApp } from './transport/http/http-app.ts';
import { phoneOriginOf } from './transport/http/phone-origin.ts';
import { hostAllowList } from './transport/http/host-allow-list.ts';
import { createRedirectApp } from './transport/https/redirect-app.ts';
import { SecureServing } from './transport/https/secure-serving.ts';
import type { TlsMaterial } from './transport/https/tls-source.ts';
import { languageFrom } from './transport/http/language.ts';
import { isSameOrigin } from './transport/http/same-origin.ts';
import { disconnectKiosk, kioskSnapshot, setUpKioskNamespace } from './transport/socket/kiosk.namespace.ts';
import { Publisher } from './transport/socket/publisher.ts';
import { guardRecovery } from './transport/socket/recovery-guard.ts';
import { SessionExpiry } from './transport/socket/session-expiry.ts';
import { DEFAULT_SOCKET_LIMITS, SocketGuard } from './transport/socket/socket-guard.ts';
import {
  disconnectDevice,
  setUpStaffNamespace,
  staffSnapshot,
  type StaffSocketData,
} from './transport/socket/staff.namespace.ts';

export type { HubDeps } from './deps.ts';

/** How long socket.io keeps a dropped connection's session and missed packets for a connection-state recovery. */
const RECOVERY_WINDOW_MS = 2 * 60_000;

export type Hub = {
  /** Opens the store (or seeds it) and starts listening; resolves with the address. */
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** A one-time code to pair a staff tablet or a kiosk (the start-up log prints one of each). */
  createPairingCode(kind?: DeviceKind): Promise<{ code: string; expiresAt: number }>;
  /** Runs the floor tick now (tests with a fake clock); resolves true when it wrote a revision. */
  tickFloor(): Promise<boolean>;
  /** Stops taking commands, finishes every write, closes every connection, and releases the data directory. */
  stop(): Promise<void>;
  readonly core: HubCore;
  readonly revision: number;
  /**
   * HTTPS only (deps.tls), after `listen`: the plain-HTTP side, which redirects to HTTPS and serves the page a new
   * tablet needs to trust the hub (/trust); `lanHost` is the address its QR code opens when viewed on the hub itself.
   */
  listenRedirect(port: number, host: string, lanHost?: string | null): Promise<{ url: string; port: number }>;
  /** The certificate served now (deps.tls), for the start-up log; null over plain HTTP. */
  readonly tls: TlsMaterial | null;
};

/** Wires the store, clock, ids, services and transports together. Nothing happens until `listen`. */
export function createHub(deps: HubDeps): Hub {
  const clients = new ClientIndex();
  const active = new ActiveVisits();
  const figures = new DerivedFigures(() => engine.state, () => active.list(engine.state));
  let publisher!: Publisher;
  let phoneOrigin: string | null = null;

  const engine = new HubEngine(deps, {
    followUp: (state, now) => floorFollowUp(state, now, active.list(state)),
    applied: (changes) => {
      clients.note(changes.clients);
      active.note(changes.visits);
    },
    committed: (changes, revision) => {
      publisher.publish(changes, revision);
      disconnectRevoked(changes);
      // The salon's own settings (set-up finished, a new currency or time zone) ride in snapshots, not patches (#13).
      if (touchesSalonView(changes)) sendSnapshots();
    },
    reset: () => {
      rebuildIndexes();
      publisher.reset(engine.revision);
      // Every client resyncs from a fresh snapshot: what they held may include changes that were never saved.
      // Sent on the open connections rather than by disconnecting them: a client that a server-side disconnect
      // leaves for good (socket.io does not reconnect after one by itself) would never come back.
      sendSnapshots();
    },
  });
  const sendSnapshots = () => {
    io.of(NAMESPACES.kiosk).emit('sync:snapshot', kioskSnapshot(core));
    for (const socket of staffNsp.sockets.values()) socket.emit('sync:snapshot', staffSnapshot(core, socket.data as StaffSocketData));
  };
  const rebuildIndexes = () => {
    clients.rebuild(engine.state.clients);
    active.rebuild(engine.state.visits);
  };

  const securityLog = new SecurityLog(deps.clock, deps.logger);
  const reads = createReads(() => engine.state, active);
  const core: HubCore = {
    deps,
    engine,
    reads,
    get publisher() {
      return publisher;
    },
    figures,
    auth: new AuthService(() => engine.state, deps.clock, securityLog),
    clients,
    active,
    securityLog,
    settings: {},
    phoneOrigin: () => phoneOrigin,
    today: reads.today,
  };

  const allowedHost = hostAllowList(deps.hostNames ?? []);
  // HTTPS when the hub has a certificate source (main.ts); plain HTTP for tests on 127.0.0.1. The certificate is set
  // once the data directory is open (listen), and swapped in place on renewal.
  const fetch = createHttpApp(core).fetch;
  const http = (deps.tls ? createAdaptorServer({ fetch, createServer: createHttpsServer, serverOptions: {} }) : createAdaptorServer({ fetch })) as HttpServer;
  const secure = deps.tls ? new SecureServing(http as unknown as HttpsServer, deps.tls, deps.clock, deps.logger) : null;
  let redirect: HttpServer | null = null;
  const io = new IoServer(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Browsers send an Origin; a page from another site must not open a socket to the hub. Nor may a page under a
    // name that is not the hub's (DNS rebinding: Origin and Host then both carry the attacker's name).
    allowRequest: (req, callback) => {
      if (!allowedHost(req.headers.host)) {
        core.securityLog.record({ kind: 'host_refused', address: req.socket.remoteAddress ?? null, detail: (req.headers.host ?? '').slice(0, 200) });
        return callback(toAppError(refuse('forbidden', 'unknown_host', { host: (req.headers.host ?? '').slice(0, 100) }), languageFrom(req.headers['accept-language'])).message, false);
      }
      const same = isSameOrigin(req.headers.origin, req.headers.host);
      if (!same) core.securityLog.record({ kind: 'origin_refused', address: req.socket.remoteAddress ?? null, detail: `socket from ${(req.headers.origin ?? '').slice(0, 100)}` });
      callback(null, same);
    },
    // Recovery is only an optimisation (a restart always ends in a snapshot), and it never skips the handshake
    // middleware: a revoked tablet cannot slip back in through it.
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
  });
  const staffNsp = io.of(NAMESPACES.staff);
  publisher = new Publisher(
    { kiosk: io.of(NAMESPACES.kiosk), staff: staffNsp },
    () => engine.state,
    () => active.list(engine.state),
    deps.clock,
    (now) => active.recentLowRatings(engine.state, now),
    RECOVERY_WINDOW_MS,
    figures,
  );
  const kioskNsp = io.of(NAMESPACES.kiosk);
  setUpKioskNamespace(kioskNsp, core);
  setUpStaffNamespace(staffNsp, core);
  // After the namespaces' own handshakes, which name the device that every limit is keyed on.
  const guard = new SocketGuard([kioskNsp, staffNsp], core, { ...DEFAULT_SOCKET_LIMITS, ...deps.socketLimits });
  // A kiosk's session is restored only while it is paired, like a tablet's.
  for (const nsp of [staffNsp, kioskNsp]) {
    guardRecovery(nsp, (data) => reads.isPaired((data as Partial<StaffSocketData> | undefined)?.deviceId ?? ''));
  }

  /**
   * A tablet revoked in this change loses its sockets now that the revocation is on disk: right after the answer to
   * whoever revoked it has gone out (which may be that very tablet).
   */
  function disconnectRevoked(changes: Changes): void {
    for (const device of Object.values(changes.devices ?? {})) {
      if (device && device.revokedAt !== null) {
        core.auth.endDevice(device.id); // its staff sessions end with it
        setImmediate(() => (device.kind === 'kiosk' ? disconnectKiosk(kioskNsp, device.id) : disconnectDevice(staffNsp, device.id)));
      }
    }
  }

  const ticker = new FloorTicker({
    engine,
    active,
    clock: deps.clock,
    logger: deps.logger,
    viewsChangedAt: (now) => publisher.changedAt(now),
    ...(deps.floorTickMs ? { intervalMs: deps.floorTickMs } : {}),
  });

  const sessions = new SessionExpiry(staffNsp, core);
  let idleTimer: NodeJS.Timeout | null = null;
  let stopped: Promise<void> | null = null;

  return {
    core,
    get revision() {
      return engine.revision;
    },
    async listen(port, host) {
      await engine.open();
      // Before anyone connects: photos no record names (a crash between writing one and refusing its report).
      await new PhotoStore(deps.store, deps.newId, deps.logger).sweep(engine.state);
      rebuildIndexes();
      publisher.reset(engine.revision);
      await completeMeta();
      await completeCatalogue();
      idleTimer = setInterval(() => engine.idleCheckpoint(), 60_000);
      idleTimer.unref();
      ticker.start();
      sessions.start();
      if (secure) {
        await secure.refresh();
        secure.start();
      }
      guard.start();
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      phoneOrigin = phoneOriginOf(http, deps.phoneHost);
      return { url: `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${address.port}`, port: address.port };
    },
    async listenRedirect(port, host, lanHost = null) {
      const httpsPort = (http.address() as AddressInfo | null)?.port;
      if (!secure || httpsPort === undefined) throw new Error('listenRedirect: start the hub with a certificate (deps.tls) and listen first');
      const app = createRedirectApp({ allowedHost, securityLog: core.securityLog, httpsPort: () => httpsPort, material: () => secure.current, lanHost: () => lanHost, phonePages: fetch });
      const server = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      redirect = server;
      // A client's phone opens its links over plain HTTP: it never trusts the hub's own CA (redirect-app.ts).
      phoneOrigin = phoneOriginOf(server, deps.phoneHost) ?? phoneOrigin;
      const address = server.address() as AddressInfo;
      return { url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`, port: address.port };
    },
    get tls() {
      return secure?.current ?? null;
    },
    createPairingCode: async (kind = 'tablet') => {
      const ack = await engine.execute({ command: 'pairing:create', commandId: null, language: 'en' }, (_s, now) =>
        decideCreatePairingCode(now, kind),
      );
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.data;
    },
    tickFloor: () => ticker.tick(),
    stop() {
      stopped ??= (async () => {
        if (idleTimer) clearInterval(idleTimer);
        ticker.stop();
        sessions.stop();
        secure?.stop();
        const plain = redirect;
        if (plain?.listening) {
          plain.closeAllConnections();
          await new Promise<void>((resolve) => plain.close(() => resolve()));
        }
        guard.stop();
        await engine.stop();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return stopped;
    },
  };

  /** Categories, skills and equipment named by older data get their records once, journaled (catalogue-upgrade.ts). */
  async function completeCatalogue(): Promise<void> {
    const changes = catalogueUpgrade(engine.state);
    if (!changes) return;
    const ack = await engine.execute({ command: 'catalogue:upgrade', commandId: null, language: 'en' }, () => ({ changes, result: {} }));
    if (!ack.ok) throw new Error(ack.error.message);
  }

  /**
   * Data written before the floor settings and incidents existed: give it the defaults once, as a journaled change,
   * with the time zone this hub was started in.
   */
  async function completeMeta(): Promise<void> {
    const meta = engine.state.meta as Partial<typeof engine.state.meta>;
    if (meta.floor && meta.incidents) return;
    const changes: Changes = {
      meta: { floor: meta.floor ?? defaultFloorSettings(deps.timeZone), incidents: meta.incidents ?? {} },
    };
    const ack = await engine.execute({ command: 'salon:upgrade', commandId: null, language: 'en' }, () => ({ changes, result: {} }));
    if (!ack.ok) throw new Error(ack.error.message);
  }
}
