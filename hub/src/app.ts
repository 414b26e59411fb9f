import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { MAX_PAYLOAD_BYTES, NAMESPACES } from '@glow/shared';
import { Server as IoServer } from 'socket.io';
import type { HubDeps } from './deps.ts';
import type { HubCore } from './hub-core.ts';
import { AuthService } from './services/auth.service.ts';
import { autoAssign } from './services/auto-assign.ts';
import { ClientIndex } from './services/client-index.ts';
import { HubEngine } from './services/hub-engine.ts';
import { decideCreatePairingCode } from './services/pairing.service.ts';
import { createHttpApp } from './transport/http/http-app.ts';
import { isSameOrigin } from './transport/http/same-origin.ts';
import { setUpKioskNamespace } from './transport/socket/kiosk.namespace.ts';
import { Publisher } from './transport/socket/publisher.ts';
import { setUpStaffNamespace } from './transport/socket/staff.namespace.ts';

export type { HubDeps } from './deps.ts';

export type Hub = {
  /** Opens the store (or seeds it) and starts listening; resolves with the address. */
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** A one-time code to pair a staff tablet (the start-up log prints one). */
  createPairingCode(): Promise<{ code: string; expiresAt: number }>;
  /** Stops taking commands, finishes every write, closes every connection, and releases the data directory. */
  stop(): Promise<void>;
  readonly core: HubCore;
  readonly revision: number;
};

/** Wires the store, clock, ids, services and transports together. Nothing happens until `listen`. */
export function createHub(deps: HubDeps): Hub {
  const timeZone = deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const clients = new ClientIndex();
  let publisher!: Publisher;

  const engine = new HubEngine(deps, {
    followUp: autoAssign,
    applied: (changes) => clients.note(changes.clients),
    committed: (changes, revision) => publisher.publish(changes, revision),
    reset: () => {
      clients.rebuild(engine.state.clients);
      publisher.reset();
      // Every client resyncs from a fresh snapshot: what they held may include changes that were never saved.
      io.of(NAMESPACES.kiosk).disconnectSockets();
      io.of(NAMESPACES.staff).disconnectSockets();
    },
  });

  const core: HubCore = {
    deps,
    engine,
    get publisher() {
      return publisher;
    },
    auth: new AuthService(() => engine.state, deps.clock),
    clients,
    settings: { aftercareLinkDays: 30 },
    today: (now) => dayFormat.format(now),
  };

  const http = createAdaptorServer({ fetch: createHttpApp(core).fetch }) as HttpServer;
  const io = new IoServer(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Browsers send an Origin; a page from another site must not open a socket to the hub.
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers.origin, req.headers.host)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  publisher = new Publisher({ kiosk: io.of(NAMESPACES.kiosk), staff: io.of(NAMESPACES.staff) }, () => engine.state, deps.clock);
  setUpKioskNamespace(io.of(NAMESPACES.kiosk), core);
  setUpStaffNamespace(io.of(NAMESPACES.staff), core);

  let idleTimer: NodeJS.Timeout | null = null;
  let stopped: Promise<void> | null = null;

  return {
    core,
    get revision() {
      return engine.revision;
    },
    async listen(port, host) {
      await engine.open();
      clients.rebuild(engine.state.clients);
      idleTimer = setInterval(() => engine.idleCheckpoint(), 60_000);
      idleTimer.unref();
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      return { url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`, port: address.port };
    },
    createPairingCode: async () => {
      const ack = await engine.execute({ command: 'pairing:create', commandId: null, language: 'en' }, (_s, now) =>
        decideCreatePairingCode(now),
      );
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.data;
    },
    stop() {
      stopped ??= (async () => {
        if (idleTimer) clearInterval(idleTimer);
        await engine.stop();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return stopped;
    },
  };
}
