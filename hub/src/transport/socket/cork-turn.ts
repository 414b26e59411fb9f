import type { Namespace } from 'socket.io';

/** The TCP socket under a socket.io socket on the WebSocket transport (socket.io → engine.io → ws → net). */
type Corkable = { cork(): void; uncork(): void; writable?: boolean; destroyed?: boolean };

function tcpOf(socket: unknown): Corkable | null {
  const conn = (socket as { conn?: { transport?: { name?: string; socket?: { _socket?: unknown } } } }).conn;
  if (conn?.transport?.name !== 'websocket') return null;
  const tcp = conn.transport.socket?._socket as Corkable | undefined;
  return tcp && typeof tcp.cork === 'function' && typeof tcp.uncork === 'function' && !tcp.destroyed ? tcp : null;
}

/**
 * Holds back the writes to every WebSocket of these namespaces until the end of the current turn of the event loop,
 * so that what a turn sends a socket goes out in one write. A journal group becomes durable in one turn and is then
 * published entry by entry, each a patch per audience plus its sender's ack: without this each of those frames was a
 * write system call per socket (a group of 16 check-ins: 16 writes to every tablet, each socket's frames now one).
 * Only the order of bytes on each socket matters to its client, and corking keeps it. Sockets on HTTP long-polling
 * batch by themselves and are left alone.
 */
export class TurnCork {
  private corked: Corkable[] | null = null;

  constructor(private readonly namespaces: readonly Namespace[]) {}

  /** Corks every WebSocket now (once per turn) and uncorks them when this turn's work is done. */
  hold(): void {
    if (this.corked) return;
    const corked: Corkable[] = [];
    for (const nsp of this.namespaces) {
      for (const socket of nsp.sockets?.values() ?? []) {
        const tcp = tcpOf(socket);
        if (tcp) {
          tcp.cork();
          corked.push(tcp);
        }
      }
    }
    this.corked = corked;
    // After the turn's microtasks (the rest of the group's entries, their acks) and before any I/O is polled.
    setImmediate(() => this.release());
  }

  private release(): void {
    const corked = this.corked ?? [];
    this.corked = null;
    for (const tcp of corked) if (!tcp.destroyed) tcp.uncork();
  }
}
