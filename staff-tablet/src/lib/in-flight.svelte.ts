/**
 * Buttons whose command is on its way: one command (one commandId) per tap, and a second tap on the same button while
 * the first is in flight is not a second command (a double tap on a quick note used to record it twice). Other
 * buttons stay free, so quick taps on different chips still all count.
 */
export class InFlight {
  private keys = $state<ReadonlySet<string>>(new Set());

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Runs `send` for `key` unless one is already in flight for it; null when the tap was ignored. */
  async run<T>(key: string, send: () => Promise<T>): Promise<T | null> {
    if (this.keys.has(key)) return null;
    this.keys = new Set([...this.keys, key]);
    try {
      return await send();
    } finally {
      const rest = new Set(this.keys);
      rest.delete(key);
      this.keys = rest;
    }
  }
}
