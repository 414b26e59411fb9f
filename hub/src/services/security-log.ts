import { SecurityEventInputSchema, type SecurityEvent, type SecurityEventInput } from '@glow/shared';
import type { Logger } from '../logger.ts';

/** How many events the manager's list keeps: enough for a day of a busy salon's mistakes and a burst of attacks. */
export const SECURITY_LOG_SIZE = 500;

/**
 * Security events (failed PINs, lock-outs, pairing failures, revocations, refused origins and hosts, rate limits):
 * each one is written as a structured warning line (`event: <kind>`) to the hub's log, and kept in a bounded ring in
 * memory for the manager's "Security" list.
 *
 * Why memory and not the journal: these events are written by people who are not signed in (anyone on the Wi-Fi can
 * fail a PIN or send a bad origin), so journaling them would let an attacker grow the data directory and slow the
 * floor's writes. The log lines are the lasting record (the operator's log rotation erases them); the ring is what the
 * manager sees on the tablet, and it is erased by a hub restart or by overflow (oldest first). Nothing secret is ever
 * recorded: no PIN, code, token or secret — only ids, addresses and the kind of event.
 */
export class SecurityLog {
  private readonly ring: SecurityEvent[] = [];
  private seq = 0;

  constructor(
    private readonly clock: () => number,
    private readonly logger: Logger,
    private readonly size = SECURITY_LOG_SIZE,
  ) {}

  /** Records one event. Never throws: a malformed event from a caller is logged as it came and not listed. */
  record(input: SecurityEventInput): void {
    const parsed = SecurityEventInputSchema.safeParse(input);
    if (!parsed.success) {
      this.logger.error({ event: 'security_event_invalid', kind: (input as { kind?: unknown }).kind }, 'security event not recorded');
      return;
    }
    const event: SecurityEvent = { ...parsed.data, seq: ++this.seq, at: this.clock() };
    this.ring.push(event);
    if (this.ring.length > this.size) this.ring.splice(0, this.ring.length - this.size);
    const { kind, ...fields } = parsed.data;
    this.logger.warn({ event: kind, ...fields }, `security: ${kind}`);
  }

  /** Newest first, as the manager reads them. */
  list(): SecurityEvent[] {
    return this.ring.slice().reverse();
  }
}
