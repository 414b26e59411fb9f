/** Counts failures in a sliding window; once there are `max` of them, further attempts are refused until they age. */
export class FailureLimiter {
  private failures: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  blocked(now: number): boolean {
    this.failures = this.failures.filter((t) => t > now - this.windowMs);
    return this.failures.length >= this.max;
  }

  fail(now: number): void {
    this.failures.push(now);
  }
}
