import type { Patch, Snapshot } from '../contracts/views.ts';
import { applyPatch, isGap } from '../domain/view-patch.ts';
import type { SocketLike } from './socket-like.ts';

type Collections = Record<string, Record<string, unknown>>;

/**
 * Keeps a client's copy of its view in step with the hub (DESIGN §4): a snapshot on every connect, then patches
 * with consecutive revisions; a gap asks for a fresh snapshot. `onChange` gets every new state.
 */
export class LiveView<V extends Collections> {
  snapshot: Snapshot<V> | null = null;
  private resyncing = false;

  constructor(
    private readonly socket: SocketLike,
    private readonly onChange: (snapshot: Snapshot<V>) => void,
  ) {
    socket.on('sync:snapshot', this.onSnapshot);
    socket.on('sync:patch', this.onPatch);
  }

  private readonly onSnapshot = (snapshot: Snapshot<V>): void => {
    this.snapshot = snapshot;
    this.resyncing = false;
    this.onChange(snapshot);
  };

  private readonly onPatch = (patch: Patch<V>): void => {
    const current = this.snapshot;
    if (!current || this.resyncing) return;
    if (patch.revision <= current.revision) return; // already contained in the snapshot we hold
    if (isGap(current.revision, patch)) {
      this.resync();
      return;
    }
    this.snapshot = { ...current, revision: patch.revision, view: applyPatch(current.view, patch) };
    this.onChange(this.snapshot);
  };

  /** Asks the hub for a fresh snapshot (after a gap, or whenever the screen doubts its copy). */
  resync(): void {
    this.resyncing = true;
    this.socket.emit('sync:resync', (snapshot: Snapshot<V>) => this.onSnapshot(snapshot));
  }

  dispose(): void {
    this.socket.off('sync:snapshot', this.onSnapshot);
    this.socket.off('sync:patch', this.onPatch);
  }
}
