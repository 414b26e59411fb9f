import type { Logger } from '../logger.ts';
import type { ActiveVisits } from './active-visits.ts';
import { floorFollowUp } from './auto-assign.ts';
import type { HubEngine } from './hub-engine.ts';

/** How often the floor looks at the clock. */
export const FLOOR_TICK_MS = 5_000;

/**
 * The floor's clock. Every few seconds it asks whether time alone has changed anything: a room's cleaning ended, a
 * shift or break began or ended (so a waiting client can now be assigned), or what the screens show (a wait in
 * minutes, a session running over, who is on shift). Only then does it run a system command through the engine, so
 * the change is journaled, acknowledged by the disk and published like any other.
 *
 * Revisions and clock-driven changes: a wait or an overrun that changes only because time passed is published as a
 * revision of its own, a journal entry with no record changes (`floor:tick`). The alternative, publishing only real
 * changes and letting tablets count down locally, would leave the kiosk's waits and the board's overruns and shift
 * states to be re-derived on every screen from rules that live on the hub. With the tick, a view is always exactly
 * the hub's at some revision, revisions stay consecutive for every client (the tick goes through the one command
 * path), and a quiet floor journals nothing: no entry is written unless something visible changed, which is at most
 * about once a minute while clients wait (estimates are whole minutes).
 */
export class FloorTicker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly deps: {
      engine: HubEngine;
      active: ActiveVisits;
      clock: () => number;
      logger: Logger;
      /** Whether the published views would differ at this moment (the live views know the last revision's figures). */
      viewsChangedAt: (now: number) => boolean;
      intervalMs?: number;
    },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs ?? FLOOR_TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs one tick now; resolves true when it wrote a revision. */
  async tick(): Promise<boolean> {
    const { engine } = this.deps;
    // A tick still being written, or commands not yet published: the next tick will look again. (Under load every
    // command's follow-up frees rooms and assigns clients, and every publish refreshes waits, so nothing starves.)
    if (this.running || !engine.accepting || engine.writing) return false;
    const state = engine.state;
    const now = this.deps.clock();
    const due = floorFollowUp(state, now, this.deps.active.list(state)) !== null || this.deps.viewsChangedAt(now);
    if (!due) return false;
    // The tick itself decides nothing: the follow-up every command gets (rooms freed, clients assigned) does the work,
    // and an entry without record changes is still a revision, carrying the new waits and overruns to the screens.
    const run = engine.execute({ command: 'floor:tick', commandId: null, language: 'en' }, () => ({ changes: {}, result: {} }));
    this.running = run;
    try {
      const ack = await run;
      if (!ack.ok) this.deps.logger.warn({ error: ack.error }, 'floor tick not applied');
      return ack.ok;
    } finally {
      this.running = null;
    }
  }
}
