/**
 * A fleet of staff tablets (front-desk audience) in a process of its own, so that decoding their patches does not
 * delay the bench's own measurements of command acks. Records, per socket, when each visit first appears in a
 * `sync:patch` (monotonic ms, comparable with the bench process), and counts revision gaps.
 *
 * IPC: { type: 'connect', url, tablets: [{ device, staffId, pin }] } → { type: 'connected', snapshotVisits }
 *      { type: 'collect' } → { type: 'arrivals', arrivals: { visitId: ms[] }, patches, gaps, bytes }
 *      { type: 'close' }
 */
import type { StaffPatch } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { connectStaff, type Device } from './lib/sockets.ts';
import { nowMs } from './lib/stats.ts';

type Tablet = { device: Device; staffId: string; pin: string };
type Msg = { type: 'connect'; url: string; tablets: Tablet[] } | { type: 'collect' } | { type: 'close' };

if (!process.send) {
  console.error('tablets-child: run by the bench');
  process.exit(64);
}

const sockets: Socket[] = [];
let arrivals = new Map<string, number[]>();
let patches = 0;
let gaps = 0;
let bytes = 0;

function watch(socket: Socket, revision: number): void {
  let last = revision;
  const seen = new Set<string>();
  socket.on('sync:patch', (patch: StaffPatch) => {
    const at = nowMs();
    patches += 1;
    if (patch.revision !== last + 1) gaps += 1;
    last = patch.revision;
    for (const id of Object.keys(patch.set.visits ?? {})) {
      if (seen.has(id)) continue;
      seen.add(id);
      let list = arrivals.get(id);
      if (!list) arrivals.set(id, (list = []));
      list.push(at);
    }
  });
  // Raw size of what arrives, to show how big the fan-out is.
  socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    if (typeof packet.data === 'string') bytes += packet.data.length;
  });
}

async function handle(msg: Msg): Promise<unknown> {
  switch (msg.type) {
    case 'connect': {
      // A few at a time: every sign-in is an scrypt on the hub.
      let snapshotVisits = 0;
      for (let i = 0; i < msg.tablets.length; i += 5) {
        const batch = msg.tablets.slice(i, i + 5);
        const connected = await Promise.all(batch.map((t) => connectStaff(msg.url, t.device, { staffId: t.staffId, pin: t.pin })));
        for (const { socket, snapshot } of connected) {
          sockets.push(socket);
          watch(socket, snapshot.revision);
          snapshotVisits = Object.keys(snapshot.view.visits).length;
        }
      }
      return { type: 'connected', snapshotVisits };
    }
    case 'collect': {
      const out = { type: 'arrivals', arrivals: Object.fromEntries(arrivals), patches, gaps, bytes };
      arrivals = new Map();
      patches = 0;
      gaps = 0;
      bytes = 0;
      return out;
    }
    case 'close':
      for (const s of sockets) s.disconnect();
      setImmediate(() => process.exit(0));
      return { type: 'closed' };
  }
}

process.on('message', (msg: Msg) => {
  handle(msg).then(
    (reply) => process.send!(reply),
    (err: unknown) => process.send!({ type: 'error', error: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
