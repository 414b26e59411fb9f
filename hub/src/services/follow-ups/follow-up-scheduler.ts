import { salonDay } from '@glow/shared';
import type { Logger } from '../../logger.ts';
import type { Changes, HubState } from '../../store/hub-state.ts';
import type { HubEngine } from '../hub-engine.ts';
import { mergeChanges } from '../hub-engine.ts';
import { decideBookingFollowUps, decideSessionCloseFollowUps, todayOf, type FollowUpLog } from './follow-up-decisions.ts';
import type { MergeLinks } from './follow-up-merge-group.ts';
import { finishSweep, nextTurn, sweepInSlices, SweepWatch, type DiskHistory, type Pause, type VisitIdsOf } from './follow-up-sweep-slices.ts';

/**
 * Follow-ups on the command path (#16): the engine shows the scheduler every change it applies (`note`), and asks
 * it, with every command's follow-up, for what a session closed or a booking made in that command makes due. Its
 * tasks and messages join the same journal entry as the close: a crash keeps both or neither, and a replay never
 * decides again (the journal holds the records).
 */
export class FollowUpScheduler {
  private readonly closed = new Set<string>();
  private readonly booked = new Set<string>();

  constructor(private readonly log?: FollowUpLog) {}

  private readonly watchers: Array<(changes: Changes) => void> = [];

  /** Tells `listener` of every change the engine applies, as `note` is told (the sweeper's slices watch them). */
  watch(listener: (changes: Changes) => void): void {
    this.watchers.push(listener);
  }

  /** Remembers the visits that are closed and the bookings that are booked in a change just applied. */
  note(changes: Changes): void {
    for (const watcher of this.watchers) watcher(changes);
    for (const [id, visit] of Object.entries(changes.visits ?? {})) if (visit?.state === 'closed') this.closed.add(id);
    for (const [id, booking] of Object.entries(changes.bookings ?? {})) if (booking?.state === 'booked') this.booked.add(id);
  }

  /** What the noted changes make due (each once: a visit closed before and changed again finds its tasks there). */
  followUp(state: Readonly<HubState>, now: number): Changes | null {
    if (this.closed.size === 0 && this.booked.size === 0) return null;
    const closed = [...this.closed];
    const booked = [...this.booked];
    this.closed.clear();
    this.booked.clear();
    const changes = mergeChanges(decideSessionCloseFollowUps(state, now, closed, this.log), decideBookingFollowUps(state, now, booked, this.log));
    return Object.keys(changes).length ? changes : null;
  }
}

/** How often the sweeper looks whether the salon's day has changed. */
export const SWEEP_CHECK_MS = 60_000;
/** How long after start-up the first sweep waits (see FollowUpSweeper.start). */
const FIRST_CHECK_DELAY_MS = 2_000;

/**
 * The daily sweep, driven by the hub's clock like the floor's tick (floor-tick.ts): at start-up and whenever the
 * salon's calendar day changes it runs `followUps:sweep` through the engine, journaled like every change. It writes
 * an entry only when something is due, and a sweep run twice on a day (a restart) finds every key used already.
 *
 * Summing up every client's visits takes 0.3–1 s on the large salon: it is done in slices with the floor answered in
 * between (follow-up-sweep-slices.ts), and only the decision, on the current state, takes one turn at the end.
 */
export class FollowUpSweeper {
  private timer: NodeJS.Timeout | null = null;
  private firstCheck: NodeJS.Timeout | null = null;
  private sweptDay: string | null = null;
  private running: Promise<boolean> | null = null;
  /** The visits changed while a sweep's slices run (null when none runs). */
  private watch: SweepWatch | null = null;
  /** Bumped by stop() and by a reset of the engine's state: a sweep under way gives up at its next slice. */
  private generation = 0;

  constructor(
    private readonly deps: {
      engine: HubEngine;
      clock: () => number;
      logger: Logger;
      log?: FollowUpLog;
      intervalMs?: number;
      /** Every change as the engine applies it (FollowUpScheduler.watch): a sweep under way sees what changed meanwhile. */
      applied?: { watch(listener: (changes: Changes) => void): void };
      /** Each client's visit ids without listing every visit (the client search index); listed from the state without it. */
      visitIdsOf?: VisitIdsOf;
      /** Visits in months left on disk (the store): a long-lapsed client is summed up with them, not as never served. */
      disk?: DiskHistory;
      /** Who was merged into whom (the hub's ClientLinksIndex): a kept record is swept with every record merged into it. */
      links?: MergeLinks;
      /** The pause between slices (tests make it run their own changes in between). */
      pause?: (goOn: () => boolean) => Pause;
    },
  ) {
    deps.applied?.watch((changes) => this.watch?.note(changes));
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.deps.intervalMs ?? SWEEP_CHECK_MS);
    this.timer.unref();
    // The first sweep waits until the hub has answered its first requests: summing up every client's visits,
    // even in slices, must not stand between a restart and the floor answering again.
    this.firstCheck = setTimeout(() => void this.check(), FIRST_CHECK_DELAY_MS);
    this.firstCheck.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.firstCheck) clearTimeout(this.firstCheck);
    this.timer = null;
    this.firstCheck = null;
    this.generation++;
  }

  /** Followed from the engine: new settings from the manager are swept at the next check, not the next day. */
  committed(changes: Changes): void {
    if (changes.meta?.followUps) this.sweptDay = null;
    // Durable changes too (the engine's `applied` is the complete source; this one when it is not wired).
    this.watch?.note(changes);
  }

  /** The engine's state was replaced (a recovery): a sweep under way read the old one and gives up. */
  reset(): void {
    this.generation++;
  }

  /** Sweeps if the salon's day changed since the last sweep; resolves true when it wrote a revision. */
  async check(): Promise<boolean> {
    const { engine, clock } = this.deps;
    if (this.running || !engine.accepting) return false;
    const now = clock();
    const day = salonDay(now, engine.state.meta.floor.timeZone);
    if (day === null || day === this.sweptDay) return false;
    return this.sweep(day);
  }

  /** Runs the sweep now (the manager saved new settings; a test); one under way already is waited for instead. */
  sweep(day: string | null = null): Promise<boolean> {
    if (this.running) return this.running;
    const run = this.run(day).finally(() => {
      this.running = null;
      this.watch = null;
    });
    this.running = run;
    return run;
  }

  private async run(day: string | null): Promise<boolean> {
    const { engine, logger, clock } = this.deps;
    const state = engine.state;
    const generation = this.generation;
    const today = todayOf(state, clock());
    const watch = new SweepWatch();
    this.watch = watch;
    const goOn = () => generation === this.generation && engine.state === state && engine.accepting;
    const found = await sweepInSlices(state, today, (this.deps.pause ?? nextTurn)(goOn), undefined, this.deps.visitIdsOf, this.deps.disk, this.deps.links);
    if (!found || !goOn()) return false;
    const now = clock();
    // The salon's day turned while the slices ran: the next check sweeps the new day.
    if (todayOf(state, now) !== today) return false;
    // Made on the current state, in this one turn: the tasks a close created or cancelled meanwhile exist and are
    // left alone, and whoever changed meanwhile is decided again. execute() runs its decision synchronously, before
    // anything else can change the state, so these are still what the state calls for; a quiet day writes nothing.
    const changes = finishSweep(state, now, found, watch, this.deps.log);
    if (Object.keys(changes).length === 0) {
      if (day) this.sweptDay = day;
      return false;
    }
    try {
      const ack = await engine.execute({ command: 'followUps:sweep', commandId: null, language: 'en' }, () => ({ changes, result: {} }));
      if (ack.ok && day) this.sweptDay = day;
      if (!ack.ok) logger.warn({ error: ack.error }, 'follow-up sweep not applied; the next check tries again');
      return ack.ok;
    } catch (err) {
      logger.error({ err }, 'follow-up sweep failed; the next check tries again');
      return false;
    }
  }
}

/** Both follow-ups of a command, the floor's and these, as one change (or none). */
export function withFollowUps(floor: Changes | null, followUps: Changes | null): Changes | null {
  if (!floor) return followUps;
  return followUps ? mergeChanges(floor, followUps) : floor;
}

/** A follow-up not created (marketing without consent, an unknown client): said in the log, never thrown. */
export const followUpLogTo =
  (logger: Logger): FollowUpLog =>
  (entry) =>
    logger.info(entry, 'follow-up not created');
