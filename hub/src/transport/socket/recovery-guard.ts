import type { Namespace } from 'socket.io';

/**
 * Connection-state recovery, made safe for revocation. socket.io restores a session (its rooms, and the packets it
 * missed) when it builds the reconnecting socket, which is before the handshake middleware runs: even with
 * `skipMiddlewares: false`, a refused socket would already have been sent what it missed while away. So a session is
 * restored only while `allowed(session.data)` holds (the tablet is still paired); otherwise the reconnection is
 * treated as a new one, which the middleware then refuses, and nothing of the missed packets leaves the hub.
 */
export function guardRecovery(nsp: Namespace, allowed: (data: unknown) => boolean): void {
  const adapter = nsp.adapter;
  const restore = adapter.restoreSession.bind(adapter);
  // The adapter answers null for a session it cannot restore (its typing says otherwise).
  adapter.restoreSession = (async (pid: string, offset: string) => {
    const session = await restore(pid, offset);
    return session && allowed(session.data) ? session : null;
  }) as typeof adapter.restoreSession;
}
