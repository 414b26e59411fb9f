import type { StorageLike } from '@glow/shared';

/**
 * The outbox's storage on the kiosk: memory only. A lobby kiosk is shared by every client who walks in, so nothing
 * they type may outlive the page in localStorage, sessionStorage or IndexedDB (DESIGN §6). Commands still survive a
 * dropped connection, which is what the outbox is for here; a reload forgets them, as it forgets the client.
 */
export class MemoryStorage implements StorageLike {
  private readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
