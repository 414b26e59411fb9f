import type { Client } from '@glow/shared';

/**
 * Which records were merged into each client, and which clients share a number (#16): the client record asks both
 * every time it opens, and scanning 20,000 clients for them (three times per record) was half of the 60–130 ms a
 * record held the event loop on the large salon. Derived from the clients collection, rebuilt on start and after a
 * recovery, kept in step with every change applied (like ClientIndex, which answers only who owns a number).
 */
export class ClientLinksIndex {
  private mergedFrom = new Map<string, Set<string>>();
  private byPhone = new Map<string, Set<string>>();
  /** What each client was filed under, to take her out when her record changes. */
  private filed = new Map<string, { phone: string; mergedInto: string | undefined }>();

  rebuild(clients: Readonly<Record<string, Client>>): void {
    this.mergedFrom = new Map();
    this.byPhone = new Map();
    this.filed = new Map();
    for (const client of Object.values(clients)) this.file(client);
  }

  note(clients: Readonly<Record<string, Client | null>> | undefined): void {
    for (const [id, client] of Object.entries(clients ?? {})) {
      this.unfile(id);
      if (client) this.file(client);
    }
  }

  /** The records merged straight into this one (not through a chain: mergeGroup follows those). */
  mergedInto(clientId: string): readonly string[] {
    return [...(this.mergedFrom.get(clientId) ?? [])];
  }

  /** Every client whose record holds this number (owners, kiosk duplicates, merged records). */
  withPhone(phone: string): readonly string[] {
    return [...(this.byPhone.get(phone) ?? [])];
  }

  private file(client: Client): void {
    add(this.byPhone, client.phone, client.id);
    if (client.mergedInto !== undefined) add(this.mergedFrom, client.mergedInto, client.id);
    this.filed.set(client.id, { phone: client.phone, mergedInto: client.mergedInto });
  }

  private unfile(id: string): void {
    const was = this.filed.get(id);
    if (!was) return;
    remove(this.byPhone, was.phone, id);
    if (was.mergedInto !== undefined) remove(this.mergedFrom, was.mergedInto, id);
    this.filed.delete(id);
  }
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function remove(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
