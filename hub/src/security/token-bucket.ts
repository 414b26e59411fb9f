/** How fast a bucket refills and how much it holds: `burst` at once, then `perSecond` on average. */
export type Rate = { burst: number; perSecond: number };

/**
 * A token bucket: each action takes a token; tokens come back at a steady rate up to the burst. Pure but for the
 * clock, which every call passes in (tests step it by hand).
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: Rate,
    now: number,
  ) {
    this.tokens = rate.burst;
    this.at = now;
  }

  /** Takes one token if there is one; false means the action is over the rate. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token is available (0 if one is). */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return this.rate.perSecond > 0 ? Math.ceil(((1 - this.tokens) / this.rate.perSecond) * 1000) : Infinity;
  }

  /** Whether it has refilled completely (it is then the same as a new bucket). */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.rate.burst;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.at);
    this.at = now;
    this.tokens = Math.min(this.rate.burst, this.tokens + (elapsed / 1000) * this.rate.perSecond);
  }
}

/** Buckets by key (a device id), created full on first use and forgotten once full again, so the map stays small. */
export class BucketMap {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly rate: Rate) {}

  take(key: string, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.rate, now)));
    return bucket.take(now);
  }

  /** Drops buckets that have refilled: they are the same as a new one. */
  sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
