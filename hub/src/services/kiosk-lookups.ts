import { createHmac } from 'node:crypto';
import { maskName, type Client, type ClientLookupResult } from '@glow/shared';
import { derivedKey } from '../security/visitor-token.ts';
import { lookupChoices } from './lookup-choices.ts';

/** How long a person has to pick their name after a look-up. */
export const LOOKUP_MS = 5 * 60_000;
/** Look-ups one kiosk may make: enough for a queue at the door, far too few to walk through phone numbers. */
export const DEFAULT_LOOKUP_LIMIT = { max: 6, windowMs: 60_000 } as const;

type Pending = { clientId: string | null; correct: number | null; expiresAt: number };
type Remembered<T> = { result: T; expiresAt: number };

export type LookupOutcome = { ok: true; result: ClientLookupResult } | { ok: false; reason: 'lookup_rate_limited' };
/** A confirmation: the client when the pick was right, null otherwise; undefined when the look-up is unknown or used. */
export type ConfirmOutcome = { clientId: string | null } | undefined;

/**
 * The kiosk's phone look-ups, kept in memory only (a restart forgets them, which costs a person one more look-up):
 * they hold who a number belongs to, so they never reach the journal. Each look-up can be confirmed once; a wrong
 * pick burns it. A retried command (same commandId) gets its first answer and counts once.
 */
export class KioskLookups {
  private readonly pending = new Map<string, Pending>();
  private readonly lookups = new Map<string, Remembered<LookupOutcome>>();
  private readonly confirms = new Map<string, Remembered<ConfirmOutcome>>();
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly deps: {
      clock: () => number;
      newId: () => string;
      /** The hub's secret key (the look-up key is derived from it). */
      hubKey: () => string;
      limit?: { max: number; windowMs: number };
    },
  ) {}

  /**
   * Three masked names for a phone number. Known and unknown numbers take the same path (one HMAC, one map read,
   * three names), so neither the answer's shape nor its timing tells them apart.
   */
  lookup(kiosk: string, commandId: string, phone: string, clientOf: (phone: string) => Client | undefined): LookupOutcome {
    const now = this.deps.clock();
    this.prune(now);
    const again = this.lookups.get(commandId);
    if (again) return again.result;
    const limit = this.deps.limit ?? DEFAULT_LOOKUP_LIMIT;
    const times = (this.recent.get(kiosk) ?? []).filter((t) => t > now - limit.windowMs);
    if (times.length >= limit.max) {
      this.recent.set(kiosk, times);
      return { ok: false, reason: 'lookup_rate_limited' };
    }
    times.push(now);
    this.recent.set(kiosk, times);

    const client = clientOf(phone);
    const seed = createHmac('sha256', derivedKey(this.deps.hubKey(), 'phone-lookup')).update(phone).digest();
    const { choices, correct } = lookupChoices(seed, client ? maskName(client.firstName, client.lastName) : null);
    const expiresAt = now + LOOKUP_MS;
    const lookupId = this.deps.newId();
    this.pending.set(lookupId, { clientId: client?.id ?? null, correct, expiresAt });
    const outcome: LookupOutcome = { ok: true, result: { lookupId, choices, expiresAt } };
    this.lookups.set(commandId, { result: outcome, expiresAt });
    return outcome;
  }

  /** The person's pick: right → the client; wrong or "none of these" → nobody. Either way the look-up is used up. */
  confirm(commandId: string, lookupId: string, choice: 0 | 1 | 2 | null): ConfirmOutcome {
    const now = this.deps.clock();
    this.prune(now);
    const again = this.confirms.get(commandId);
    if (again) return again.result;
    const p = this.pending.get(lookupId);
    if (!p || p.expiresAt <= now) return undefined;
    this.pending.delete(lookupId);
    const right = choice !== null && p.correct !== null && choice === p.correct;
    const outcome: ConfirmOutcome = { clientId: right ? p.clientId : null };
    this.confirms.set(commandId, { result: outcome, expiresAt: now + LOOKUP_MS });
    return outcome;
  }

  /** Drops what has expired; entries are kept in insertion order, which is also expiry order. */
  private prune(now: number): void {
    for (const map of [this.pending, this.lookups, this.confirms] as Map<string, { expiresAt: number }>[]) {
      for (const [k, v] of map) {
        if (v.expiresAt > now) break;
        map.delete(k);
      }
    }
    if (this.recent.size > 1000) {
      const window = (this.deps.limit ?? DEFAULT_LOOKUP_LIMIT).windowMs;
      for (const [k, times] of this.recent) if (!times.some((t) => t > now - window)) this.recent.delete(k);
    }
  }
}
