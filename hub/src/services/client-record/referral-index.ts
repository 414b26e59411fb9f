import type { Client } from '@glow/shared';

/**
 * Who each client referred (#16): the reverse of `Client.referredBy`, kept in step with every client the hub writes
 * (the search index feeds it), so a record lists "Referred: Y, Z" without reading 20,000 clients each time it opens.
 */
export class ReferralIndex {
  private referredBy = new Map<string, string>();
  private referred = new Map<string, Set<string>>();

  clear(): void {
    this.referredBy = new Map();
    this.referred = new Map();
  }

  /** The client as written now (or removed: null referrer). */
  note(clientId: string, referrerId: string | null): void {
    const before = this.referredBy.get(clientId);
    if (before === referrerId) return;
    if (before !== undefined) {
      const set = this.referred.get(before);
      set?.delete(clientId);
      if (set?.size === 0) this.referred.delete(before);
    }
    if (referrerId === null) {
      this.referredBy.delete(clientId);
      return;
    }
    this.referredBy.set(clientId, referrerId);
    let set = this.referred.get(referrerId);
    if (!set) this.referred.set(referrerId, (set = new Set()));
    set.add(clientId);
  }

  noteClient(client: Pick<Client, 'id' | 'referredBy'>): void {
    this.note(client.id, client.referredBy ?? null);
  }

  /** The clients whose `referredBy` is one of these (ids, in no particular order). */
  referredByAny(referrerIds: readonly string[]): string[] {
    return referrerIds.flatMap((id) => [...(this.referred.get(id) ?? [])]);
  }
}
