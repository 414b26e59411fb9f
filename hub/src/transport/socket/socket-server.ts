import type { Server as HttpServer } from 'node:http';
import { MAX_PAYLOAD_BYTES } from '@glow/shared';
import { Server as IoServer } from 'socket.io';
import { refuse, toAppError } from '../../services/app-error.ts';
import type { SecurityLog } from '../../services/security-log.ts';
import { languageFrom } from '../http/language.ts';
import { isSameOrigin } from '../http/same-origin.ts';

/** The socket.io server on the hub's HTTP(S) server: who may open a socket at all, before any namespace's handshake. */
export function createSocketServer(
  http: HttpServer,
  options: {
    /** Whether a Host header names the hub (host-allow-list.ts). */
    allowedHost: (host: string | undefined) => boolean;
    securityLog: SecurityLog;
    /** How long socket.io keeps a dropped connection's session and missed packets for a connection-state recovery. */
    recoveryWindowMs: number;
  },
): IoServer {
  const { allowedHost, securityLog } = options;
  return new IoServer(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Browsers send an Origin; a page from another site must not open a socket to the hub. Nor may a page under a
    // name that is not the hub's (DNS rebinding: Origin and Host then both carry the attacker's name).
    allowRequest: (req, callback) => {
      if (!allowedHost(req.headers.host)) {
        securityLog.record({ kind: 'host_refused', address: req.socket.remoteAddress ?? null, detail: (req.headers.host ?? '').slice(0, 200) });
        return callback(toAppError(refuse('forbidden', 'unknown_host', { host: (req.headers.host ?? '').slice(0, 100) }), languageFrom(req.headers['accept-language'])).message, false);
      }
      const same = isSameOrigin(req.headers.origin, req.headers.host);
      if (!same) securityLog.record({ kind: 'origin_refused', address: req.socket.remoteAddress ?? null, detail: `socket from ${(req.headers.origin ?? '').slice(0, 100)}` });
      callback(null, same);
    },
    // Recovery is only an optimisation (a restart always ends in a snapshot), and it never skips the handshake
    // middleware: a revoked tablet cannot slip back in through it.
    connectionStateRecovery: { maxDisconnectionDuration: options.recoveryWindowMs, skipMiddlewares: false },
  });
}
