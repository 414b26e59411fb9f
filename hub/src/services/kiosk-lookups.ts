/** Identity attempts one kiosk may make: enough for a queue at the door, far too few to walk through phone numbers. */
export const DEFAULT_LOOKUP_LIMIT = { max: 6, windowMs: 60_000 } as const;

/**
 * The per-kiosk limit of identity attempts ("I have been here before" with a phone number). The hub answers such a
 * check-in alike for known and unknown numbers, but it does say "already checked in" for a number on the floor, so
 * a kiosk may not try numbers in bulk. Kept in memory only (a restart forgets it). A retried command (same
 * commandId) is the same attempt and counts once.
 */
export class KioskIdentityLimit {
  private readonly recent = new Map<string, { at: number; commandId: string }[]>();

  constructor(
    private readonly deps: {
      clock: () => number;
      limit?: { max: number; windowMs: number };
    },
  ) {}

  /** Whether this kiosk may make this attempt now; an allowed attempt is counted. */
  allow(kiosk: string, commandId: string): boolean {
    const now = this.deps.clock();
    const limit = this.deps.limit ?? DEFAULT_LOOKUP_LIMIT;
    const attempts = (this.recent.get(kiosk) ?? []).filter((a) => a.at > now - limit.windowMs);
    this.recent.set(kiosk, attempts);
    if (attempts.some((a) => a.commandId === commandId)) return true;
    if (attempts.length >= limit.max) return false;
    attempts.push({ at: now, commandId });
    this.prune(now, limit.windowMs);
    return true;
  }

  /** Forgets kiosks with no attempt in the window, so that many addresses cannot grow the map without end. */
  private prune(now: number, windowMs: number): void {
    if (this.recent.size <= 1000) return;
    for (const [k, attempts] of this.recent) if (!attempts.some((a) => a.at > now - windowMs)) this.recent.delete(k);
  }
}
