/**
 * One client read per turn of the event loop (#16): a search or a record is built, encoded and written in one
 * synchronous stretch (2–5 ms on the large salon), and ten tablets searching and opening records without a pause
 * put ten of them in the same turn, ahead of a kiosk's check-in that arrived meanwhile (profiled: the check-in ack
 * p99 ×6, the event loop delayed 30–120 ms). Each read now waits for its own turn (a setImmediate each): between two
 * reads the loop runs its timers and answers whatever arrived, so the floor waits for at most one read, never ten.
 * The reads keep their order; nothing is refused.
 */
export class ReadTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /** Resolves at the start of a turn of its own; the caller does its synchronous work right after. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
