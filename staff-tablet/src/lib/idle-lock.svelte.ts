import { loadLocked, saveLocked } from './storage.ts';

/**
 * Locks the screen after a while without a touch. The hub session stays valid: the lock only hides the screen
 * until the same person types their PIN again (or someone switches user). A reload stays locked.
 */
export class IdleLock {
  /** The staff member whose screen is locked, or null. */
  lockedFor = $state<string | null>(loadLocked());
  private last: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    /** Who is signed in and how long they may leave the screen (null: never locks right now). */
    private readonly current: () => { staffId: string; limitMs: number | null } | null,
    private readonly now: () => number = Date.now,
    private readonly tickMs = 1000,
  ) {
    this.last = now();
  }

  touch = (): void => {
    this.last = this.now();
  };

  start(): void {
    this.stop();
    this.timer = setInterval(this.tick, this.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  unlock(): void {
    this.touch();
    this.set(null);
  }

  /** True while the signed-in person's screen is locked. */
  isLocked(staffId: string | undefined): boolean {
    return !!staffId && this.lockedFor === staffId;
  }

  readonly tick = (): void => {
    const who = this.current();
    if (!who) {
      if (this.lockedFor) this.set(null); // signed out: nothing left to lock
      return;
    }
    if (this.lockedFor && this.lockedFor !== who.staffId) this.set(null); // someone else signed in
    if (this.lockedFor) return;
    if (who.limitMs === null) {
      this.last = this.now(); // a screen that never locks (the client holds it): the count starts when it ends
      return;
    }
    if (this.now() - this.last >= who.limitMs) this.set(who.staffId);
  };

  private set(staffId: string | null): void {
    this.lockedFor = staffId;
    saveLocked(staffId);
  }
}
