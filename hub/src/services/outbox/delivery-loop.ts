import { formatPersonName, keptClientOf, type OutboxMessage } from '@glow/shared';
import type { Logger } from '../../logger.ts';
import type { HubEngine } from '../hub-engine.ts';
import { decideClaim, decideOutcome, decideRecoverInFlight, decideReduce } from './delivery-decisions.ts';
import { outboxSettingsOf } from './outbox-settings.ts';
import type { Outgoing, SendResult } from './sender.ts';
import type { SenderSet } from './sender-set.ts';

/** How often the outbox looks for messages due. */
export const OUTBOX_TICK_MS = 5_000;
/** How long a hub that stops waits for the messages out (see `stop`). */
export const STOP_WAIT_MS = 3_000;
/** How often settled messages past the salon's days are reduced to delivery records. */
const REDUCE_EVERY_MS = 3_600_000;

/**
 * The hub's delivery loop (#16), driven like the floor tick: every few seconds it asks the engine to claim the
 * messages due (one journaled command, `outbox:claim`, each message `sending` with its attempt count, on disk before
 * any sender is called), sends them concurrently with async I/O only (the event loop and the command path are never
 * held: a slow SMTP server delays only its own messages, and the next tick skips while one is still out), then
 * journals each outcome (`outbox:result`). At start-up, messages left `sending` by a crash become `uncertain`
 * (delivery-decisions.ts explains the at-most-once choice).
 */
export class OutboxDelivery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private lastReduce = 0;

  constructor(
    private readonly deps: {
      engine: HubEngine;
      senders: SenderSet;
      clock: () => number;
      logger: Logger;
      intervalMs?: number;
    },
  ) {}

  /** After the store is open, before listening: settles what a crash left in flight, then starts the timer. */
  async start(): Promise<void> {
    const { engine } = this.deps;
    const recovered = decideRecoverInFlight(engine.state, this.deps.clock());
    if (recovered) {
      const ack = await engine.execute({ command: 'outbox:recover', commandId: null, language: 'en' }, () => ({ changes: recovered, result: {} }));
      if (!ack.ok) throw new Error(ack.error.message);
      this.deps.logger.warn({ messages: Object.keys(recovered.outbox ?? {}).length }, 'messages in flight when the hub stopped: marked uncertain (not resent by themselves)');
    }
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs ?? OUTBOX_TICK_MS);
    this.timer.unref();
  }

  /**
   * Stops the timer and waits a little for the messages out to be settled (each outcome journaled). A server still
   * silent after `STOP_WAIT_MS` does not hold the hub's stop: its message stays `sending` on disk and is `uncertain`
   * at the next start (at most once), and its late outcome is refused by the stopping engine.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([this.running?.catch(() => 0), new Promise((resolve) => (wait = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(wait);
    this.deps.senders.close();
  }

  /** One round now: resolves with how many messages it tried (0 when another round is still out, or nothing is due). */
  tick(): Promise<number> {
    if (this.running || !this.deps.engine.accepting) return Promise.resolve(0);
    const run = this.round().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async round(): Promise<number> {
    const { engine, logger } = this.deps;
    const now = this.deps.clock();
    if (now - this.lastReduce >= REDUCE_EVERY_MS) {
      this.lastReduce = now;
      const reduced = decideReduce(engine.state, now);
      if (reduced) await engine.execute({ command: 'outbox:reduce', commandId: null, language: 'en' }, () => ({ changes: reduced, result: {} }));
    }
    // Nothing due: no journal entry (a quiet outbox writes nothing, as a quiet floor does).
    if (Object.keys(decideClaim(engine.state, now).changes).length === 0) return 0;
    const claim = await engine.execute({ command: 'outbox:claim', commandId: null, language: 'en' }, (state, at) => decideClaim(state, at));
    if (!claim.ok) {
      logger.warn({ error: claim.error }, 'outbox claim not applied');
      return 0;
    }
    const ids = claim.data.claimed;
    await Promise.all(ids.map((id) => this.deliver(id)));
    return ids.length;
  }

  private async deliver(id: string): Promise<void> {
    const { engine, logger } = this.deps;
    const state = engine.state;
    const message = state.outbox[id];
    if (!message || message.state !== 'sending') return;
    const result = await this.sendOne(message);
    if (!result.ok) logger.warn({ messageId: id, code: result.code, temporary: result.temporary, attempt: message.attempts }, 'message not delivered');
    const ack = await engine.execute({ command: 'outbox:result', commandId: null, language: 'en' }, (s, now) => ({
      changes: decideOutcome(s, now, id, result),
      result: {},
    }));
    if (!ack.ok) logger.error({ messageId: id, error: ack.error }, 'outcome of a message not journaled: it stays sending and becomes uncertain at the next start');
  }

  private async sendOne(message: OutboxMessage): Promise<SendResult> {
    const state = this.deps.engine.state;
    const client = keptClientOf(state.clients, message.clientId);
    const channel = message.channel ?? 'file';
    const sender = this.deps.senders.senderFor(channel, outboxSettingsOf(state), state.meta.sessionKey);
    if (!sender) return { ok: false, code: 'not_configured', temporary: true, detail: channel };
    const outgoing: Outgoing = {
      id: message.id,
      channel,
      to: message.to ?? '',
      clientName: client ? formatPersonName(client) : '',
      subject: message.subject,
      body: message.body,
      language: message.language,
      purpose: message.purpose,
      kind: message.kind,
    };
    try {
      return await sender.send(outgoing);
    } catch (err) {
      // Senders return failures; a throw is a bug, still recorded on the message rather than lost.
      return { ok: false, code: 'network', temporary: true, detail: String((err as Error).message).slice(0, 480) };
    }
  }
}
