import type { Namespace } from 'socket.io';
import type { HubCore } from '../../hub-core.ts';
import { endSessionIfExpired } from './staff.namespace.ts';

/** How often the hub looks for staff sessions whose time is up. */
export const SESSION_SWEEP_MS = 1_000;

/**
 * The hub ends staff sessions itself: once a signed-in session's `expiresAt` has passed (by the hub's clock, the
 * one that issued it), its socket gets `auth:ended {reason:'expired'}` and the signed-out view, whether or not the
 * tablet's own clock agrees or the tablet sends anything.
 */
export class SessionExpiry {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly nsp: Namespace,
    private readonly core: HubCore,
    private readonly intervalMs = SESSION_SWEEP_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ends every expired session now; returns how many. */
  sweep(): number {
    this.core.auth.sweep();
    let ended = 0;
    for (const socket of this.nsp.sockets.values()) if (endSessionIfExpired(socket, this.core)) ended += 1;
    return ended;
  }
}
