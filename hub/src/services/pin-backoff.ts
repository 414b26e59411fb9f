/**
 * Wrong PINs slow the next try down: after 3 failures in a row a staff member waits 30 s, doubling each further
 * failure up to 15 min. Kept in memory: a hub restart forgives, which is fine for a 4–8 digit PIN on a paired tablet.
 */
export class PinBackoff {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly freeTries = 3,
    private readonly baseMs = 30_000,
    private readonly maxMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before the next try, or 0. */
  waitSeconds(key: string, now: number): number {
    const f = this.failures.get(key);
    return f && f.lockedUntil > now ? Math.ceil((f.lockedUntil - now) / 1000) : 0;
  }

  fail(key: string, now: number): void {
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const over = count - this.freeTries;
    const lockedUntil = over >= 0 ? now + Math.min(this.maxMs, this.baseMs * 2 ** over) : 0;
    this.failures.set(key, { count, lockedUntil });
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
