import type { Ack, Language } from '@glow/shared';
import type { HubDeps } from '../deps.ts';
import { applyChanges } from '../store/apply-changes.ts';
import type { Changes, HubState, JournalEntry } from '../store/hub-state.ts';
import { isRefusal, refuse, toAppError, type Refusal } from './app-error.ts';

/** What a pure decision returns: the records to change and the answer for the sender. */
export type Decision<T> = { changes: Changes; result: T };
export type Decide<T> = (state: Readonly<HubState>, now: number) => Decision<T> | Refusal;
/** Runs after every accepted command, on the updated state (auto-assignment); its changes join the same entry. */
export type FollowUp = (state: Readonly<HubState>, now: number) => Changes | null;

/**
 * Something that follows the engine: every durable revision, in order, and a replacement of the whole state (a
 * recovery after a failed write). The live views' publisher is one (services/live-views.ts, transport/socket/live-sync.ts).
 */
export type EngineListener = {
  /** Called in revision order once an entry is durable. */
  committed?(changes: Changes, revision: number): void;
  /** Called when the state was replaced (recovery after a failed write): every client needs a new snapshot. */
  reset?(): void;
};

/**
 * A command with a commandId names its sender: the device (`device:<id>`) or the page (`phone`) it came from. The
 * answer is recorded with the sender, and a retry is answered from the record only for that same sender: another
 * one reusing the id (guessed, or read off the wire) is refused and never sees the first sender's answer.
 */
export type CommandMeta = { command: string; language: Language } & (
  | { commandId: null }
  | { commandId: string; sender: string }
);

/**
 * The one command path (DESIGN §3): decide on the current state, apply in memory, persist with the commandId, and
 * only when the journal has it on disk ack the sender and publish. Decisions run synchronously one after another, so
 * each sees every earlier change; persistence is grouped by the store. A retried commandId gets its first answer.
 */
export class HubEngine {
  state!: HubState;
  revision = 0;
  private stopping = false;
  private recovering: Promise<void> | null = null;
  private readonly inFlight = new Map<string, { sender: string; answer: Promise<Ack<unknown>> }>();
  private readonly persisting = new Set<Promise<unknown>>();
  private lastCheckpoint = 0;
  private checkpointing: Promise<void> | null = null;
  private readonly listeners: EngineListener[] = [];
  /** Changes applied per collection (and `meta`) since the state was last replaced; see `version`. */
  private readonly applied = new Map<string, number>();
  private replaced = 0;

  constructor(
    private readonly deps: Pick<HubDeps, 'store' | 'clock' | 'logger' | 'seed' | 'checkpointEvery'>,
    private readonly hooks: {
      followUp: FollowUp;
      /** Called with each change as soon as it is applied in memory (derived indexes follow the state). */
      applied: (changes: Changes) => void;
    } & EngineListener,
  ) {
    this.listeners.push(hooks);
  }

  /** Adds a follower of the durable revisions and of resets, called after those added before it. */
  follow(listener: EngineListener): void {
    this.listeners.push(listener);
  }

  /**
   * Loads the state from the store, or seeds it on first start (the seed is the first journal entry); resolves true
   * when it seeded (createHub then runs the first start's seed commands, deps.seedCommands).
   */
  async open(): Promise<boolean> {
    const loaded = await this.deps.store.open();
    this.replaced++;
    if (loaded) {
      this.state = loaded.state;
      this.revision = loaded.revision;
      this.lastCheckpoint = loaded.revision;
      return false;
    }
    const seed = await this.deps.seed();
    this.state = seed;
    this.revision = 1;
    const { meta, ...collections } = seed;
    await this.deps.store.append({
      seq: 1,
      at: this.deps.clock(),
      commandId: null,
      command: 'salon:seed',
      changes: { ...collections, meta } as Changes,
    });
    await this.deps.store.checkpoint(this.state, this.revision);
    this.lastCheckpoint = this.revision;
    return true;
  }

  /**
   * A number that grows whenever a change touches any of `keys` (collections or `meta`) or the state is replaced, and
   * stays the same otherwise: what is derived from a few collections (the wait replay's staff, rooms and services) is
   * derived again only when it moves, instead of being compared record by record on every command.
   */
  version(keys: readonly string[]): number {
    let sum = this.replaced;
    for (const key of keys) sum += this.applied.get(key) ?? 0;
    return sum;
  }

  private count(changes: Changes): void {
    for (const key in changes) this.applied.set(key, (this.applied.get(key) ?? 0) + 1);
  }

  /** Whether this sender's command with this id has been answered already (a form sent twice). */
  answered(commandId: string, sender: string): boolean {
    return this.state.commands[commandId]?.sender === sender;
  }

  get accepting(): boolean {
    return !this.stopping && !this.recovering;
  }

  /** Whether some accepted command is still on its way to the disk (applied in memory, not yet published). */
  get writing(): boolean {
    return this.persisting.size > 0;
  }

  execute<T>(meta: CommandMeta, decide: Decide<T>): Promise<Ack<T>> {
    if (this.stopping) return Promise.resolve(this.refused(refuse('unavailable', 'shutting_down'), meta.language));
    if (this.recovering) return Promise.resolve(this.refused(refuse('unavailable'), meta.language));
    if (meta.commandId !== null) {
      const pending = this.inFlight.get(meta.commandId);
      const done = this.state.commands[meta.commandId];
      const owner = pending?.sender ?? done?.sender;
      if (owner !== undefined && owner !== meta.sender) return Promise.resolve(this.refused(refuse('conflict', 'command_id_taken'), meta.language));
      if (pending) return pending.answer as Promise<Ack<T>>;
      if (done) return Promise.resolve(done.result as Ack<T>);
    }

    const now = this.deps.clock();
    const decision = decide(this.state, now);
    if (isRefusal(decision)) return Promise.resolve(this.refused(decision, meta.language));

    applyChanges(this.state, decision.changes);
    this.count(decision.changes);
    // Derived indexes follow at once: the follow-up (auto-assignment) reads them.
    this.hooks.applied(decision.changes);
    const extra = this.hooks.followUp(this.state, now);
    if (extra) {
      applyChanges(this.state, extra);
      this.count(extra);
      this.hooks.applied(extra);
    }
    const changes = extra ? mergeChanges(decision.changes, extra) : decision.changes;

    const ack: Ack<T> = { ok: true, data: decision.result };
    if (meta.commandId !== null) {
      const record = { at: now, sender: meta.sender, result: ack };
      changes.commands = { ...changes.commands, [meta.commandId]: record };
      this.state.commands[meta.commandId] = record;
    }
    const entry: JournalEntry = { seq: ++this.revision, at: now, commandId: meta.commandId, command: meta.command, changes };
    const answer = this.persist(entry, ack, meta.language);
    if (meta.commandId !== null) {
      const id = meta.commandId;
      this.inFlight.set(id, { sender: meta.sender, answer: answer as Promise<Ack<unknown>> });
      void answer.finally(() => this.inFlight.delete(id));
    }
    return answer;
  }

  private async persist<T>(entry: JournalEntry, ack: Ack<T>, language: Language): Promise<Ack<T>> {
    const write = this.deps.store.append(entry);
    this.persisting.add(write);
    try {
      await write;
    } catch (err) {
      this.deps.logger.error({ err, seq: entry.seq, command: entry.command }, 'could not persist a command; reloading');
      // Not awaited: the recovery ends by disconnecting every client (for a fresh snapshot), and an answer sent after
      // that never arrives. `recovering` is set at once, so nothing is accepted until the reload is done.
      void this.recover();
      return this.refused(refuse('unavailable'), language);
    } finally {
      this.persisting.delete(write);
    }
    for (const listener of this.listeners) listener.committed?.(entry.changes, entry.seq);
    this.maybeCheckpoint();
    return ack;
  }

  /** Drops everything that did not reach the disk by re-reading the store; clients then get fresh snapshots. */
  private recover(): Promise<void> {
    this.recovering ??= (async () => {
      try {
        await Promise.allSettled([...this.persisting]);
        const loaded = await this.deps.store.reload();
        if (loaded) {
          this.state = loaded.state;
          this.revision = loaded.revision;
          this.replaced++;
        }
        // Let the refusals of the failed commands go out first (they are sent as their promises settle).
        await new Promise((resolve) => setImmediate(resolve));
        for (const listener of this.listeners) listener.reset?.();
      } catch (err) {
        this.deps.logger.error({ err }, 'reloading the store failed');
      } finally {
        this.recovering = null;
      }
    })();
    return this.recovering;
  }

  private maybeCheckpoint(force = false): void {
    const every = this.deps.checkpointEvery ?? 5000;
    if (this.checkpointing || this.revision === this.lastCheckpoint) return;
    if (!force && this.revision - this.lastCheckpoint < every) return;
    const revision = this.revision;
    this.checkpointing = this.deps.store
      .checkpoint(this.state, revision)
      .then(() => {
        this.lastCheckpoint = revision;
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'checkpoint failed; the journal still has everything'))
      .finally(() => {
        this.checkpointing = null;
      });
  }

  /** A quiet moment: write a snapshot if anything changed since the last one. */
  idleCheckpoint(): void {
    this.maybeCheckpoint(true);
  }

  /** Stops taking commands, waits for every pending write, writes a final snapshot and releases the store. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await Promise.allSettled([...this.persisting]);
    await this.checkpointing;
    await this.deps.store.close({ state: this.state, revision: this.revision });
  }

  private refused(refusal: Refusal, language: Language): Ack<never> {
    return { ok: false, error: toAppError(refusal, language) };
  }
}

/** Later changes win: both were applied in this order. */
export function mergeChanges(a: Changes, b: Changes): Changes {
  const out: Record<string, Record<string, unknown>> = { ...(a as Record<string, Record<string, unknown>>) };
  for (const [key, records] of Object.entries(b)) out[key] = { ...out[key], ...(records as Record<string, unknown>) };
  return out as Changes;
}
