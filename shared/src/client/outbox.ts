import type { Ack } from '../contracts/errors.ts';
import { newCommandId } from './command-id.ts';
import type { SocketLike, StorageLike } from './socket-like.ts';

export type PendingCommand = { commandId: string; name: string; input: Record<string, unknown>; queuedAt: number };

/** How an answer reached the outbox: `awaited` is false for a command loaded from storage (sent before a reload). */
export type AnswerInfo = { awaited: boolean };

export type OutboxOptions = {
  /** Every change of the pending list (queued, answered). */
  onPendingChange?: (pending: readonly PendingCommand[]) => void;
  /**
   * Every answer from the hub, success or refusal, including those to commands queued before a reload, which no
   * `send()` promise is waiting for any more. Called before the `send()` promise resolves.
   */
  onAnswer?: (command: PendingCommand, ack: Ack<unknown>, info: AnswerInfo) => void;
  ackTimeoutMs?: number;
  now?: () => number;
};

type Waiter = (ack: Ack<unknown>) => void;

/**
 * Commands waiting for the hub's answer, kept in storage so that a reload or a dropped connection loses none
 * (DESIGN §4). Each keeps its commandId across retries; the hub applies it once. Commands are sent in order, one at
 * a time, whenever the socket is connected; an answer (success or refusal) removes the command.
 *
 * The fourth argument is either the `onPendingChange` callback (the original signature) or an options object.
 */
export class Outbox {
  private pending: PendingCommand[];
  private readonly waiters = new Map<string, Waiter>();
  private sending = false;
  private readonly onPendingChange: (pending: readonly PendingCommand[]) => void;
  private readonly onAnswer: NonNullable<OutboxOptions['onAnswer']>;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly socket: SocketLike,
    private readonly storage: StorageLike,
    private readonly key: string,
    onPendingChangeOrOptions: ((pending: readonly PendingCommand[]) => void) | OutboxOptions = {},
    ackTimeoutMs?: number,
    now?: () => number,
  ) {
    const options: OutboxOptions =
      typeof onPendingChangeOrOptions === 'function'
        ? { onPendingChange: onPendingChangeOrOptions }
        : onPendingChangeOrOptions;
    this.onPendingChange = options.onPendingChange ?? (() => {});
    this.onAnswer = options.onAnswer ?? (() => {});
    this.ackTimeoutMs = ackTimeoutMs ?? options.ackTimeoutMs ?? 5000;
    this.now = now ?? options.now ?? Date.now;
    this.pending = this.load();
    socket.on('connect', this.flush);
  }

  get items(): readonly PendingCommand[] {
    return this.pending;
  }

  /** Queues a command and resolves with the hub's answer, however many reconnects that takes. */
  send<T>(name: string, input: Record<string, unknown>): Promise<Ack<T>> {
    const command: PendingCommand = { commandId: newCommandId(), name, input, queuedAt: this.now() };
    this.pending = [...this.pending, command];
    this.save();
    const answer = new Promise<Ack<T>>((resolve) => this.waiters.set(command.commandId, resolve as Waiter));
    void this.flush();
    return answer;
  }

  /** Sends everything pending, oldest first; stops at the first timeout and tries again on the next connect. */
  readonly flush = async (): Promise<void> => {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length && this.socket.connected) {
        const command = this.pending[0]!;
        let ack: Ack<unknown>;
        try {
          ack = await this.socket
            .timeout(this.ackTimeoutMs)
            .emitWithAck(command.name, { ...command.input, commandId: command.commandId });
        } catch {
          if (this.socket.connected) continue; // the hub was slow: retry the same commandId
          break; // disconnected: the next 'connect' resumes
        }
        if (!ack.ok && (ack.error.code === 'unavailable' || ack.error.code === 'unauthorized')) {
          break; // the hub is restarting or wants a new sign-in: keep it and retry later
        }
        this.pending = this.pending.filter((c) => c.commandId !== command.commandId);
        this.save();
        const waiter = this.waiters.get(command.commandId);
        this.waiters.delete(command.commandId);
        try {
          this.onAnswer(command, ack, { awaited: waiter !== undefined });
        } catch {
          // A listener's failure must not stall the commands behind this one.
        }
        waiter?.(ack);
      }
    } finally {
      this.sending = false;
    }
  };

  dispose(): void {
    this.socket.off('connect', this.flush);
  }

  private load(): PendingCommand[] {
    try {
      const raw = this.storage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as PendingCommand[]) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    if (this.pending.length) this.storage.setItem(this.key, JSON.stringify(this.pending));
    else this.storage.removeItem(this.key);
    this.onPendingChange(this.pending);
  }
}
