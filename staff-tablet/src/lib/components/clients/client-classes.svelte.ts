import { CLASSES_MAX_IDS, type ClientRecord } from '@glow/shared';
import type { StaffClient } from '$lib/staff-client.svelte.ts';

type ClientClass = NonNullable<ClientRecord['clientClass']>;
/** A badge is asked again after this long (a visit closed today may change it). */
const FRESH_MS = 5 * 60_000;

/**
 * The class badges of the clients the board and the assignment alert show (#16), asked of the hub
 * (`clients:classes`) for the clients not known yet, a few at a time, and kept for a few minutes. The hub decides
 * which clients this person may know about; a client it leaves out simply shows no badge.
 */
class ClientClasses {
  private known = $state<Record<string, ClientClass>>({});
  private askedAt = new Map<string, number>();
  private asking = false;

  of(client: StaffClient, clientId: string): ClientClass | undefined {
    const at = this.askedAt.get(clientId);
    if (at === undefined || Date.now() - at > FRESH_MS) queueMicrotask(() => void this.ask(client, [clientId]));
    return this.known[clientId];
  }

  /**
   * A merge or correction of these records (the live view's `recordChanges`, about the record itself): their badges
   * are asked again at once — after a merge the kept record's class counts the visits of both.
   */
  forget(client: StaffClient, clientIds: Iterable<string>): void {
    const shown: string[] = [];
    for (const id of clientIds) {
      if (!this.askedAt.delete(id)) continue;
      if (id in this.known) shown.push(id);
    }
    if (shown.length > 0) queueMicrotask(() => void this.ask(client, shown));
  }

  private pending = new Set<string>();
  private async ask(client: StaffClient, ids: readonly string[]): Promise<void> {
    for (const id of ids) if (!this.askedAt.has(id) || Date.now() - this.askedAt.get(id)! > FRESH_MS) this.pending.add(id);
    if (this.asking || this.pending.size === 0) return;
    this.asking = true;
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending].slice(0, CLASSES_MAX_IDS);
        for (const id of batch) {
          this.pending.delete(id);
          this.askedAt.set(id, Date.now());
        }
        const ack = await client.send('clients:classes', { clientIds: batch });
        if (ack.ok) this.known = { ...this.known, ...ack.data.classes };
      }
    } finally {
      this.asking = false;
    }
  }
}

export const clientClasses = new ClientClasses();
