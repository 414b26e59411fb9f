import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createAdaptorServer } from '@hono/node-server';
import { NAMESPACES, phoneCountryOf, type DeviceKind } from '@glow/shared';
import type { HubDeps } from './deps.ts';
import type { HubCore } from './hub-core.ts';
import { ActiveVisits } from './services/active-visits.ts';
import { DerivedFigures } from './services/derived-figures.ts';
import { AuthService } from './services/auth.service.ts';
import { floorFollowUp } from './services/auto-assign.ts';
import { catalogueUpgrade } from './services/catalogue/catalogue-upgrade.ts';
import { ClientImportStaging } from './services/client-import/import-staging.ts';
import { ClientLinksIndex } from './services/client-links-index.ts';
import { ClientIndex } from './services/client-index.ts';
import { ClientSearchIndex } from './services/client-record/client-search-index.ts';
import { ClientRecords } from './services/client-record/client-records.ts';
import { clientClassOf } from './services/client-record/client-class-of.ts';
import { runSeedCommands } from './seed/seed-commands.ts';
import { discardUnfinishedImport } from './services/client-import/import-writer.ts';
import { FloorTicker } from './services/floor-tick.ts';
import { FollowUpScheduler, FollowUpSweeper, followUpLogTo, withFollowUps } from './services/follow-ups/follow-up-scheduler.ts';
import { HubEngine } from './services/hub-engine.ts';
import { PhotoStore } from './services/photo-store.ts';
import { checkInContextOf } from './services/check-in-context.ts';
import { createOutbox } from './services/outbox/outbox-service.ts';
import { MemoryOutboxFolder } from './store/outbox-folder.ts';
import { LiveViews } from './services/live-views.ts';
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
import { setUpKioskNamespace } from './transport/socket/kiosk.namespace.ts';
import { liveSync } from './transport/socket/live-sync.ts';
import { Publisher } from './transport/socket/publisher.ts';
import { SessionExpiry } from './transport/socket/session-expiry.ts';
import { DEFAULT_SOCKET_LIMITS, SocketGuard } from './transport/socket/socket-guard.ts';
import { createSocketServer } from './transport/socket/socket-server.ts';
import { setUpStaffNamespace } from './transport/socket/staff.namespace.ts';

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
  /** Runs the daily follow-up sweep now (tests; the hub runs it itself when the salon's day changes). */
  sweepFollowUps(): Promise<boolean>;
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

/**
 * Wires the store, clock, ids, services and transports together, each built after what it needs (a service never
 * reaches for one built later). Nothing happens until `listen`.
 */
export function createHub(deps: HubDeps): Hub {
  // The records, and the indexes that follow every change applied to them.
  const clients = new ClientIndex();
  const clientLinks = new ClientLinksIndex();
  const clientSearch = new ClientSearchIndex(() => phoneCountryOf(engine.state.meta.salon));
  const active = new ActiveVisits();
  const followUps = new FollowUpScheduler(followUpLogTo(deps.logger));
  const engine = new HubEngine(deps, {
    followUp: (state, now) => withFollowUps(floorFollowUp(state, now, active.list(state)), followUps.followUp(state, now)),
    applied: (changes) => {
      followUps.note(changes);
      clients.note(changes.clients);
      clientLinks.note(changes.clients);
      clientSearch.note(changes.clients, changes.visits, changes);
      active.note(changes.visits);
    },
  });
  const state = () => engine.state;
  const rebuildIndexes = () => {
    clients.rebuild(engine.state.clients);
    clientLinks.rebuild(engine.state.clients);
    void clientSearch.rebuild(() => engine.state);
    active.rebuild(engine.state.visits);
  };
  // A recovery replaced the state: the indexes first, before anything that follows the engine reads them.
  engine.follow({ reset: rebuildIndexes });

  // Services: what decisions and views read, and who may do what.
  const figures = new DerivedFigures(state, () => active.list(engine.state), active, () => engine.version(['services', 'rooms', 'staff']));
  const securityLog = new SecurityLog(deps.clock, deps.logger);
  const reads = createReads(state, active, (ids) => clientSearch.visitIdsNow(ids));
  const photos = new PhotoStore(deps.store, deps.newId, deps.logger);
  const views = new LiveViews({
    state,
    activeVisits: () => active.list(engine.state),
    recentLowRatings: (now) => active.recentLowRatings(engine.state, now),
    figures,
    clock: deps.clock,
  });
  let phoneOrigin: string | null = null;
  // Messages leaving the salon (#16): the delivery loop starts once the store is open (listen).
  const outbox = createOutbox({
    engine,
    folder: deps.outboxFolder ?? new MemoryOutboxFolder(),
    clock: deps.clock,
    newId: deps.newId,
    logger: deps.logger,
    ...(deps.outboxTickMs ? { intervalMs: deps.outboxTickMs } : {}),
    ...(deps.outboxTimeouts ? { timeouts: deps.outboxTimeouts } : {}),
  });
  const core: HubCore = {
    deps,
    engine,
    reads,
    views,
    figures,
    auth: new AuthService(state, deps.clock, securityLog),
    clients,
    imports: new ClientImportStaging({ state, clients, clock: deps.clock }),
    records: new ClientRecords({ state, store: deps.store, links: clientLinks, search: clientSearch, today: reads.today, now: deps.clock, classOf: clientClassOf }),
    active,
    checkInContext: checkInContextOf({ today: reads.today, newId: deps.newId, clients, active, figures }),
    photos,
    securityLog,
    outbox,
    phoneOrigin: () => phoneOrigin,
    listenPorts: () => [http, redirect].flatMap((s) => (s?.address() as AddressInfo | null)?.port ?? []),
    today: reads.today,
  };
  const ticker = new FloorTicker({
    engine,
    active,
    clock: deps.clock,
    logger: deps.logger,
    viewsChangedAt: (now) => views.changedAt(now),
    ...(deps.floorTickMs ? { intervalMs: deps.floorTickMs } : {}),
  });
  // The daily follow-up sweep (birthdays, holidays, win-back), by the salon's calendar day.
  const sweeper = new FollowUpSweeper({
    engine,
    clock: deps.clock,
    logger: deps.logger,
    log: followUpLogTo(deps.logger),
    applied: followUps,
    // Each client's visit ids from the search index: no listing of every visit the state holds.
    visitIdsOf: (ids) => clientSearch.visitIdsOf(ids),
    // Visits in months left on disk: a long-lapsed client is owed her win-back too.
    disk: deps.store,
    // A record merged into another is swept with it (its visits on disk too), never on its own.
    links: clientLinks,
  });
  engine.follow(sweeper);

  // Transports. HTTPS when the hub has a certificate source (main.ts); plain HTTP for tests on 127.0.0.1. The
  // certificate is set once the data directory is open (listen), and swapped in place on renewal.
  const allowedHost = hostAllowList(deps.hostNames ?? []);
  const fetch = createHttpApp(core).fetch;
  const http = (deps.tls ? createAdaptorServer({ fetch, createServer: createHttpsServer, serverOptions: {} }) : createAdaptorServer({ fetch })) as HttpServer;
  const secure = deps.tls ? new SecureServing(http as unknown as HttpsServer, deps.tls, deps.clock, deps.logger, () => engine.state.devices) : null;
  let redirect: HttpServer | null = null;
  const io = createSocketServer(http, { allowedHost, securityLog, recoveryWindowMs: RECOVERY_WINDOW_MS });
  const namespaces = { kiosk: io.of(NAMESPACES.kiosk), staff: io.of(NAMESPACES.staff) };
  const publisher = new Publisher({ namespaces, views, recoveryWindowMs: RECOVERY_WINDOW_MS });
  setUpKioskNamespace(namespaces.kiosk, core, publisher);
  setUpStaffNamespace(namespaces.staff, core, publisher);
  // After the namespaces' own handshakes, which name the device that every limit is keyed on.
  const guard = new SocketGuard([namespaces.kiosk, namespaces.staff], core, { ...DEFAULT_SOCKET_LIMITS, ...deps.socketLimits });
  const sessions = new SessionExpiry(namespaces.staff, core);

  // What follows the engine's revisions: patches, revocations, snapshots after a reset (live-sync.ts).
  const sync = liveSync({ core, namespaces, publisher });
  engine.follow(sync);
  // The salon's own settings (set-up finished, a new currency or time zone) ride in snapshots, not patches (#13).
  engine.follow({ committed: (changes) => touchesSalonView(changes) && sync.sendSnapshots() });

  let idleTimer: NodeJS.Timeout | null = null;
  let stopped: Promise<void> | null = null;

  return {
    core,
    get revision() {
      return engine.revision;
    },
    async listen(port, host) {
      const seeded = await engine.open();
      // A first start with seed commands (the demo salon): the salon is built by them before anyone connects.
      if (seeded && deps.seedCommands) await runSeedCommands(engine, deps.seedCommands);
      // A client import the hub did not finish writing (a crash, a power cut) is undone: all or nothing (#13).
      await journalUpgrade(engine, 'clients:importDiscard', discardUnfinishedImport(engine.state)?.changes ?? null);
      // Before anyone connects: photos no record names (a crash between writing one and refusing its report).
      await photos.sweep(engine.state);
      rebuildIndexes();
      views.reset(engine.revision);
      await journalUpgrade(engine, 'catalogue:upgrade', catalogueUpgrade(engine.state));
      idleTimer = setInterval(() => engine.idleCheckpoint(), 60_000);
      idleTimer.unref();
      ticker.start();
      await outbox.delivery.start();
      sweeper.start();
      sessions.start();
      if (secure) {
        await secure.refresh();
        secure.start();
      }
      guard.start();
      const bound = await listenOn(http, port, host);
      phoneOrigin = phoneOriginOf(http, deps.phoneHost);
      return { url: urlOf(secure ? 'https' : 'http', host, bound), port: bound };
    },
    async listenRedirect(port, host, lanHost = null) {
      const httpsPort = (http.address() as AddressInfo | null)?.port;
      if (!secure || httpsPort === undefined) throw new Error('listenRedirect: start the hub with a certificate (deps.tls) and listen first');
      const app = createRedirectApp({ allowedHost, securityLog: core.securityLog, httpsPort: () => httpsPort, material: () => secure.current, lanHost: () => lanHost, phonePages: fetch });
      const server = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
      const bound = await listenOn(server, port, host);
      redirect = server;
      // A client's phone opens its links over plain HTTP: it never trusts the hub's own CA (redirect-app.ts).
      phoneOrigin = phoneOriginOf(server, deps.phoneHost) ?? phoneOrigin;
      return { url: urlOf('http', host, bound), port: bound };
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
    sweepFollowUps: () => sweeper.sweep(),
    stop() {
      stopped ??= (async () => {
        if (idleTimer) clearInterval(idleTimer);
        ticker.stop();
        sweeper.stop();
        sessions.stop();
        secure?.stop();
        const plain = redirect;
        if (plain?.listening) {
          plain.closeAllConnections();
          await new Promise<void>((resolve) => plain.close(() => resolve()));
        }
        guard.stop();
        await outbox.delivery.stop();
        await engine.stop();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return stopped;
    },
  };
}

/** Starts a server listening; resolves with the port it got. */
async function listenOn(server: HttpServer, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

const urlOf = (scheme: 'http' | 'https', host: string, port: number): string => `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** A change the hub makes by itself at start-up for data from before a feature, journaled like any command; none when null. */
async function journalUpgrade(engine: HubEngine, command: string, changes: Changes | null): Promise<void> {
  if (!changes) return;
  const ack = await engine.execute({ command, commandId: null, language: 'en' }, () => ({ changes, result: {} }));
  if (!ack.ok) throw new Error(ack.error.message);
}
