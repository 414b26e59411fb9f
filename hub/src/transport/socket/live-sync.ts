import type { Namespace } from 'socket.io';
import type { HubCore } from '../../hub-core.ts';
import type { EngineListener } from '../../services/hub-engine.ts';
import type { Changes } from '../../store/hub-state.ts';
import { disconnectKiosk, kioskSnapshot } from './kiosk.namespace.ts';
import type { Publisher } from './publisher.ts';
import { guardRecovery } from './recovery-guard.ts';
import { disconnectDevice, staffSnapshot, type StaffSocketData } from './staff.namespace.ts';

export type LiveSync = EngineListener & {
  /** Sends every open socket a fresh snapshot of what it may see now. */
  sendSnapshots(): void;
};

/**
 * What keeps every connected device in step with the engine, in one place: each durable revision published as
 * patches, a revoked device cut off once its revocation is on disk, fresh snapshots after the state was replaced,
 * and socket.io's catch-up (connection-state recovery) allowed only to devices still paired. The engine follows
 * nothing here; `createHub` hands this to `engine.follow`.
 */
export function liveSync(options: {
  core: HubCore;
  namespaces: { kiosk: Namespace; staff: Namespace };
  publisher: Publisher;
}): LiveSync {
  const { core, namespaces, publisher } = options;
  // A kiosk's session is restored only while it is paired, like a tablet's: a revoked device is never replayed
  // what it missed (recovery-guard.ts).
  for (const nsp of [namespaces.staff, namespaces.kiosk]) {
    guardRecovery(nsp, (data) => core.reads.isPaired((data as Partial<StaffSocketData> | undefined)?.deviceId ?? ''));
  }

  const sendSnapshots = () => {
    namespaces.kiosk.emit('sync:snapshot', kioskSnapshot(core));
    for (const socket of namespaces.staff.sockets.values()) socket.emit('sync:snapshot', staffSnapshot(core, socket.data as StaffSocketData));
  };

  /**
   * A device revoked in this change loses its sockets now that the revocation is on disk: right after the answer to
   * whoever revoked it has gone out (which may be that very tablet).
   */
  const disconnectRevoked = (changes: Changes): void => {
    for (const device of Object.values(changes.devices ?? {})) {
      if (device && device.revokedAt !== null) {
        core.auth.endDevice(device.id); // its staff sessions end with it
        setImmediate(() => (device.kind === 'kiosk' ? disconnectKiosk(namespaces.kiosk, device.id) : disconnectDevice(namespaces.staff, device.id)));
      }
    }
  };

  return {
    committed(changes, revision) {
      publisher.publish(changes, revision);
      disconnectRevoked(changes);
    },
    reset() {
      core.views.reset(core.engine.revision);
      // Every client resyncs from a fresh snapshot: what they held may include changes that were never saved.
      // Sent on the open connections rather than by disconnecting them: a client that a server-side disconnect
      // leaves for good (socket.io does not reconnect after one by itself) would never come back.
      sendSnapshots();
    },
    sendSnapshots,
  };
}
