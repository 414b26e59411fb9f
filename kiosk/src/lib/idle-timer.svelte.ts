/**
 * Counts down from the last touch. `limitMs()` says how long the current screen may sit untouched (null: forever);
 * when it runs out `onIdle` is called once and the count starts again.
 */
export class IdleTimer {
  /** Milliseconds left before `onIdle`, or null when the current screen never times out. */
  remainingMs = $state<number | null>(null);
  private last: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly limitMs: () => number | null,
    private readonly onIdle: () => void,
    private readonly now: () => number = Date.now,
    private readonly tickMs = 250,
  ) {
    this.last = now();
  }

  touch = (): void => {
    this.last = this.now();
    this.tick();
  };

  start(): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const limit = this.limitMs();
    if (limit === null) {
      this.remainingMs = null;
      return;
    }
    const left = limit - (this.now() - this.last);
    if (left <= 0) {
      this.last = this.now();
      this.remainingMs = limit;
      this.onIdle();
      return;
    }
    this.remainingMs = left;
  }
}
