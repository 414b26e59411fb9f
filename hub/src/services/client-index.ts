import type { Client } from '@glow/shared';

/**
 * A record registered at the kiosk with a number that was already another client's never owns the number: a look-up
 * by phone finds the earlier client, whatever was registered since.
 */
const owner = (c: Client): boolean => c.duplicateOf === undefined && c.mergedInto === undefined;

/**
 * Phone number → client id, derived from the clients collection so look-ups at check-in do not scan 20,000 clients.
 * Rebuilt from the state on start and after a recovery; kept in step by `note` after each commit.
 */
export class ClientIndex {
  private byPhone = new Map<string, string>();
  /** The number each owner holds, to let it go when the record changes. */
  private phoneOf = new Map<string, string>();
  /**
   * A record merged away keeps pointing at its number (#16): that number is the kept person's, so a look-up by it
   * finds the kept record (its `mergedInto`, through a chain of merges) and no other client can be given it, nor
   * a second record made for it at check-in or import. The kept record's own number wins over these.
   */
  private mergedPhone = new Map<string, string>();
  private mergedTo = new Map<string, string>();

  /**
   * Numbers stored as typed before they were canonical (data migration 4) may make two owners of one number: the
   * earliest client keeps it, as the kiosk would have kept the later one apart.
   */
  rebuild(clients: Readonly<Record<string, Client>>): void {
    const owners = Object.values(clients)
      .filter(owner)
      .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    this.byPhone = new Map(owners.map((c) => [c.phone, c.id]));
    this.phoneOf = new Map([...this.byPhone].map(([phone, id]) => [id, phone]));
    this.mergedPhone = new Map();
    this.mergedTo = new Map();
    for (const c of Object.values(clients)) this.noteMerged(c.id, c);
  }

  private noteMerged(id: string, c: Client | null): void {
    const had = this.mergedTo.has(id);
    if (had) {
      this.mergedTo.delete(id);
      for (const [phone, holder] of this.mergedPhone) if (holder === id) this.mergedPhone.delete(phone);
    }
    if (!c || c.mergedInto === undefined) return;
    this.mergedTo.set(id, c.mergedInto);
    if (!this.mergedPhone.has(c.phone)) this.mergedPhone.set(c.phone, id);
  }

  note(clients: Readonly<Record<string, Client | null>> | undefined): void {
    const entries = Object.entries(clients ?? {});
    // First let go of numbers their owner no longer holds (a corrected number, a record merged away: #16), so that
    // the new owner in the same change can take the number.
    for (const [id, c] of entries) {
      const had = this.phoneOf.get(id);
      if (had !== undefined && (!c || !owner(c) || c.phone !== had)) {
        if (this.byPhone.get(had) === id) this.byPhone.delete(had);
        this.phoneOf.delete(id);
      }
    }
    for (const [id, c] of entries) {
      if (c?.mergedInto !== undefined || this.mergedTo.has(id)) this.noteMerged(id, c);
      if (!c || !owner(c)) continue;
      const held = this.byPhone.get(c.phone);
      if (held === undefined || held === id) {
        this.byPhone.set(c.phone, id);
        this.phoneOf.set(id, c.phone);
      }
    }
  }

  /** The client the number belongs to: its owner, else the record kept for a record merged away that held it. */
  find(phone: string): string | undefined {
    const held = this.byPhone.get(phone);
    if (held !== undefined) return held;
    let id = this.mergedPhone.get(phone);
    for (let hops = 0; id !== undefined && this.mergedTo.has(id) && hops < 20; hops++) id = this.mergedTo.get(id);
    // Only a kept record that is still there and owns a number of its own (erased since: the number is free).
    return id !== undefined && this.phoneOf.has(id) ? id : undefined;
  }
}
