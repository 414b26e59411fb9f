import type { Namespace } from 'socket.io';
import type { LiveViews } from '../../services/live-views.ts';
import { parseAudienceKey } from '../../services/views.ts';
import type { Changes } from '../../store/hub-state.ts';
import { TurnCork } from './cork-turn.ts';

export const AUDIENCE_ROOM_PREFIX = 'aud:';

/**
 * Sends each committed revision to every audience's room, as the patch the live views cut for that audience
 * (services/live-views.ts decides what each may see; this only delivers). Every connected audience gets every
 * revision (an empty patch if nothing it may see changed), so a client can tell a gap.
 */
export class Publisher {
  /**
   * Audiences whose last socket left recently, by namespace, with when (wall-clock, as socket.io's recovery window
   * is). Their patches are still sent to the (empty) room so that socket.io keeps them for a connection-state
   * recovery: a tablet that was the only one of its audience would otherwise come back to find nothing to replay.
   */
  private readonly departed = { kiosk: new Map<string, number>(), staff: new Map<string, number>() };
  /** A journal group is published in one turn: each socket's patches and acks of it leave in one write (cork-turn.ts). */
  private readonly cork: TurnCork;

  constructor(
    private readonly options: {
      namespaces: { kiosk: Namespace; staff: Namespace };
      views: LiveViews;
      /** socket.io's connection-state recovery window (ms); 0 without recovery. */
      recoveryWindowMs: number;
    },
  ) {
    this.cork = new TurnCork([options.namespaces.kiosk, options.namespaces.staff]);
  }

  /** A socket of this audience disconnected; it may come back through connection-state recovery. */
  left(namespace: 'kiosk' | 'staff', audienceKey: string): void {
    if (this.options.recoveryWindowMs > 0) this.departed[namespace].set(audienceKey, Date.now());
  }

  publish(changes: Changes, revision: number): void {
    const { namespaces, views } = this.options;
    this.cork.hold();
    const cut = views.next(changes, revision);
    for (const key of this.audiencesIn('staff')) {
      namespaces.staff.to(AUDIENCE_ROOM_PREFIX + key).emit('sync:patch', cut.staff(parseAudienceKey(key)));
    }
    if (this.audiencesIn('kiosk').length) namespaces.kiosk.to(AUDIENCE_ROOM_PREFIX + 'kiosk').emit('sync:patch', cut.kiosk());
  }

  /** Audiences with a socket now, and those whose sockets may still recover. */
  private audiencesIn(namespace: 'kiosk' | 'staff'): string[] {
    const keys = new Set(
      [...this.options.namespaces[namespace].adapter.rooms.keys()]
        .filter((room) => room.startsWith(AUDIENCE_ROOM_PREFIX))
        .map((room) => room.slice(AUDIENCE_ROOM_PREFIX.length)),
    );
    const since = Date.now() - this.options.recoveryWindowMs;
    for (const [key, at] of this.departed[namespace]) {
      if (at < since) this.departed[namespace].delete(key);
      else keys.add(key);
    }
    return [...keys];
  }
}
