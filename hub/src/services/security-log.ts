import { SecurityEventInputSchema, type SecurityEvent, type SecurityEventInput, type SecurityEventKind } from '@glow/shared';
import type { Logger } from '../logger.ts';

/** Events kept per kind: a flood of one kind (refused origins from a page) never pushes a failed PIN out of the list. */
export const SECURITY_LOG_PER_KIND = 100;
/** The same event again within this time adds to the count of the one listed instead of a new line. */
export const REPEAT_WINDOW_MS = 60_000;

/**
 * Security events (failed PINs, lock-outs, pairing failures, revocations, refused origins and hosts, rate limits):
 * each one is written as a structured warning line (`event: <kind>`) to the hub's log, and kept in memory for the
 * manager's "Security" list (a staff command only the manager may send).
 *
 * Why memory and not the journal: most of these events are caused by people who are not signed in (anyone on the
 * Wi-Fi can fail a pairing code or send a bad origin), so journaling them would let an attacker grow the data
 * directory and slow the floor's writes. The log lines are the lasting record (erased by the operator's log
 * rotation); the list on the tablet is erased by a hub restart, and holds at most SECURITY_LOG_PER_KIND of each kind
 * (oldest dropped first). A burst of the same event is one entry with a count, and one log line. Nothing secret is
 * ever recorded: no PIN, code, token or device secret — only ids, addresses and what kind of thing happened.
 */
export class SecurityLog {
  private readonly byKind = new Map<SecurityEventKind, SecurityEvent[]>();
  private seq = 0;

  constructor(
    private readonly clock: () => number,
    private readonly logger: Logger,
    private readonly perKind = SECURITY_LOG_PER_KIND,
  ) {}

  /**
   * Records one event. Never throws: an over-long address or detail is cut to fit (they come from the network), and
   * an event that still does not fit the schema (an unknown kind) is logged as an error and not listed.
   */
  record(input: SecurityEventInput): void {
    const parsed = SecurityEventInputSchema.safeParse({
      ...input,
      ...(typeof input.address === 'string' ? { address: input.address.slice(0, 100) } : {}),
      ...(typeof input.detail === 'string' ? { detail: input.detail.slice(0, 200) } : {}),
    });
    if (!parsed.success) {
      this.logger.error({ event: 'security_event_invalid', kind: String((input as { kind?: unknown }).kind) }, 'security event not recorded');
      return;
    }
    const now = this.clock();
    const ring = this.byKind.get(parsed.data.kind) ?? [];
    this.byKind.set(parsed.data.kind, ring);
    const last = ring[ring.length - 1];
    if (last && now - last.at < REPEAT_WINDOW_MS && sameEvent(last, parsed.data)) {
      last.count += 1;
      last.at = now;
      return;
    }
    ring.push({ ...parsed.data, seq: ++this.seq, at: now, count: 1 });
    if (ring.length > this.perKind) ring.splice(0, ring.length - this.perKind);
    const { kind, ...fields } = parsed.data;
    this.logger.warn({ event: kind, ...fields }, `security: ${kind}`);
  }

  /** Newest first, as the manager reads them. */
  list(): SecurityEvent[] {
    return [...this.byKind.values()]
      .flat()
      .sort((a, b) => b.at - a.at || b.seq - a.seq)
      .map((e) => ({ ...e }));
  }
}

function sameEvent(a: SecurityEvent, b: Omit<SecurityEvent, 'seq' | 'at' | 'count'>): boolean {
  return a.deviceId === b.deviceId && a.staffId === b.staffId && a.address === b.address && a.detail === b.detail;
}
